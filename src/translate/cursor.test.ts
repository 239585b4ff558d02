import { describe, expect, it } from "vitest";
import { ClientError } from "../errors/client-errors.js";
import { decodeCursor, encodeCursor, encodeKeyCursor, type KeysetList, page } from "./cursor.js";
import { clip, MAX_CURSOR_LENGTH } from "./limits.js";

const b64 = (text: string): string => Buffer.from(text, "utf8").toString("base64url");

const MENTIONS: KeysetList = { list: "mentions", types: ["string", "int", "int", "string"] };

/** The error `page` throws for these arguments, as the client sees it. */
function refusal(args: Record<string, unknown>, keyset?: KeysetList): { message: string; extensions: Record<string, unknown> } {
  try {
    page(args, keyset);
  } catch (error) {
    if (error instanceof ClientError) return { message: error.message, extensions: { ...error.extensions } };
    throw error;
  }
  throw new Error(`page(${JSON.stringify(args)}) was accepted`);
}

describe("cursor codec", () => {
  it("gives out opaque base64url strings, without padding", () => {
    for (const cursor of [
      encodeCursor(0),
      encodeCursor(123_456_789),
      encodeKeyCursor("entities.ZONE", ["zone:邮轮港区"]),
      encodeKeyCursor("mentions", ["001_b0", 7, 12, "5:ab-cd:9"]),
    ]) {
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/u);
    }
  });

  it("decodes what it encodes: positions, and order keys of strings (any script) and integers", () => {
    expect(decodeCursor(encodeCursor(39))).toEqual({ kind: "offset", offset: 39 });
    const key = ["001_b0e5e1e4ebf92b9c", 0, 2_147_483_648, "5:7d1c:1234", '市北区"quoted"\\', ""];
    expect(decodeCursor(encodeKeyCursor("mentions", key))).toEqual({ kind: "key", list: "mentions", key });
    expect(decodeCursor(encodeKeyCursor("observations.newest", [-3, "TARGET", "observation:1"]))).toEqual({
      kind: "key",
      list: "observations.newest",
      key: [-3, "TARGET", "observation:1"],
    });
  });

  it("holds an order key with a 200-character Chinese id within the cursor length limit", () => {
    expect(encodeKeyCursor("entities.PROJECT", [`project:${"市".repeat(200)}`]).length).toBeLessThanOrEqual(MAX_CURSOR_LENGTH);
  });

  it("refuses garbled, re-padded, forged and over-long cursors as bad input naming `after`", () => {
    const good = encodeKeyCursor("mentions", ["d", 1, 2, "e"]);
    for (const cursor of [
      "",
      "not a cursor",
      "!!!!",
      `${good}=`,
      `${good}!`,
      `${good.slice(0, -1)}`,
      `${good.slice(0, 5)}*${good.slice(5)}`,
      "b2Zmc2V0OjA=",
      b64("offset:-1"),
      b64("offset:1e3"),
      b64("offset:9999999999"),
      b64("offset:"),
      b64("key:"),
      b64("key:{"),
      b64("key:[]"),
      b64('key:["mentions"]'),
      b64("key:null"),
      b64('key:{"list":"mentions"}'),
      b64('key:[1, "d", 1, 2, "e"]'),
      b64('key:["mentions", "d", 1.5, 2, "e"]'),
      b64('key:["mentions", "d", 1e300, 2, "e"]'),
      b64('key:["mentions", "d", null, 2, "e"]'),
      b64('key:["mentions", "d", [1], 2, "e"]'),
      b64('key:["mentions", "d", {"a": 1}, 2, "e"]'),
      b64('key:["mentions", "d", true, 2, "e"]'),
      b64('KEY:["mentions", "d", 1, 2, "e"]'),
      Buffer.from([0x6b, 0x65, 0x79, 0x3a, 0xff, 0xfe]).toString("base64url"),
      "A".repeat(MAX_CURSOR_LENGTH + 1),
      "x".repeat(100_000),
    ]) {
      const { message, extensions } = refusal({ after: cursor }, MENTIONS);
      expect({ cursor, message, extensions }).toEqual({
        cursor,
        message: expect.stringMatching(/ is not a cursor this API gave out$/u),
        extensions: { code: "BAD_USER_INPUT", argument: "after" },
      });
    }
  });

  it("quotes at most a line of a refused cursor back", () => {
    expect(refusal({ after: "x".repeat(100_000) }).message).toBe(`"${"x".repeat(60)}…" is not a cursor this API gave out`);
  });

  it("refuses a cursor of another list, and a key cursor on a list paged by position", () => {
    const zones = encodeKeyCursor("entities.ZONE", ["zone:a"]);
    for (const [cursor, keyset] of [
      [zones, { list: "entities.PROJECT", types: ["string"] }],
      [zones, undefined],
      [encodeKeyCursor("observations", [2023, "TARGET", "observation:1"]), { list: "observations.newest", types: ["int", "string", "string"] }],
      [encodeKeyCursor("entity.observations", [2023, "TARGET", "observation:1"]), { list: "observations", types: ["int", "string", "string"] }],
    ] as const) {
      expect(refusal({ after: cursor }, keyset)).toEqual({
        message: `"${clip(cursor)}" is a cursor of another list: pass one this list gave out`,
        extensions: { code: "BAD_USER_INPUT", argument: "after" },
      });
    }
  });

  it("refuses a cursor of the right list whose key does not fit the list's order", () => {
    for (const key of [
      ["d", 1, 2],
      ["d", 1, 2, "e", "f"],
      ["d", "1", 2, "e"],
      [1, 1, 2, "e"],
    ]) {
      expect(refusal({ after: encodeKeyCursor("mentions", key) }, MENTIONS).message).toMatch(/is not a cursor this API gave out$/u);
    }
  });

  it("starts a page at the first item, after a position, or after an order key", () => {
    expect(page({}, MENTIONS)).toEqual({ first: 20, after: { kind: "start" } });
    expect(page({ first: 0, after: null })).toEqual({ first: 0, after: { kind: "start" } });
    expect(page({ first: 5, after: encodeCursor(39) })).toEqual({ first: 5, after: { kind: "offset", offset: 40 } });
    // An offset cursor given out before a list paged by keyset still pages it (by position).
    expect(page({ first: 5, after: encodeCursor(39) }, MENTIONS)).toEqual({ first: 5, after: { kind: "offset", offset: 40 } });
    expect(page({ first: 100, after: encodeKeyCursor("mentions", ["d", 1, 2, "e"]) }, MENTIONS)).toEqual({
      first: 100,
      after: { kind: "key", key: ["d", 1, 2, "e"] },
    });
  });

  it("refuses page sizes outside 0–100", () => {
    for (const first of [-1, 101, 2_147_483_647, 1.5, "20"]) {
      expect(refusal({ first })).toEqual({
        message: `first must be between 0 and 100 (got ${first})`,
        extensions: { code: "BAD_USER_INPUT", argument: "first" },
      });
    }
  });
});
