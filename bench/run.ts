/**
 * The benchmark (issue 6), in one run: ingest (our writer against a bare UNWIND), then on a small and
 * a large generated graph: same-answer checks, round trips, PROFILE scans, sequential latency of raw
 * Cypher, our API and @neo4j/graphql, closed-loop load with memory afterwards.
 *   npm run bench              10k and 1.2M nodes; writes bench/results/latest.json and a dated copy
 *   npm run bench -- --quick   3k then 10k nodes in one throwaway Neo4j, short; writes bench/results/tmp/quick.json
 */
import { mkdirSync, writeFileSync } from "node:fs";
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
import { OPERATIONS, type Operation, type Picks } from "./ops/operations.js";
import { generatedPicks } from "./ops/picks.js";
import { startPeer } from "./peer/peer-process.js";
import { type Client, cypherClient, oursClient, peerClient } from "./measure/clients.js";
import { compareIngest, type IngestComparison } from "./measure/ingest.js";
import { ingestComparison, type IngestOneComparison, ingestSeries, withStoreCopy } from "./measure/ingest-one.js";
import { compareAnswers } from "./measure/same-answers.js";
import { closedLoop, sequential } from "./measure/latency.js";
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
  ? { small: 3_000, large: 10_000, ingestPairs: 2, warmup: 3, rounds: 15, connections: 4, loadMs: 4_000, ingestOne: { warmup: 1, repetitions: 3 } }
  : { small: 10_000, large: 1_200_000, ingestPairs: 6, warmup: 10, rounds: 100, connections: 8, loadMs: 20_000, ingestOne: { warmup: 2, repetitions: 7 } };
const log = createLogger(process.env.LOG_LEVEL ?? "warn");

/** `{ __typename }`: HTTP, JSON and GraphQL with no database call, the least any request over HTTP costs. */
const TRANSPORT_FLOOR: Operation = {
  name: "transportFloor",
  description: "{ __typename } over HTTP; RETURN 1 through the driver",
  graphql: "{ __typename }",
  variables: () => ({}),
  cypher: "RETURN {__typename: 'Query'} AS data",
  params: () => ({}),
};

/** Every operation must give the same data from all three before anything is timed. */
async function checkSameAnswers([reference, ...others]: Client[], picks: Picks): Promise<void> {
  if (!reference) throw new Error("no clients");
  for (const other of others) {
    const differing = (await compareAnswers(reference, other, picks)).filter((r) => !r.same);
    if (differing.length > 0) throw new Error(`${other.name} differs from ${reference.name}: ${differing.map((r) => `${r.name}: ${r.detail}`).join("; ")}`);
  }
}

interface Servers {
  ours: ChildServer;
  peer: ChildServer;
  clients: Client[];
}

/** Our API and the peer as their own processes over this Neo4j, stopped afterwards. */
async function withServers<T>(neo: BenchNeo4j, executor: Executor, work: (servers: Servers) => Promise<T>): Promise<T> {
  const [ours, peer] = await Promise.all([startOurApi(neo), startPeer(neo)]);
  try {
    return await work({ ours, peer, clients: [cypherClient(executor.driver), oursClient(ours.baseUrl), peerClient(peer.baseUrl)] });
  } finally {
    await Promise.all([ours.stop(), peer.stop()]);
  }
}

async function measure(graph: StoreMeta, executor: Executor, { ours, peer, clients }: Servers): Promise<GraphResult> {
  const picks = await generatedPicks(seed, ours.baseUrl);
  await checkSameAnswers(clients, picks);
  log.info({ nodes: graph.nodes }, "same answers from raw Cypher, our API and the peer; timing");
  const roundTripsPerField = await roundTrips(executor, OPERATIONS, picks);
  const plans = await profileOurs(executor, OPERATIONS, picks);
  const latency = await sequential(clients, [...OPERATIONS, TRANSPORT_FLOOR], picks, SETTINGS);
  const load: GraphResult["load"] = {};
  for (const client of clients)
    load[client.name] = await closedLoop(client, OPERATIONS, picks, { connections: SETTINGS.connections, durationMs: SETTINGS.loadMs });
  const heap = await neo4jHeapMiB(executor);
  const memory = {
    oursRssMiB: procMemoryMiB(ours.pid),
    peerRssMiB: procMemoryMiB(peer.pid),
    neo4jHeapUsedMiB: heap.used,
    neo4jHeapCommittedMiB: heap.committed,
  };
  return { graph, picks: { ...picks }, roundTrips: roundTripsPerField, plans, sequential: latency, load, memory };
}

