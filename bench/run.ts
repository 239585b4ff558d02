/**
 * The benchmark (issue 6), in one run: ingest (our writer against a bare UNWIND), then on a small and
 * a large generated graph: same-answer checks, round trips, PROFILE scans, sequential latency of raw
 * Cypher, our API and @neo4j/graphql, closed-loop load with memory afterwards.
 *   npm run bench              10k and 1.2M nodes; writes bench/results/latest.json and a dated copy
 *   npm run bench -- --quick   3k then 10k nodes in one throwaway Neo4j, short; writes bench/results/tmp/quick.json
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Executor } from "../src/db/executor.js";
import { applySchema } from "../src/db/schema.js";
import { createLogger } from "../src/log/logger.js";
import { PROJECT_ROOT } from "../src/neo4j/paths.js";
import { cypher } from "../src/db/cypher-query.js";
import { documents, planFor } from "./data/generate.js";
import { loadThroughWriter, wipe } from "./data/load.js";
import { buildStore, countGraph, executorFor, type StoreMeta, storeHome } from "./data/store.js";
import type { ChildServer } from "./measure/child-server.js";
import { type BenchNeo4j, startBenchNeo4j } from "./neo4j/bench-neo4j.js";
import { OPERATIONS, type Operation } from "./ops/operations.js";
import { generatedPicks } from "./ops/picks.js";
import { firstDifference } from "./peer/check.js";
import { startPeer } from "./peer/peer-process.js";
import { type Client, cypherClient, oursClient, peerClient } from "./measure/clients.js";
import { compareIngest, type IngestComparison } from "./measure/ingest.js";
import { closedLoop, sequential } from "./measure/latency.js";
import { neo4jHeapMiB, rssMiB } from "./measure/memory.js";
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
  ? { small: 3_000, large: 10_000, ingestPairs: 2, warmup: 3, rounds: 15, connections: 4, loadMs: 4_000 }
  : { small: 10_000, large: 1_200_000, ingestPairs: 6, warmup: 10, rounds: 100, connections: 8, loadMs: 20_000 };
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
async function checkSameAnswers(clients: Client[], picks: Parameters<Client["call"]>[1]): Promise<void> {
  const [reference, ...others] = clients as [Client, ...Client[]];
  for (const op of OPERATIONS) {
    const expected = await reference.call(op, picks);
    for (const client of others) {
      const difference = firstDifference(expected, await client.call(op, picks));
      if (difference) throw new Error(`${op.name}: ${client.name} differs from ${reference.name} at ${difference}`);
    }
  }
}

async function onNeo4j<T>(homeDir: string, apoc: boolean, work: (neo: BenchNeo4j, executor: Executor) => Promise<T>): Promise<T> {
  const neo = await startBenchNeo4j({ homeDir, log, apoc, heap: "2g", pageCache: "1g" });
  try {
    const executor = await executorFor(neo);
    try {
      return await work(neo, executor);
    } finally {
      await executor.driver.close();
    }
  } finally {
    await neo.stop();
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
    return await work({ ours, peer, clients: [cypherClient(executor.driver), oursClient(ours.url), peerClient(peer.url)] });
  } finally {
    await Promise.all([ours.stop(), peer.stop()]);
  }
}

async function measure(graph: StoreMeta, executor: Executor, { ours, peer, clients }: Servers): Promise<GraphResult> {
  const picks = await generatedPicks(seed, ours.url);
  await checkSameAnswers(clients, picks);
  log.info({ nodes: graph.nodes }, "same answers from raw Cypher, our API and the peer; timing");
  const result: GraphResult = {
    graph,
    picks: { ...picks },
    roundTrips: await roundTrips(executor, OPERATIONS, picks),
    plans: await profileOurs(executor, executor.driver, OPERATIONS, picks),
    sequential: await sequential(clients, [...OPERATIONS, TRANSPORT_FLOOR], picks, SETTINGS),
  };
  result.load = {};
  for (const client of clients) result.load[client.name] = await closedLoop(client, OPERATIONS, picks, { connections: SETTINGS.connections, durationMs: SETTINGS.loadMs });
  const heap = await neo4jHeapMiB(executor);
  result.memory = { oursRssMiB: rssMiB(ours.pid), peerRssMiB: rssMiB(peer.pid), neo4jHeapUsedMiB: heap.used, neo4jHeapCommittedMiB: heap.committed };
  return result;
}

/** Full run: ingest in a throwaway Neo4j, then each graph from its cached store (built once by bench:data). */
async function fullRun(): Promise<{ ingest: IngestComparison; small: GraphResult; large: GraphResult }> {
  const ingest = await inThrowawayNeo4j(false, async (_neo, executor) => {
    await applySchema(executor);
    return compareIngest(executor, seed, SETTINGS.ingestPairs);
  });
  const stored = async (nodes: number): Promise<GraphResult> => {
    const graph = await buildStore({ nodes, seed, log });
    return onNeo4j(storeHome(nodes, seed), true, (neo, executor) => withServers(neo, executor, (servers) => measure(graph, executor, servers)));
  };
  return { ingest, small: await stored(SETTINGS.small), large: await stored(SETTINGS.large) };
}

