/**
 * The benchmark (issues 6 and 13), in one run: ingest (our writer against a bare UNWIND), then on a small and
 * a large generated graph: same-answer checks, round trips, PROFILE scans, sequential latency of raw
 * Cypher in-process, the same Cypher behind a minimal HTTP endpoint, our API (response cache off) and
 * @neo4j/graphql; closed-loop load with CPU per request per process, our API again with the cache on,
 * memory afterwards; on the small graph a CPU profile of our API under the same load.
 *   npm run bench              10k and 1.2M nodes; writes bench/results/latest.json and a dated copy
 *   npm run bench -- --quick   3k then 10k nodes in one throwaway Neo4j, short; writes bench/results/tmp/quick.json
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Executor } from "../src/db/executor.js";
import { applySchema } from "../src/db/schema.js";
import { createLogger } from "../src/log/logger.js";
import { PROJECT_ROOT } from "../src/neo4j/paths.js";
import { wipe } from "./data/load.js";
import { buildStore, loadGraph, type StoreMeta, storeHome } from "./data/store.js";
import type { ChildServer } from "./measure/child-server.js";
import { type BenchNeo4j, LARGE_GRAPH_MEMORY, withBenchNeo4j } from "./neo4j/bench-neo4j.js";
import { startFloor } from "./floor/floor-process.js";
import { TRANSPORT_FLOOR } from "./floor/statements.js";
import { OPERATIONS, type Picks } from "./ops/operations.js";
import { generatedPicks } from "./ops/picks.js";
import { startPeer } from "./peer/peer-process.js";
import { type Client, cypherClient, httpCypherClient, oursClient, peerClient } from "./measure/clients.js";
import { closedLoopWithCpu, type MeasuredLoad, type ProfilePhase, profileOurApi } from "./measure/cpu.js";
import { compareIngest, type IngestComparison } from "./measure/ingest.js";
import { ingestComparison, type IngestOneComparison, ingestSeries, withStoreCopy } from "./measure/ingest-one.js";
import { deepPagePicks, deepPages } from "./measure/deep-pages.js";
import { compareAnswers } from "./measure/same-answers.js";
import { sequential } from "./measure/latency.js";
import { neo4jHeapMiB, procMemoryMiB } from "./measure/memory.js";
import { profileOurs } from "./measure/plans.js";
import { startOurApi } from "./measure/our-api.js";
import { roundTrips } from "./measure/roundtrips.js";
import { type BenchResults, type GraphResult, renderReport, type Worst } from "./measure/report.js";

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, seed: { type: "string", default: "42" } } });
const seed = Number(values.seed);
if (!Number.isInteger(seed)) {
  process.stderr.write("usage: npm run bench -- [--quick] [--seed S (an integer)]\n");
  process.exit(2);
}
const SETTINGS = values.quick
  ? {
      small: 3_000,
      large: 10_000,
      ingestPairs: 2,
      warmup: 3,
      rounds: 15,
      connections: 4,
      loadMs: 4_000,
      profileMs: 4_000,
      deepPage: 20,
      ingestOne: { warmup: 1, repetitions: 3 },
    }
  : {
      small: 10_000,
      large: 1_200_000,
      ingestPairs: 6,
      warmup: 10,
      rounds: 100,
      connections: 8,
      loadMs: 20_000,
      profileMs: 10_000,
      deepPage: 500,
      ingestOne: { warmup: 2, repetitions: 7 },
    };
const log = createLogger(process.env.LOG_LEVEL ?? "warn");

/** Every operation must give the same data from every client before anything is timed. */
async function checkSameAnswers([reference, ...others]: Client[], picks: Picks): Promise<void> {
  if (!reference) throw new Error("no clients");
  for (const other of others) {
    const differing = (await compareAnswers(reference, other, picks)).filter((r) => !r.same);
    if (differing.length > 0) throw new Error(`${other.name} differs from ${reference.name}: ${differing.map((r) => `${r.name}: ${r.detail}`).join("; ")}`);
  }
}

