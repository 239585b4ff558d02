import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cypher } from "../../src/db/cypher-query.js";
import type { Executor } from "../../src/db/executor.js";
import { applySchema, awaitIndexes } from "../../src/db/schema.js";
import type { Logger } from "../../src/log/logger.js";
import { PROJECT_ROOT } from "../../src/neo4j/paths.js";
import { LARGE_GRAPH_MEMORY, withBenchNeo4j } from "../neo4j/bench-neo4j.js";
import { documents, planFor } from "./generate.js";
import { type LoadResult, loadThroughWriter } from "./load.js";

/** Generated graphs are kept here (git-ignored) so a 1M-node graph is loaded once, not every run. */
const STORE_ROOT = path.join(PROJECT_ROOT, "bench", ".data");

/** What is in a stored graph and how it got there. */
export interface StoreMeta {
  requestedNodes: number;
  seed: number;
  districts: number;
  /** Generator, writer (band keys included) and schema sources: a change to any of them regenerates the graph. */
  digest: string;
  nodes: number;
  relationships: number;
  load: LoadResult;
}

const SOURCES = ["bench/data/generate.ts", "src/ingest/write.ts", "src/ingest/graph.ts", "src/ingest/dedupe.ts", "cypher/schema.cypher"];

function sourceDigest(): string {
  const hash = createHash("sha256");
  for (const file of SOURCES) hash.update(readFileSync(path.join(PROJECT_ROOT, file)));
  return hash.digest("hex").slice(0, 16);
}

export function storeHome(nodes: number, seed: number): string {
  return path.join(STORE_ROOT, `graph-${nodes}-${seed}`);
}

const metaFile = (home: string): string => path.join(home, "graph.json");

/** The stored graph's description when it is complete and current, else undefined. */
export function readStore(nodes: number, seed: number): StoreMeta | undefined {
  const file = metaFile(storeHome(nodes, seed));
  if (!existsSync(file)) return undefined;
  const meta = JSON.parse(readFileSync(file, "utf8")) as StoreMeta;
  return meta.digest === sourceDigest() ? meta : undefined;
}

export async function countGraph(executor: Executor): Promise<{ nodes: number; relationships: number }> {
  const [row] = await executor.read<{ nodes: number; relationships: number }>(
    cypher("RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships"),
  );
  if (!row) throw new Error("count returned no row");
  return row;
}

/**
 * Loads the districts [from, planFor(nodes)) through the ingestion writer, timed, waits for the
 * indexes, and describes the graph that results (`from` > 0 grows a graph already loaded).
 */
export async function loadGraph(executor: Executor, options: { nodes: number; seed: number; from?: number; log?: Logger }): Promise<StoreMeta> {
  const { nodes, seed, log } = options;
  const plan = planFor(nodes, seed);
  const total = plan.districts * 10;
  let lastLog = 0;
  const load = await loadThroughWriter(executor, documents(plan, options.from ?? 0), (done) => {
    if (performance.now() - lastLog > 10_000 || done === total) {
      lastLog = performance.now();
      log?.info({ documents: `${done}/${total}` }, "loading");
    }
  });
  await awaitIndexes(executor, 1800);
  return { requestedNodes: nodes, seed, districts: plan.districts, digest: sourceDigest(), ...(await countGraph(executor)), load };
}

/**
 * Generates a graph of about `nodes` nodes and loads it through the ingestion writer into its own
 * Neo4j home, timed; the meta file is written last, so an interrupted load is redone, never reused.
 */
export async function buildStore(options: { nodes: number; seed: number; log: Logger }): Promise<StoreMeta> {
  const { nodes, seed, log } = options;
  const cached = readStore(nodes, seed);
  if (cached) {
    log.info({ home: storeHome(nodes, seed) }, "graph already generated");
    return cached;
  }
  const home = storeHome(nodes, seed);
  rmSync(home, { recursive: true, force: true });
  return withBenchNeo4j({ homeDir: home, log, apoc: false, ...LARGE_GRAPH_MEMORY }, async (_neo, executor) => {
    await applySchema(executor);
    const meta = await loadGraph(executor, { nodes, seed, log });
    writeFileSync(metaFile(home), `${JSON.stringify(meta, null, 2)}\n`);
    return meta;
  });
}