/** One report through ingestDocument into copies of both stored graphs, side by side, alternately. */
async function ingestOneReport(): Promise<IngestOneComparison> {
  const [small, large] = await withStoreCopy(SETTINGS.small, seed, log, (s) =>
    withStoreCopy(SETTINGS.large, seed, log, (l) => ingestSeries([s, l], SETTINGS.ingestOne)),
  );
  if (!small || !large) throw new Error("no ingest series");
  return ingestComparison(small, large);
}

type RunResults = { ingest: IngestComparison; ingestOne: IngestOneComparison; small: GraphResult; large: GraphResult };

/** Full run: ingest in a throwaway Neo4j, then each graph from its cached store (built once by bench:data). */
async function fullRun(): Promise<RunResults> {
  const ingest = await withBenchNeo4j({ log, apoc: false, ...LARGE_GRAPH_MEMORY }, async (_neo, executor) => {
    await applySchema(executor);
    return compareIngest(executor, seed, SETTINGS.ingestPairs);
  });
  const stored = async (nodes: number): Promise<GraphResult> => {
    const graph = await buildStore({ nodes, seed, log });
    return withBenchNeo4j({ homeDir: storeHome(nodes, seed), log, ...LARGE_GRAPH_MEMORY }, (neo, executor) =>
      withServers(neo, executor, (servers) => measure(graph, executor, servers)),
    );
  };
  const small = await stored(SETTINGS.small);
  const large = await stored(SETTINGS.large);
  return { ingest, small, large, ingestOne: await ingestOneReport() };
}

/** Quick run: one throwaway Neo4j; ingest, wipe, load the small graph, measure, grow it to the large one, measure. */
async function quickRun(): Promise<RunResults> {
  return withBenchNeo4j({ log, ...LARGE_GRAPH_MEMORY }, async (neo, executor) => {
    await applySchema(executor);
    const ingest = await compareIngest(executor, seed, SETTINGS.ingestPairs);
    await wipe(executor);
    const small = await loadGraph(executor, { nodes: SETTINGS.small, seed });
    return withServers(neo, executor, async (servers) => {
      const smallResult = await measure(small, executor, servers);
      const [ingestSmall] = await ingestSeries([executor], SETTINGS.ingestOne);
      const large = await loadGraph(executor, { nodes: SETTINGS.large, seed, from: small.districts });
      const largeResult = await measure(large, executor, servers);
      const [ingestLarge] = await ingestSeries([executor], SETTINGS.ingestOne);
      if (!ingestSmall || !ingestLarge) throw new Error("no ingest series");
      return { ingest, small: smallResult, large: largeResult, ingestOne: ingestComparison(ingestSmall, ingestLarge) };
    });
  });
}

const worst = (pairs: Array<[string, number]>): Worst => {
  const [operation, value] = pairs.reduce((a, b) => (b[1] > a[1] ? b : a));
  return { value: Math.round(value * 100) / 100, operation };
};

const started = performance.now();
const { ingest, ingestOne, small, large } = await (values.quick ? quickRun() : fullRun());
/** ours ÷ peer requests per second under the same load. */
const throughputRatio = (g: GraphResult): number => (g.load.ours?.requestsPerSecond ?? Number.NaN) / (g.load.peer?.requestsPerSecond ?? Number.NaN);
const p50 = (g: GraphResult, op: string, client: string): number => g.sequential[op]?.[client]?.p50 ?? Number.NaN;
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
  ratio_p50_vs_cypher: worst(
    [small, large].flatMap((g, i) =>
      OPERATIONS.map((op): [string, number] => [`${op.name}@${i === 0 ? "small" : "large"}`, p50(g, op.name, "ours") / p50(g, op.name, "cypher")]),
    ),
  ),
  ratio_throughput_vs_peer: Math.round(Math.min(throughputRatio(small), throughputRatio(large)) * 100) / 100,
  ratio_throughput_vs_peer_by_graph: { small: Math.round(throughputRatio(small) * 100) / 100, large: Math.round(throughputRatio(large) * 100) / 100 },
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
};
const text = renderReport(results);
process.stdout.write(`${text}\n`);
const dir = path.join(PROJECT_ROOT, "bench", "results", values.quick ? "tmp" : "");
mkdirSync(dir, { recursive: true });
const json = `${JSON.stringify(results, null, 2)}\n`;
if (values.quick) writeFileSync(path.join(dir, "quick.json"), json);
else {
  writeFileSync(path.join(dir, "latest.json"), json);
  writeFileSync(path.join(dir, `${results.date.slice(0, 10)}.json`), json);
}