interface Servers {
  neo: BenchNeo4j;
  ours: ChildServer;
  peer: ChildServer;
  floor: ChildServer;
  /** The in-process driver first: it is the reference for the same-answer check. */
  clients: Client[];
}

/** Our API (response cache off), the peer and the HTTP floor as their own processes over this Neo4j, stopped afterwards. */
async function withServers<T>(neo: BenchNeo4j, executor: Executor, work: (servers: Servers) => Promise<T>): Promise<T> {
  const started = await Promise.allSettled([startOurApi(neo, { responseCache: false }), startPeer(neo), startFloor(neo)]);
  const [ours, peer, floor] = started.map((s) => (s.status === "fulfilled" ? s.value : undefined));
  try {
    const failed = started.find((s) => s.status === "rejected");
    if (failed || !ours || !peer || !floor) throw failed?.reason ?? new Error("a server did not start");
    const clients = [cypherClient(executor.driver), oursClient(ours.baseUrl), peerClient(peer.baseUrl), httpCypherClient(floor.baseUrl)];
    return await work({ neo, ours, peer, floor, clients });
  } finally {
    await Promise.all([ours?.stop(), peer?.stop(), floor?.stop()]);
  }
}

const LOAD = { connections: SETTINGS.connections, durationMs: SETTINGS.loadMs };

/** Our API with the response cache on, started for its own closed loop only (after the same-answer check, which also fills the cache). */
async function cachedLoad(neo: BenchNeo4j, reference: Client, picks: Picks): Promise<MeasuredLoad> {
  const cached = await startOurApi(neo, { responseCache: true });
  try {
    const client = oursClient(cached.baseUrl, "oursCached");
    await checkSameAnswers([reference, client], picks);
    return await closedLoopWithCpu(client, OPERATIONS, picks, LOAD, { server: cached.pid, neo4j: neo.pid });
  } finally {
    await cached.stop();
  }
}

async function measure(graph: StoreMeta, executor: Executor, { neo, ours, peer, floor, clients }: Servers): Promise<{ result: GraphResult; picks: Picks }> {
  const picks = await generatedPicks(seed, ours.baseUrl);
  await checkSameAnswers(clients, picks);
  log.info({ nodes: graph.nodes }, "same answers from raw Cypher, the HTTP floor, our API and the peer; timing");
  const roundTripsPerField = await roundTrips(executor, OPERATIONS, picks);
  const plans = await profileOurs(executor, OPERATIONS, picks);
  const latency = await sequential(clients, [...OPERATIONS, TRANSPORT_FLOOR], picks, SETTINGS);
  const serverPid: Partial<Record<Client["name"], number>> = { ours: ours.pid, peer: peer.pid, httpCypher: floor.pid };
  const load: GraphResult["load"] = {};
  for (const client of clients)
    load[client.name] = await closedLoopWithCpu(client, OPERATIONS, picks, LOAD, { server: serverPid[client.name], neo4j: neo.pid });
  const [reference] = clients;
  if (!reference) throw new Error("no clients");
  load.oursCached = await cachedLoad(neo, reference, picks);
  // Ours with its response cache off: a repeated page would time the cache.
  const deepPagesResult = await deepPages(ours.baseUrl, await deepPagePicks(executor), { page: SETTINGS.deepPage, warmup: Math.min(5, SETTINGS.warmup) });
  const heap = await neo4jHeapMiB(executor);
  const memory = {
    oursRssMiB: procMemoryMiB(ours.pid),
    peerRssMiB: procMemoryMiB(peer.pid),
    floorRssMiB: procMemoryMiB(floor.pid),
    neo4jHeapUsedMiB: heap.used,
    neo4jHeapCommittedMiB: heap.committed,
  };
  return {
    result: { graph, picks: { ...picks }, roundTrips: roundTripsPerField, plans, sequential: latency, load, memory, deepPages: deepPagesResult },
    picks,
  };
}

