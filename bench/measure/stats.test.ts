import { describe, expect, it } from "vitest";
import { percentile, summarize } from "./stats.js";

describe("percentiles", () => {
  it("uses the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 0.5), percentile(sorted, 0.95), percentile(sorted, 0.99), percentile(sorted, 1)]).toEqual([50, 95, 99, 100]);
    expect(percentile([7], 0.99)).toBe(7);
  });

  it("summarizes unsorted samples and refuses none", () => {
    expect(summarize([3, 1, 2, 4])).toEqual({ n: 4, p50: 2, p95: 4, p99: 4, mean: 2.5 });
    expect(() => summarize([])).toThrow("no samples");
  });
});
