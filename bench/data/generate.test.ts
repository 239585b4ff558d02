import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { district, districtDocuments, documents, nodeIds, planFor } from "./generate.js";

const digest = (value: unknown): string => createHash("sha256").update(JSON.stringify(value)).digest("hex");

describe("bench data generator", () => {
  it("is deterministic: the same seed gives the same documents, another seed other values", () => {
    const plan = planFor(3_000, 42);
    expect(digest([...documents(plan)])).toBe(digest([...documents(plan)]));
    expect(digest([...documents(planFor(3_000, 7))])).not.toBe(digest([...documents(plan)]));
  });

  it("gives district k the same content in a small and in a large graph", () => {
    const small = [...documents(planFor(3_000, 42))].filter((d) => d.document.id.startsWith("bench-3-"));
    const alone = [...districtDocuments(42, district(42, 3))];
    expect(small.length).toBe(10);
    expect(digest(small)).toBe(digest(alone));
  });

  it("sizes the plan to the requested node count (within one district)", () => {
    for (const nodes of [3_000, 10_000]) {
      const plan = planFor(nodes, 42);
      const ids = new Set([...documents(plan)].flatMap(nodeIds));
      expect(ids.size).toBeGreaterThanOrEqual(nodes);
      expect(ids.size).toBeLessThan(nodes + 700);
      expect(planFor(nodes, 42).districts).toBe(plan.districts);
    }
  });

  it("cites exact characters: every quote is the document text at its offsets, inside its passage", () => {
    for (const rows of districtDocuments(42, district(42, 0))) {
      const passages = new Map(rows.passages.map((p) => [p.id, p]));
      const citations = [...rows.mentions, ...rows.observationCitations, ...rows.postCitations];
      expect(citations.length).toBeGreaterThan(10);
      for (const c of citations) {
        const passage = passages.get(c.passageId);
        expect(passage, c.passageId).toBeDefined();
        expect(rows.document.text.slice(c.start, c.end)).toBe(c.quote);
        expect(c.start >= (passage?.start ?? Infinity) && c.end <= (passage?.end ?? -1)).toBe(true);
      }
      for (const p of rows.passages) expect(rows.document.text.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it("restates targets in the news and makes one of them conflict, as the corpus does", () => {
    const [report, news] = [...districtDocuments(42, district(42, 0))];
    const targets = (rows: typeof report) => new Map((rows?.observations ?? []).filter((o) => o.kind === "TARGET").map((o) => [o.factKey, o.value]));
    const inReport = targets(report);
    const inNews = targets(news);
    const same = [...inNews].filter(([k, v]) => inReport.get(k) === v);
    const different = [...inNews].filter(([k, v]) => inReport.has(k) && inReport.get(k) !== v);
    expect([same.length, different.length]).toEqual([6, 1]);
  });
});
