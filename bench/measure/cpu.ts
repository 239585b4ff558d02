import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/neo4j/paths.js";
import { OPERATIONS, type Operation, type Picks } from "../ops/operations.js";
import type { PeerTarget } from "../peer/peer-process.js";
import { type Client, oursClient } from "./clients.js";
import { parseCpuProfile, type ProfileSummary, summarizeProfile } from "./cpu-profile.js";
import { closedLoop, type LoadOptions, type LoadResult } from "./latency.js";
import { startOurApi } from "./our-api.js";

/** user + system CPU time in clock ticks from the text of /proc/<pid>/stat (fields 14 and 15; the name in field 2 may hold spaces). */
export function parseProcStatTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`no utime/stime in /proc stat line: ${stat.slice(0, 120)}`);
  return utime + stime;
}

let ticksPerSecond: number | undefined;

/** USER_HZ, the unit of /proc's CPU times (100 almost everywhere, asked rather than assumed). */
function clockTicksPerSecond(): number {
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
  if (!Number.isInteger(ticksPerSecond) || ticksPerSecond <= 0) throw new Error(`getconf CLK_TCK gave ${ticksPerSecond}`);
  return ticksPerSecond;
}

/** CPU a process has used so far, all its threads, in ms (Linux /proc). */
export function processCpuMs(pid: number): number {
  return (parseProcStatTicks(readFileSync(`/proc/${pid}/stat`, "utf8")) * 1000) / clockTicksPerSecond();
}

/** The processes whose CPU a load phase reads: the server (none for the in-process driver client), Neo4j, and this benchmark process (the client). */
export interface LoadProcesses {
  server?: number;
  neo4j: number;
}

export interface CpuFigures {
  /** CPU used during the phase, ms, per process. */
  ms: Record<string, number>;
  msPerRequest: Record<string, number>;
}

export type MeasuredLoad = LoadResult & { cpu: CpuFigures };

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** closedLoop, with each process's utime+stime read before and after. */
export async function closedLoopWithCpu(client: Client, ops: Operation[], picks: Picks, options: LoadOptions, processes: LoadProcesses): Promise<MeasuredLoad> {
  const pids: Record<string, number> = { ...(processes.server === undefined ? {} : { server: processes.server }), neo4j: processes.neo4j, bench: process.pid };
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuMs(pid)]));
  const load = await closedLoop(client, ops, picks, options);
  const ms: Record<string, number> = {};
  const msPerRequest: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) {
    const used = processCpuMs(pid) - (before[name] ?? 0);
    ms[name] = Math.round(used);
    msPerRequest[name] = round(used / load.requests, 3);
  }
  return { ...load, cpu: { ms, msPerRequest } };
}

/** The profiled phase's figures: the closed loop's, CPU from /proc, and the profile's top items. */
export interface ProfilePhase extends ProfileSummary {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** utime+stime of our process (all threads) during the window ÷ requests, the profiler's own overhead included. */
  cpuMsPerRequest: number;
}

/** The main thread's profile (thread id 0 in Node's file name `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`). */
function mainThreadProfile(dir: string): string {
  const files = readdirSync(dir);
  const main = files.find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  if (!main) throw new Error(`no main-thread CPU profile in ${dir} (found: ${files.join(", ") || "nothing"}): did our API exit through process.exit?`);
  return path.join(dir, main);
}

const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

/**
 * Our API (cache off) under `node --cpu-prof`: warm-up rounds, then the closed loop; the profile, written
 * when the server exits, is read over the loop's window only (V8's and process.hrtime's clock are both CLOCK_MONOTONIC).
 */
export async function profileOurApi(target: PeerTarget, picks: Picks, options: LoadOptions & { warmupRounds: number }): Promise<ProfilePhase> {
  const dir = mkdtempSync(path.join(tmpdir(), "kg-bench-cpuprof-"));
  try {
    const server = await startOurApi(target, { responseCache: false, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`] });
    let load: LoadResult;
    let cpuMs: number;
    let fromUs: number;
    let toUs: number;
    try {
      const client = oursClient(server.baseUrl);
      for (let round = 0; round < options.warmupRounds; round++) for (const op of OPERATIONS) await client.call(op, picks);
      fromUs = nowUs();
      const before = processCpuMs(server.pid);
      load = await closedLoop(client, OPERATIONS, picks, options);
      cpuMs = processCpuMs(server.pid) - before;
      toUs = nowUs();
    } finally {
      await server.stop();
    }
    const profile = parseCpuProfile(readFileSync(mainThreadProfile(dir), "utf8"));
    const summary = summarizeProfile(profile, { requests: load.requests, cpuMs, root: PROJECT_ROOT, fromUs, toUs, top: 12 });
    return {
      requests: load.requests,
      seconds: load.seconds,
      requestsPerSecond: load.requestsPerSecond,
      cpuMsPerRequest: round(cpuMs / load.requests, 3),
      ...summary,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