/** Quick run: one throwaway Neo4j; ingest, wipe, load the small graph, measure, grow it to the large one, measure. */
async function quickRun(): Promise<{ ingest: IngestComparison; small: GraphResult; large: GraphResult }> {
  return inThrowawayNeo4j(true, async (neo, executor) => {
    await applySchema(executor);
    const ingest = await compareIngest(executor, seed, SETTINGS.ingestPairs);
    await wipe(executor);
    const small = await grow(executor, SETTINGS.small, 0);
    return withServers(neo, executor, async (servers) => {
      const smallResult = await measure(small, executor, servers);
      const large = await grow(executor, SETTINGS.large, small.districts);
      return { ingest, small: smallResult, large: await measure(large, executor, servers) };
    });
  });
}

async function inThrowawayNeo4j<T>(apoc: boolean, work: (neo: BenchNeo4j, executor: Executor) => Promise<T>): Promise<T> {
  const home = mkdtempSync(path.join(tmpdir(), "kg-bench-"));
  try {
    return await onNeo4j(home, apoc, work);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** Loads districts [from, planFor(nodes)) through the writer; describes the graph as a store would. */
async function grow(executor: Executor, nodes: number, from: number): Promise<StoreMeta> {
  const plan = planFor(nodes, seed);
  const load = await loadThroughWriter(executor, documents(plan, from));
  await executor.autoCommit(cypher("CALL db.awaitIndexes($seconds)", { seconds: 300 }));
  return { requestedNodes: nodes, seed, districts: plan.districts, digest: "loaded in this run", ...(await countGraph(executor)), load };
}

const worst = (pairs: Array<[string, number]>): Worst => {
  const [operation, value] = pairs.reduce((a, b) => (b[1] > a[1] ? b : a));
  return { value: Math.round(value * 100) / 100, operation };
};

const started = performance.now();
const { ingest, small, large } = await (values.quick ? quickRun() : fullRun());
/** ours ÷ peer requests per second under the same load. */
const throughputRatio = (g: GraphResult): number => (g.load?.ours?.requestsPerSecond ?? Number.NaN) / (g.load?.peer?.requestsPerSecond ?? Number.NaN);
const p50 = (g: GraphResult, op: string, client: string): number => g.sequential[op]?.[client]?.p50 ?? Number.NaN;
const results: BenchResults & Record<string, unknown> = {
  date: new Date().toISOString(),
  mode: values.quick ? "quick" : "full",
  seconds: Math.round((performance.now() - started) / 1000),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, neo4j: "5.26.30 (embedded, heap 2g, page cache 1g)" },
  settings: SETTINGS,
  ratio_p50_vs_cypher: worst([small, large].flatMap((g, i) => OPERATIONS.map((op): [string, number] => [`${op.name}@${i === 0 ? "small" : "large"}`, p50(g, op.name, "ours") / p50(g, op.name, "cypher")]))),
  ratio_throughput_vs_peer: Math.round(Math.min(throughputRatio(small), throughputRatio(large)) * 100) / 100,
  ratio_throughput_vs_peer_by_graph: { small: Math.round(throughputRatio(small) * 100) / 100, large: Math.round(throughputRatio(large) * 100) / 100 },
  ratio_p50_large_vs_small: worst(OPERATIONS.map((op) => [op.name, p50(large, op.name, "ours") / p50(small, op.name, "ours")])),
  ratio_ingest_vs_raw: Math.round(ingest.ratio * 100) / 100,
  large_nodes: large.graph.nodes,
  large_relationships: large.graph.relationships,
  small_nodes: small.graph.nodes,
  roundtrips_per_root_field: Math.max(...Object.values(small.roundTrips), ...Object.values(large.roundTrips)),
  ingest,
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
