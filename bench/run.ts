/**
 * The benchmark (issue 6), in one run: ingest (our writer against a bare UNWIND), then on a small and
 * a large generated graph: same-answer checks, round trips, PROFILE scans, sequential latency of raw
 * Cypher, our API and @neo4j/graphql, and (small graph) closed-loop load with memory afterwards.
 *   npm run bench              10k and 1.2M nodes; writes bench/results/latest.json and a dated copy
 *   npm run bench -- --quick   3k and 10k nodes, short; writes bench/results/tmp/quick.json
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Executor } from "../src/db/executor.js";
import { applySchema } from "../src/db/schema.js";
import { createLogger } from "../src/log/logger.js";
import { PROJECT_ROOT } from "../src/neo4j/paths.js";
import { buildStore, executorFor, storeHome } from "./data/store.js";
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
const SETTINGS = values.quick
  ? { small: 3_000, large: 10_000, ingestPairs: 1, warmup: 3, rounds: 15, connections: 4, loadMs: 4_000 }
  : { small: 10_000, large: 1_200_000, ingestPairs: 4, warmup: 10, rounds: 100, connections: 8, loadMs: 20_000 };
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

async function measureIngest(): Promise<IngestComparison> {
  const home = mkdtempSync(path.join(tmpdir(), "kg-bench-ingest-"));
  try {
    return await onNeo4j(home, false, async (_neo, executor) => {
      await applySchema(executor);
      return compareIngest(executor, seed, SETTINGS.ingestPairs);
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

async function measureGraph(nodes: number, underLoad: boolean): Promise<GraphResult> {
  const graph = await buildStore({ nodes, seed, log });
  return onNeo4j(storeHome(nodes, seed), true, async (neo, executor) => {
    const ours = await startOurApi(neo);
    const peer = await startPeer(neo);
    try {
      const picks = await generatedPicks(seed, ours.url);
      const clients = [cypherClient(executor.driver), oursClient(ours.url), peerClient(peer.url)];
      await checkSameAnswers(clients, picks);
      log.info({ nodes }, "same answers from raw Cypher, our API and the peer; timing");
      const result: GraphResult = {
        graph,
        picks: { ...picks },
        roundTrips: await roundTrips(executor, OPERATIONS, picks),
        plans: await profileOurs(executor, executor.driver, OPERATIONS, picks),
        sequential: await sequential(clients, [...OPERATIONS, TRANSPORT_FLOOR], picks, SETTINGS),
      };
      if (underLoad) {
        result.load = {};
        for (const client of clients) result.load[client.name] = await closedLoop(client, OPERATIONS, picks, { connections: SETTINGS.connections, durationMs: SETTINGS.loadMs });
        const heap = await neo4jHeapMiB(executor);
        result.memory = { oursRssMiB: rssMiB(ours.pid), peerRssMiB: rssMiB(peer.pid), neo4jHeapUsedMiB: heap.used, neo4jHeapCommittedMiB: heap.committed };
      }
      return result;
    } finally {
      await Promise.all([ours.stop(), peer.stop()]);
    }
  });
}

const worst = (pairs: Array<[string, number]>): Worst => {
  const [operation, value] = pairs.reduce((a, b) => (b[1] > a[1] ? b : a));
  return { value: Math.round(value * 100) / 100, operation };
};

const started = performance.now();
log.info("ingest: our writer against a bare UNWIND");
const ingest = await measureIngest();
const small = await measureGraph(SETTINGS.small, true);
const large = await measureGraph(SETTINGS.large, false);
const p50 = (g: GraphResult, op: string, client: string): number => g.sequential[op]?.[client]?.p50 ?? Number.NaN;
const results: BenchResults & Record<string, unknown> = {
  date: new Date().toISOString(),
  mode: values.quick ? "quick" : "full",
  seconds: Math.round((performance.now() - started) / 1000),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, neo4j: "5.26.30 (embedded, heap 2g, page cache 1g)" },
  settings: SETTINGS,
  ratio_p50_vs_cypher: worst([small, large].flatMap((g, i) => OPERATIONS.map((op): [string, number] => [`${op.name}@${i === 0 ? "small" : "large"}`, p50(g, op.name, "ours") / p50(g, op.name, "cypher")]))),
  ratio_throughput_vs_peer: Math.round(((small.load?.ours?.requestsPerSecond ?? Number.NaN) / (small.load?.peer?.requestsPerSecond ?? Number.NaN)) * 100) / 100,
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
