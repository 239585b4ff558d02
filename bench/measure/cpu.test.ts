import { describe, expect, it } from "vitest";
import { parseProcStatTicks, processCpuMs } from "./cpu.js";

describe("CPU from /proc", () => {
  it("adds utime and stime, even when the process name holds spaces and parentheses", () => {
    const stat = "4242 (node (my server)) S 1 4242 4242 0 -1 4194560 5443 0 12 0 731 96 0 0 20 0 11 0 3187264 1 2 3";
    expect(parseProcStatTicks(stat)).toBe(731 + 96);
    expect(() => parseProcStatTicks("4242 (x) S 1")).toThrow("no utime/stime");
  });

  it("reads this process's CPU as Node's own counter sees it", () => {
    const before = processCpuMs(process.pid);
    const start = process.cpuUsage();
    let x = 0;
    // Spin until Node says 80 ms of CPU went by; /proc counts in 10 ms ticks.
    while (process.cpuUsage(start).user < 80_000) x += Math.sqrt(x + 1);
    expect(x).toBeGreaterThan(0);
    expect(processCpuMs(process.pid) - before).toBeGreaterThanOrEqual(60);
  });
});
