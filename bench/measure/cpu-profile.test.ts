import { describe, expect, it } from "vitest";
import { type CpuProfile, functionOf, packageOf, parseCpuProfile, summarizeProfile } from "./cpu-profile.js";

const ROOT = "/work/app";

const frame = (id: number, functionName: string, url = "", lineNumber = 0) => ({ id, callFrame: { functionName, url, lineNumber, columnNumber: 0 } });

/** Samples every 1000 µs from t=1000: execute ×3, idle ×2, GC, parse ×2, ours ×1, then endTime 1000 µs after the last. */
const PROFILE: CpuProfile = {
  nodes: [
    frame(1, "(root)"),
    frame(2, "execute", `file://${ROOT}/node_modules/graphql/execution/execute.js`, 9),
    frame(3, "(idle)"),
    frame(4, "(garbage collector)"),
    frame(5, "parse", "node:internal/deps/undici/undici", 99),
    frame(6, "", `file://${ROOT}/src/db/executor.ts`, 41),
  ],
  startTime: 0,
  endTime: 10_000,
  samples: [2, 2, 2, 3, 3, 4, 5, 5, 6],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe("CPU profile summary", () => {
  it("groups frames into packages: npm (scoped too), node:, our src/<dir>, pseudo-frames, native", () => {
    expect(packageOf({ functionName: "f", url: `file://${ROOT}/node_modules/@apollo/server/dist/esm/runHttpQuery.js` }, ROOT)).toBe("@apollo/server");
    expect(packageOf({ functionName: "f", url: `file://${ROOT}/node_modules/a/node_modules/graphql/index.js` }, ROOT)).toBe("graphql");
    expect(packageOf({ functionName: "f", url: "node:internal/streams/readable" }, ROOT)).toBe("node:");
    expect(packageOf({ functionName: "f", url: `file://${ROOT}/src/graphql/resolvers/entity.ts` }, ROOT)).toBe("src/graphql");
    expect(packageOf({ functionName: "f", url: `${ROOT}/src/main.ts` }, ROOT)).toBe("src");
    expect(packageOf({ functionName: "(garbage collector)", url: "" }, ROOT)).toBe("(garbage collector)");
    expect(packageOf({ functionName: "JSONStringify", url: "" }, ROOT)).toBe("(native)");
    expect(packageOf({ functionName: "f", url: "file:///elsewhere/x.js" }, ROOT)).toBe("(other)");
    expect(functionOf({ functionName: "", url: `file://${ROOT}/src/db/executor.ts`, lineNumber: 41, columnNumber: 3 }, ROOT)).toBe(
      "(anonymous) src/db/executor.ts",
    );
    expect(functionOf({ functionName: "f", url: `file://${ROOT}/bench/x.mjs`, lineNumber: 4, columnNumber: 0 }, ROOT)).toBe("f bench/x.mjs:5");
  });

  it("sums self time per function and package, leaves idle out of the shares, and splits the measured CPU by them", () => {
    // 14 ms of CPU over 2 requests: 7 ms a request, shared 3:2:1:1 as the samples are.
    const summary = summarizeProfile(PROFILE, { requests: 2, cpuMs: 14, root: ROOT });
    expect(summary).toMatchObject({ samples: 9, busyMs: 7, idleMs: 2, sampledBusyMsPerRequest: 3.5 });
    expect(summary.topPackages).toEqual([
      { name: "graphql", selfMs: 3, percent: 42.9, cpuMsPerRequest: 3 },
      { name: "node:", selfMs: 2, percent: 28.6, cpuMsPerRequest: 2 },
      { name: "(garbage collector)", selfMs: 1, percent: 14.3, cpuMsPerRequest: 1 },
      { name: "src/db", selfMs: 1, percent: 14.3, cpuMsPerRequest: 1 },
    ]);
    expect(summary.topFunctions.map((f) => f.name)).toEqual([
      "execute node_modules/graphql/execution/execute.js:10",
      "parse node:internal/deps/undici/undici:100",
      "(anonymous) src/db/executor.ts",
      "(garbage collector)",
    ]);
    expect(summarizeProfile(PROFILE, { requests: 1, cpuMs: 1, root: ROOT, top: 1 }).topFunctions).toHaveLength(1);
  });

  it("keeps only the samples inside the window", () => {
    // Samples at 7000, 8000, 9000 µs: parse, parse, ours (the last lasts until endTime).
    const summary = summarizeProfile(PROFILE, { requests: 3, cpuMs: 3, root: ROOT, fromUs: 6500, toUs: 9000 });
    expect(summary).toMatchObject({ samples: 3, busyMs: 3, idleMs: 0, sampledBusyMsPerRequest: 1 });
    expect(summary.topPackages.map((p) => [p.name, p.selfMs])).toEqual([
      ["node:", 2],
      ["src/db", 1],
    ]);
    expect(() => summarizeProfile(PROFILE, { requests: 1, cpuMs: 1, root: ROOT, fromUs: 20_000 })).toThrow("no CPU profile samples");
    expect(() => summarizeProfile(PROFILE, { requests: 0, cpuMs: 1, root: ROOT })).toThrow("number of requests");
  });

  it("parses a profile's JSON and refuses what is not one", () => {
    expect(parseCpuProfile(JSON.stringify(PROFILE))).toEqual(PROFILE);
    expect(() => parseCpuProfile(JSON.stringify({ nodes: [] }))).toThrow("not a V8 CPU profile");
    expect(() => parseCpuProfile(JSON.stringify({ ...PROFILE, timeDeltas: [1] }))).toThrow("as many samples");
    expect(() => parseCpuProfile(JSON.stringify({ ...PROFILE, samples: [99], timeDeltas: [1] }))).not.toThrow();
    expect(() =>
      summarizeProfile(parseCpuProfile(JSON.stringify({ ...PROFILE, samples: [99], timeDeltas: [1] })), { requests: 1, cpuMs: 1, root: ROOT }),
    ).toThrow("names node 99");
  });
});
