import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { connectNeo4j } from "../../src/db/connect.js";
import { cypher } from "../../src/db/cypher-query.js";
import { Executor } from "../../src/db/executor.js";
import { applySchema } from "../../src/db/schema.js";
import type { Logger } from "../../src/log/logger.js";
import { PROJECT_ROOT } from "../../src/neo4j/paths.js";
import { startBenchNeo4j, type BenchNeo4j } from "../neo4j/bench-neo4j.js";
import { documents, planFor } from "./generate.js";
import { type LoadResult, loadThroughWriter } from "./load.js";

/** Generated graphs are kept here (git-ignored) so a 1M-node graph is loaded once, not every run. */
export const STORE_ROOT = path.join(PROJECT_ROOT, "bench", ".data");

/** What is in a stored graph and how it got there. */
export interface StoreMeta {
  requestedNodes: number;
  seed: number;
  districts: number;
  /** Generator, writer and schema sources: a change to any of them regenerates the graph. */
  digest: string;
  nodes: number;
  relationships: number;
  load: LoadResult;
}

const SOURCES = ["bench/data/generate.ts", "src/ingest/write.ts", "src/ingest/graph.ts", "cypher/schema.cypher"];

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

/** Opens an executor on a bench Neo4j; the caller closes the driver. */
export async function executorFor(neo: Pick<BenchNeo4j, "uri" | "user" | "password">): Promise<Executor> {
  const driver = await connectNeo4j({ uri: neo.uri, user: neo.user, password: neo.password, waitMs: 10_000 });
  return new Executor(driver, { database: "neo4j", timeoutMs: 30 * 60 * 1000 });
}

/**
 * Generates a graph of about `nodes` nodes and loads it through the ingestion writer into its own
 * Neo4j home, timed; the meta file is written last, so an interrupted load is redone, never reused.
 */
export async function buildStore(options: { nodes: number; seed: number; log: Logger; heap?: string; pageCache?: string }): Promise<StoreMeta> {
  const { nodes, seed, log } = options;
  const cached = readStore(nodes, seed);
  if (cached) {
    log.info({ home: storeHome(nodes, seed) }, "graph already generated");
    return cached;
  }
  const home = storeHome(nodes, seed);
  rmSync(home, { recursive: true, force: true });
  const plan = planFor(nodes, seed);
  const neo = await startBenchNeo4j({ homeDir: home, log, apoc: false, heap: options.heap ?? "2g", pageCache: options.pageCache ?? "1g" });
  try {
    const executor = await executorFor(neo);
    try {
      await applySchema(executor);
      const total = plan.districts * 10;
      let lastLog = 0;
      const load = await loadThroughWriter(executor, documents(plan), (done) => {
        if (performance.now() - lastLog > 10_000 || done === total) {
          lastLog = performance.now();
          log.info({ documents: `${done}/${total}` }, "loading");
        }
      });
      await executor.autoCommit(cypher("CALL db.awaitIndexes($seconds)", { seconds: 1800 }));
      const counts = await countGraph(executor);
      const meta: StoreMeta = { requestedNodes: nodes, seed, districts: plan.districts, digest: sourceDigest(), ...counts, load };
      writeFileSync(metaFile(home), `${JSON.stringify(meta, null, 2)}\n`);
      return meta;
    } finally {
      await executor.driver.close();
    }
  } finally {
    await neo.stop();
  }
}
