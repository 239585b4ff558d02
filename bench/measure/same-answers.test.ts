import { describe, expect, it } from "vitest";
import { CORPUS_PICKS } from "../ops/picks.js";
import type { Client } from "./clients.js";
import { compareAnswers, firstDifference } from "./same-answers.js";

const fixed = (name: Client["name"], answer: (op: string) => unknown): Client => ({ name, call: async (op) => answer(op.name) });

describe("same-answer check", () => {
  it("names the first place two answers part", () => {
    expect(firstDifference({ a: [1, { b: "x" }] }, { a: [1, { b: "x" }] })).toBeUndefined();
    expect(firstDifference({ a: [1, { b: "x" }] }, { a: [1, { b: "y" }] })).toBe('data.a[1].b: expected "x", got "y"');
    expect(firstDifference([1, 2], [1])).toBe("data: 2 items expected, got 1");
  });

  it("checks every operation and reports differences and errors per operation", async () => {
    const reference = fixed("cypher", (op) => ({ op }));
    const other = fixed("peer", (op) => {
      if (op === "search") throw new Error("peer answered errors");
      return { op: op === "deepWalk" ? "other" : op };
    });
    const results = await compareAnswers(reference, other, CORPUS_PICKS);
    expect(results).toHaveLength(7);
    expect(results.filter((r) => !r.same)).toEqual([
      { name: "search", same: false, detail: "peer answered errors" },
      { name: "deepWalk", same: false, detail: 'data.op: expected "deepWalk", got "other"' },
    ]);
  });
});