/** The profiled phase on its own instance of our API, after the graph's other phases (the other servers sit idle). */
const profilePhase = (neo: BenchNeo4j, picks: Picks): Promise<ProfilePhase> =>
  profileOurApi(neo, picks, { ...LOAD, durationMs: SETTINGS.profileMs, warmupRounds: SETTINGS.warmup });

/** One report through ingestDocument into copies of both stored graphs, side by side, alternately. */
async function ingestOneReport(): Promise<IngestOneComparison> {
  const [small, large] = await withStoreCopy(SETTINGS.small, seed, log, (s) =>
    withStoreCopy(SETTINGS.large, seed, log, (l) => ingestSeries([s, l], SETTINGS.ingestOne)),
  );
  if (!small || !large) throw new Error("no ingest series");
  return ingestComparison(small, large);
}

type RunResults = { ingest: IngestComparison; ingestOne: IngestOneComparison; small: GraphResult; large: GraphResult; profile: ProfilePhase };

/** Full run: ingest in a throwaway Neo4j, then each graph from its cached store (built once by bench:data). */
async function fullRun(): Promise<RunResults> {
  const ingest = await withBenchNeo4j({ log, apoc: false, ...LARGE_GRAPH_MEMORY }, async (_neo, executor) => {
    await applySchema(executor);
    return compareIngest(executor, seed, SETTINGS.ingestPairs);
  });
  const graph = await buildStore({ nodes: SETTINGS.small, seed, log });
  const { small, profile } = await withBenchNeo4j({ homeDir: storeHome(SETTINGS.small, seed), log, ...LARGE_GRAPH_MEMORY }, (neo, executor) =>
    withServers(neo, executor, async (servers) => {
      const { result, picks } = await measure(graph, executor, servers);
      return { small: result, profile: await profilePhase(neo, picks) };
    }),
  );
  const largeGraph = await buildStore({ nodes: SETTINGS.large, seed, log });
  const { result: large } = await withBenchNeo4j({ homeDir: storeHome(SETTINGS.large, seed), log, ...LARGE_GRAPH_MEMORY }, (neo, executor) =>
    withServers(neo, executor, (servers) => measure(largeGraph, executor, servers)),
  );
  return { ingest, small, large, profile, ingestOne: await ingestOneReport() };
}

/** Quick run: one throwaway Neo4j; ingest, wipe, load the small graph, measure, grow it to the large one, measure. */
async function quickRun(): Promise<RunResults> {
  return withBenchNeo4j({ log, ...LARGE_GRAPH_MEMORY }, async (neo, executor) => {
    await applySchema(executor);
    const ingest = await compareIngest(executor, seed, SETTINGS.ingestPairs);
    await wipe(executor);
    const small = await loadGraph(executor, { nodes: SETTINGS.small, seed });
    return withServers(neo, executor, async (servers) => {
      const { result: smallResult, picks } = await measure(small, executor, servers);
      const profile = await profilePhase(neo, picks);
      const [ingestSmall] = await ingestSeries([executor], SETTINGS.ingestOne);
      const large = await loadGraph(executor, { nodes: SETTINGS.large, seed, from: small.districts });
      const { result: largeResult } = await measure(large, executor, servers);
      const [ingestLarge] = await ingestSeries([executor], SETTINGS.ingestOne);
      if (!ingestSmall || !ingestLarge) throw new Error("no ingest series");
      return { ingest, small: smallResult, large: largeResult, profile, ingestOne: ingestComparison(ingestSmall, ingestLarge) };
    });
  });
}

const worst = (pairs: Array<[string, number]>): Worst => {
  const [operation, value] = pairs.reduce((a, b) => (b[1] > a[1] ? b : a));
  return { value: Math.round(value * 100) / 100, operation };
};

