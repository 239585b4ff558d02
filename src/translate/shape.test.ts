import { describe, expect, it } from "vitest";
import { decodeCursor } from "./cursor.js";
import { shape } from "./shape.js";

const raw = (offset: number, first: number, items: number, totalCount: number | null = null) => ({
  __connection: true,
  offset,
  first,
  totalCount,
  items: Array.from({ length: items }, (_, i) => ({ n: offset + i })),
});

interface Shaped {
  edges: Array<{ n: number; cursor: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

describe("shape: raw connections to Relay connections", () => {
  it("reads hasNextPage from the one item past the page, and drops that item", () => {
    const full = shape(raw(40, 20, 21)) as Shaped;
    expect(full.edges.map((e) => e.n)).toEqual(Array.from({ length: 20 }, (_, i) => 40 + i));
    expect(full.pageInfo.hasNextPage).toBe(true);
    expect(full.pageInfo.hasPreviousPage).toBe(true);
    expect([decodeCursor(full.pageInfo.startCursor ?? ""), decodeCursor(full.pageInfo.endCursor ?? "")]).toEqual([40, 59]);
    const last = shape(raw(40, 20, 20)) as Shaped;
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.edges).toHaveLength(20);
  });

  it("gives an empty page no cursors", () => {
    const empty = shape(raw(0, 20, 0, 0)) as Shaped & { totalCount: number };
    expect(empty).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });
});
