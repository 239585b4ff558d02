import { describe, expect, it } from "vitest";
import type { LoadResult } from "../data/load.js";
import { type IngestPair, summarizePairs } from "./ingest.js";

const load = (rows: number, ms: number): LoadResult => ({ documents: 50, rows, ms, rowsPerSecond: rows / (ms / 1000) });
const pair = (oursMs: number, bareMs: number): IngestPair => ({ first: "ours", ours: load(1000, oursMs), bare: load(1000, bareMs), ratio: bareMs / oursMs });

describe("summarizePairs", () => {
  it("reports the median pair ratio by nearest rank, the spread, and the ratio of the totals beside it", () => {
    // Ratios 0.5, 2, 1, 0.8, 1.25: one slow pair of ours moves the totals far more than the median.
    const summary = summarizePairs([pair(4000, 2000), pair(500, 1000), pair(1000, 1000), pair(1250, 1000), pair(800, 1000)]);
    expect(summary.ratio).toBe(1);
    expect(summary.spread).toEqual({ min: 0.5, max: 2 });
    expect(summary.ratioOfTotals).toBe(0.795);
    expect(summary.ours).toMatchObject({ documents: 250, rows: 5000, ms: 7550 });
    expect(summary.pairs).toHaveLength(5);
  });

  it("refuses to summarize no pairs", () => {
    expect(() => summarizePairs([])).toThrow(/no measured pairs/);
  });
});
