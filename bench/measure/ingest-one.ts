import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cypher } from "../../src/db/cypher-query.js";
import type { Executor } from "../../src/db/executor.js";
import type { Logger } from "../../src/log/logger.js";
import { CORPUS_DIR, ingestDeps, ingestDocument, type IngestDeps } from "../../src/ingest/pipeline.js";
import { candidateLookup } from "../../src/ingest/dedupe.js";
import { readSourceFile } from "../../src/ingest/read.js";
import { segment } from "../../src/ingest/segment.js";
import { storeHome } from "../data/store.js";
import { LARGE_GRAPH_MEMORY, withBenchNeo4j } from "../neo4j/bench-neo4j.js";
import { summarize } from "./stats.js";

/** A real report of corpus size: 001 (18 KB, 6,509 characters, 227 passages, 137 long enough to compare). */
export const INGEST_REPORT = path.join(CORPUS_DIR, "001_b0e5e1e4ebf92b9c.txt");

export interface IngestOneResult {
  /** Wall time of each `ingestDocument`, in order. */
  ms: number[];
  medianMs: number;
  nearDuplicates: number;
  /** PROFILE of the report's candidate lookup in this graph: candidate passages and db hits. */
  lookup: { candidates: number; dbHits: number };
}

export interface IngestOneComparison {
  document: string;
  small: IngestOneResult;
  large: IngestOneResult;
  /** large median ÷ small median */
  ratio: number;
}

// Everything only that document introduced: the next repetition's text is new to the graph again.
const REMOVE = `MATCH (d:Document {id: $id}) OPTIONAL MATCH (d)-[:HAS_ARTICLE]->(a)-[:HAS_PASSAGE]->(p)
OPTIONAL MATCH (x)-[:CITED_IN]->(p) WHERE NOT EXISTS { MATCH (x)-[:CITED_IN]->(q:Passage) WHERE q.documentId <> $id }
DETACH DELETE x, p, a, d`;

/** One repetition: the report under a fresh id through `ingestDocument`, timed, then removed. */
async function ingestOnce(deps: IngestDeps, id: string): Promise<{ ms: number; nearDuplicates: number }> {
  const source = readSourceFile(INGEST_REPORT, { id });
  const started = performance.now();
  const result = await ingestDocument(source, deps);
  const ms = performance.now() - started;
  if (result.status !== "created") throw new Error(`${id} was not created (${result.status})`);
  await deps.executor.write(cypher(REMOVE, { id }), 120_000);
  return { ms: Math.round(ms * 10) / 10, nearDuplicates: result.counts.nearDuplicates ?? 0 };
}

async function lookupProfile(executor: Executor): Promise<IngestOneResult["lookup"]> {
  const { rows, dbHits } = await executor.profile(candidateLookup(segment(readSourceFile(INGEST_REPORT, { id: "bench-ingest-probe" }))));
  return { candidates: rows, dbHits };
}

async function summary(executor: Executor, runs: Array<{ ms: number; nearDuplicates: number }>): Promise<IngestOneResult> {
  return {
    ms: runs.map((r) => r.ms),
    medianMs: summarize(runs.map((r) => r.ms)).p50,
    nearDuplicates: runs[0]?.nearDuplicates ?? 0,
    lookup: await lookupProfile(executor),
  };
}

/**
 * Time to ingest one report into each graph, `warmup` + `repetitions` times; with several graphs,
 * alternately and in turn first, so drift on this shared machine falls on all alike.
 */
export async function ingestSeries(graphs: Executor[], options: { warmup: number; repetitions: number }): Promise<IngestOneResult[]> {
  const deps = graphs.map((executor) => ingestDeps(executor));
  const runs = graphs.map(() => [] as Array<{ ms: number; nearDuplicates: number }>);
  for (let rep = 0; rep < options.warmup + options.repetitions; rep++) {
    const order = rep % 2 === 0 ? deps.map((_, i) => i) : deps.map((_, i) => i).reverse();
    for (const i of order) {
      const run = await ingestOnce(deps[i] as IngestDeps, `bench-ingest-${rep}`);
      if (rep >= options.warmup) runs[i]?.push(run);
    }
  }
  return Promise.all(graphs.map((executor, i) => summary(executor, runs[i] ?? [])));
}

export function ingestComparison(small: IngestOneResult, large: IngestOneResult): IngestOneComparison {
  return { document: path.basename(INGEST_REPORT), small, large, ratio: Math.round((large.medianMs / small.medianMs) * 100) / 100 };
}

/** Runs `work` on a throwaway copy of a stored graph, so the cache is never written to. */
export async function withStoreCopy<T>(nodes: number, seed: number, log: Logger, work: (executor: Executor) => Promise<T>): Promise<T> {
  const copy = mkdtempSync(path.join(tmpdir(), "kg-bench-copy-"));
  try {
    cpSync(storeHome(nodes, seed), copy, { recursive: true });
    return await withBenchNeo4j({ homeDir: copy, log, apoc: false, ...LARGE_GRAPH_MEMORY }, (_neo, executor) => work(executor));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