const started = performance.now();
const { ingest, ingestOne, small, large, profile } = await (values.quick ? quickRun() : fullRun());
const round2 = (x: number): number => Math.round(x * 100) / 100;
/** ours (or oursCached) ÷ peer requests per second under the same load. */
const throughputRatio = (g: GraphResult, ours: "ours" | "oursCached" = "ours"): number =>
  (g.load[ours]?.requestsPerSecond ?? Number.NaN) / (g.load.peer?.requestsPerSecond ?? Number.NaN);
const p50 = (g: GraphResult, op: string, client: string): number => g.sequential[op]?.[client]?.p50 ?? Number.NaN;
/** ours ÷ a floor's p50, worst operation over both graphs. */
const worstVs = (floor: "cypher" | "httpCypher"): Worst =>
  worst(
    [small, large].flatMap((g, i) =>
      OPERATIONS.map((op): [string, number] => [`${op.name}@${i === 0 ? "small" : "large"}`, p50(g, op.name, "ours") / p50(g, op.name, floor)]),
    ),
  );
/** Each server process's CPU ms per request under the closed loop (the in-process driver client has none of its own). */
const serverCpu = (g: GraphResult): Record<string, number> =>
  Object.fromEntries(Object.entries(g.load).flatMap(([client, r]) => (r.cpu.msPerRequest.server === undefined ? [] : [[client, r.cpu.msPerRequest.server]])));
const results: BenchResults & Record<string, unknown> = {
  date: new Date().toISOString(),
  mode: values.quick ? "quick" : "full",
  seconds: Math.round((performance.now() - started) / 1000),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    neo4j: "5.26.30 (embedded, heap 2g, page cache 1g)",
  },
  settings: SETTINGS,
  ratio_p50_vs_http_cypher: worstVs("httpCypher"),
  ratio_p50_vs_cypher: worstVs("cypher"),
  ratio_throughput_vs_peer: round2(Math.min(throughputRatio(small), throughputRatio(large))),
  ratio_throughput_vs_peer_by_graph: { small: round2(throughputRatio(small)), large: round2(throughputRatio(large)) },
  ratio_throughput_vs_peer_cached: round2(Math.min(throughputRatio(small, "oursCached"), throughputRatio(large, "oursCached"))),
  ratio_throughput_vs_peer_cached_by_graph: { small: round2(throughputRatio(small, "oursCached")), large: round2(throughputRatio(large, "oursCached")) },
  cpu_ms_per_request: { small: serverCpu(small), large: serverCpu(large) },
  ratio_deep_page_vs_first: worst(
    [small, large].flatMap((g, i) => g.deepPages.map((d): [string, number] => [`${d.operation}@${i === 0 ? "small" : "large"}`, d.ratio])),
  ),
  ratio_p50_large_vs_small: worst(OPERATIONS.map((op) => [op.name, p50(large, op.name, "ours") / p50(small, op.name, "ours")])),
  ratio_ingest_vs_raw: Math.round(ingest.ratio * 100) / 100,
  ratio_ingest_one_large_vs_small: ingestOne.ratio,
  large_nodes: large.graph.nodes,
  large_relationships: large.graph.relationships,
  small_nodes: small.graph.nodes,
  roundtrips_per_root_field: Math.max(...Object.values(small.roundTrips), ...Object.values(large.roundTrips)),
  ingest,
  ingestOne,
  small,
  large,
  profile: { graph: "small", ...profile },
};
const text = renderReport(results);
process.stdout.write(`${text}\n`);
const dir = path.join(PROJECT_ROOT, "bench", "results", values.quick ? "tmp" : "");
mkdirSync(dir, { recursive: true });
const json = `${JSON.stringify(results, null, 2)}\n`;
if (values.quick) writeFileSync(path.join(dir, "quick.json"), json);
else {
  writeFileSync(path.join(dir, "latest.json"), json);
  // Dated copies are the history: a second run on the same day gets a suffix rather than replacing the first.
  const day = results.date.slice(0, 10);
  let dated = path.join(dir, `${day}.json`);
  for (let n = 2; existsSync(dated); n++) dated = path.join(dir, `${day}-${n}.json`);
  writeFileSync(dated, json);
}
