/**
 * Self time from a V8 `.cpuprofile` (what `node --cpu-prof` writes), grouped by function and by
 * package, over a time window (the closed-loop phase only, not the server's start-up).
 *
 * V8 samples on wall-clock ticks: on a busy machine a thread waiting for a core still collects samples,
 * so the sampled busy time can exceed the CPU the process used. Shares of it are what the profile says;
 * each item's CPU ms per request is its share of the CPU measured from /proc over the same window.
 */

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

/** The parts of the `.cpuprofile` JSON read here; times are microseconds on the monotonic clock. */
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileItem {
  name: string;
  /** Sampled self time in the window. */
  selfMs: number;
  /** Share of the window's non-idle sampled time, %. */
  percent: number;
  /** That share of the process's measured CPU, per request. */
  cpuMsPerRequest: number;
}

export interface ProfileSummary {
  /** Samples inside the window. */
  samples: number;
  /** Sampled time that was not "(idle)", in ms: the main thread's busy time (wall clock). */
  busyMs: number;
  idleMs: number;
  sampledBusyMsPerRequest: number;
  topFunctions: ProfileItem[];
  topPackages: ProfileItem[];
}

export interface SummarizeOptions {
  requests: number;
  /** The process's CPU (utime+stime) over the window, ms: what the items' shares divide. */
  cpuMs: number;
  /** The project root, so our files read as `src/…` (urls are `file:///…` or plain paths). */
  root: string;
  /** Window on the profile's clock (µs); samples outside it are left out. Unset: the whole profile. */
  fromUs?: number;
  toUs?: number;
  top?: number;
}

const IDLE = "(idle)";
/** V8's pseudo-frames, each its own group. */
const PSEUDO = new Set(["(idle)", "(program)", "(garbage collector)", "(root)"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isNumberArray = (value: unknown): value is number[] => Array.isArray(value) && value.every((x) => typeof x === "number");

/** Parses and checks a `.cpuprofile`'s text; throws on anything that is not one. */
export function parseCpuProfile(text: string): CpuProfile {
  const value: unknown = JSON.parse(text);
  if (!isRecord(value) || !Array.isArray(value.nodes) || !isNumberArray(value.samples) || !isNumberArray(value.timeDeltas))
    throw new Error("not a V8 CPU profile: nodes, samples and timeDeltas are required");
  if (typeof value.startTime !== "number" || typeof value.endTime !== "number") throw new Error("not a V8 CPU profile: no startTime/endTime");
  if (value.samples.length !== value.timeDeltas.length) throw new Error("a CPU profile needs as many samples as time deltas");
  const nodes = value.nodes.map((node: unknown): ProfileNode => {
    if (!isRecord(node) || typeof node.id !== "number" || !isRecord(node.callFrame)) throw new Error("CPU profile node without id or callFrame");
    const f = node.callFrame;
    return {
      id: node.id,
      callFrame: {
        functionName: typeof f.functionName === "string" ? f.functionName : "",
        url: typeof f.url === "string" ? f.url : "",
        lineNumber: typeof f.lineNumber === "number" ? f.lineNumber : -1,
        columnNumber: typeof f.columnNumber === "number" ? f.columnNumber : -1,
      },
    };
  });
  return { nodes, startTime: value.startTime, endTime: value.endTime, samples: value.samples, timeDeltas: value.timeDeltas };
}

/** A url relative to the project root when under it (`src/db/executor.ts`), else as given. */
function relative(url: string, root: string): string {
  const file = url.startsWith("file://") ? decodeURIComponent(url.slice("file://".length)) : url;
  const prefix = root.endsWith("/") ? root : `${root}/`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : file;
}

/** The package a frame belongs to: an npm package, `node:`, `src/<dir>` of ours, a V8 pseudo-frame, or `(native)`. */
export function packageOf(frame: Pick<CallFrame, "functionName" | "url">, root: string): string {
  if (PSEUDO.has(frame.functionName)) return frame.functionName;
  if (frame.url === "") return "(native)";
  if (frame.url.startsWith("node:")) return "node:";
  const file = relative(frame.url, root);
  const at = file.lastIndexOf("node_modules/");
  if (at >= 0) {
    const [first, second] = file.slice(at + "node_modules/".length).split("/");
    return first?.startsWith("@") && second ? `${first}/${second}` : (first ?? file);
  }
  const [dir, sub] = file.split("/");
  if ((dir === "src" || dir === "bench") && sub !== undefined) return file.includes("/", dir.length + 1) ? `${dir}/${sub}` : dir;
  return "(other)";
}

/**
 * `name file:line` of a frame (line 1-based), so two anonymous functions in one file stay apart; no line
 * for TypeScript, whose frames point into tsx's one-line output, not the source.
 */
export function functionOf(frame: CallFrame, root: string): string {
  if (PSEUDO.has(frame.functionName)) return frame.functionName;
  const name = frame.functionName || "(anonymous)";
  if (frame.url === "") return name;
  const file = relative(frame.url, root);
  return /\.[cm]?tsx?$/.test(file) ? `${name} ${file}` : `${name} ${file}:${frame.lineNumber + 1}`;
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

function top(totals: Map<string, number>, busyUs: number, cpuMsPerRequest: number, count: number): ProfileItem[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([name, us]) => {
      const share = busyUs > 0 ? us / busyUs : 0;
      return { name, selfMs: round(us / 1000, 1), percent: round(share * 100, 1), cpuMsPerRequest: round(share * cpuMsPerRequest, 3) };
    });
}

/**
 * Self time per function and per package over the window. A sample lasts until the next one (the last
 * until endTime), as Chrome's profiler counts it; "(idle)" is left out of the totals and percentages.
 */
export function summarizeProfile(profile: CpuProfile, options: SummarizeOptions): ProfileSummary {
  if (options.requests <= 0) throw new Error("a profile summary needs the number of requests in its window");
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const from = options.fromUs ?? Number.NEGATIVE_INFINITY;
  const to = options.toUs ?? Number.POSITIVE_INFINITY;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let samples = 0;
  let busyUs = 0;
  let idleUs = 0;
  let at = profile.startTime;
  const times = profile.timeDeltas.map((delta) => {
    at += delta;
    return at;
  });
  for (let i = 0; i < profile.samples.length; i++) {
    const t = times[i] as number;
    if (t < from || t > to) continue;
    const frame = frames.get(profile.samples[i] as number);
    if (!frame) throw new Error(`CPU profile sample ${i} names node ${profile.samples[i]}, which it does not have`);
    const us = Math.max(0, (times[i + 1] ?? profile.endTime) - t);
    samples += 1;
    if (frame.functionName === IDLE) {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const fn = functionOf(frame, options.root);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const pkg = packageOf(frame, options.root);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  if (samples === 0) throw new Error(`no CPU profile samples between ${from} and ${to} µs (profile spans ${profile.startTime}–${profile.endTime})`);
  const count = options.top ?? 12;
  const cpuMsPerRequest = options.cpuMs / options.requests;
  return {
    samples,
    busyMs: round(busyUs / 1000, 1),
    idleMs: round(idleUs / 1000, 1),
    sampledBusyMsPerRequest: round(busyUs / 1000 / options.requests, 3),
    topFunctions: top(byFunction, busyUs, cpuMsPerRequest, count),
    topPackages: top(byPackage, busyUs, cpuMsPerRequest, count),
  };
}
