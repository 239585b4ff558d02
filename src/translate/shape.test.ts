import { describe, expect, it } from "vitest";
import { decodeCursor, encodeKeyCursor } from "./cursor.js";
import { CONNECTION_KEY, CURSOR_KEY, isProjection, KEY_KEY, PAGE_INFO_KEY, shape } from "./shape.js";

const cursor = { [CURSOR_KEY]: true };
const pageInfo = { [PAGE_INFO_KEY]: { hasNextPage: "hasNextPage", hasPreviousPage: "hasPreviousPage", startCursor: "startCursor", endCursor: "endCursor" } };
const raw = (offset: number, first: number, items: number, totalCount: number | null = null) => ({
  [CONNECTION_KEY]: { offset, first },
  totalCount,
  pageInfo,
  edges: Array.from({ length: items }, (_, i) => ({ n: offset + i, cursor })),
});

interface Shaped {
  edges: Array<{ n: number; cursor: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

describe("shape: raw connections to Relay connections", () => {
  it("reads hasNextPage from the one item past the page, and drops that item", () => {
    const full = shape(raw(40, 20, 21)) as Shaped;
    expect(full.edges.map((e) => e.n)).toEqual(Array.from({ length: 20 }, (_, i) => 40 + i));
    expect(full.edges.map((e) => decodeCursor(e.cursor))).toEqual(Array.from({ length: 20 }, (_, i) => ({ kind: "offset", offset: 40 + i })));
    expect(full.pageInfo.hasNextPage).toBe(true);
    expect(full.pageInfo.hasPreviousPage).toBe(true);
    expect([decodeCursor(full.pageInfo.startCursor ?? ""), decodeCursor(full.pageInfo.endCursor ?? "")]).toEqual([
      { kind: "offset", offset: 40 },
      { kind: "offset", offset: 59 },
    ]);
    const last = shape(raw(40, 20, 20)) as Shaped;
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.edges).toHaveLength(20);
  });

  it("gives an empty page no cursors", () => {
    const empty = shape(raw(0, 20, 0, 0)) as Shaped & { totalCount: number };
    expect(empty).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });

  it("puts every field under the client's response key, whatever the key is called", () => {
    const shaped = shape({
      [CONNECTION_KEY]: { offset: 0, first: 1 },
      // A computed key is an own property; a literal `__proto__:` would set the prototype.
      ["__proto__"]: [
        { toString: cursor, cursor: { x: 1 } },
        { toString: cursor, cursor: { x: 2 } },
      ],
      constructor: { [PAGE_INFO_KEY]: { hasNextPage: "endCursor", endCursor: "hasNextPage" } },
      edges: 7,
    });
    expect(Object.getPrototypeOf(shaped)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(shaped))).toEqual({
      ["__proto__"]: [{ toString: "b2Zmc2V0OjA", cursor: { x: 1 } }],
      constructor: { hasNextPage: "b2Zmc2V0OjA", endCursor: true },
      edges: 7,
    });
  });

  it("counts the page from `read` when no edges were asked for", () => {
    const shaped = shape({
      [CONNECTION_KEY]: { offset: 5, first: 2, read: 3 },
      p: { [PAGE_INFO_KEY]: { a: "hasNextPage", b: "startCursor", c: "endCursor" } },
    }) as { p: Record<string, unknown> };
    expect(shaped.p).toEqual({ a: true, b: "b2Zmc2V0OjU", c: "b2Zmc2V0OjY" });
  });

  it("makes a keyset page's cursors from each edge's order key, and drops the key", () => {
    const keyed = (after: boolean, items: number) => ({
      [CONNECTION_KEY]: { list: "mentions", first: 2, after },
      pageInfo,
      edges: Array.from({ length: items }, (_, i) => ({ [KEY_KEY]: ["doc", 10 * i, 10 * i + 4, `5:x:${i}`], n: i, cursor })),
    });
    const page = shape(keyed(true, 3)) as Shaped;
    expect(JSON.parse(JSON.stringify(page.edges))).toEqual([
      { n: 0, cursor: encodeKeyCursor("mentions", ["doc", 0, 4, "5:x:0"]) },
      { n: 1, cursor: encodeKeyCursor("mentions", ["doc", 10, 14, "5:x:1"]) },
    ]);
    expect(decodeCursor(page.edges[1]?.cursor ?? "")).toEqual({ kind: "key", list: "mentions", key: ["doc", 10, 14, "5:x:1"] });
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: page.edges[0]?.cursor, endCursor: page.edges[1]?.cursor });
    const first = shape(keyed(false, 2)) as Shaped;
    expect(first.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const empty = shape(keyed(true, 0)) as Shaped;
    expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it("reads a keyset page's cursors from its keys when no edges were asked for", () => {
    const shaped = shape({
      [CONNECTION_KEY]: { list: "entities.ZONE", first: 2, after: false, keys: [["zone:a"], ["zone:b"], ["zone:c"]] },
      p: { [PAGE_INFO_KEY]: { a: "hasNextPage", b: "startCursor", c: "endCursor" } },
    }) as { p: Record<string, unknown> };
    expect(shaped.p).toEqual({ a: true, b: encodeKeyCursor("entities.ZONE", ["zone:a"]), c: encodeKeyCursor("entities.ZONE", ["zone:b"]) });
  });

  it("refuses to make a cursor for a keyset edge that came back without its key", () => {
    expect(() => shape({ [CONNECTION_KEY]: { list: "mentions", first: 2, after: false }, edges: [{ cursor }] })).toThrow(/without its order key/);
  });

  it("marks what it builds as projections, so fields are read by response key", () => {
    const shaped = shape({ a: { b: [{ c: 1 }] } }) as { a: { b: Array<{ c: number }> } };
    expect([isProjection(shaped), isProjection(shaped.a), isProjection(shaped.a.b[0])]).toEqual([true, true, true]);
    expect(isProjection({ a: 1 })).toBe(false);
  });
});
