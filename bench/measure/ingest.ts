import type { Executor } from "../../src/db/executor.js";
import type { GraphRows } from "../../src/ingest/graph.js";
import { district, districtDocuments } from "../data/generate.js";
import { type LoadResult, loadBare, loadThroughWriter, POOL } from "../data/load.js";
import { percentile } from "./stats.js";

/** One measured pair: the same number of documents through each loader, one after the other. */
export interface IngestPair {
  /** Which loader went first in this pair. */
  first: "ours" | "bare";
  ours: LoadResult;
  bare: LoadResult;
  /** ours rows/s ÷ bare rows/s in this pair */
  ratio: number;
}

export interface IngestComparison {
  /** Rows and time summed over the measured pairs. */
  ours: LoadResult;
  bare: LoadResult;
  /** Median of the pairs' ratios (ours rows/s ÷ bare rows/s, nearest rank): what `ratio_ingest_vs_raw` reports. */
  ratio: number;
  /** Smallest and largest pair ratio. */
  spread: { min: number; max: number };
  /** ours rows/s ÷ bare rows/s over all measured pairs together. */
  ratioOfTotals: number;
  pairs: IngestPair[];
}

const DISTRICTS_PER_POOL = POOL / 10;

function pool(seed: number, first: number): GraphRows[] {
  return Array.from({ length: DISTRICTS_PER_POOL }, (_, i) => [...districtDocuments(seed, district(seed, first + i))]).flat();
}

function add(total: LoadResult, one: LoadResult): LoadResult {
  const ms = total.ms + one.ms;
  const rows = total.rows + one.rows;
  return { documents: total.documents + one.documents, rows, ms, rowsPerSecond: rows / (ms / 1000) };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Median (nearest rank), spread and totals of measured pairs. */
export function summarizePairs(pairs: IngestPair[]): IngestComparison {
  if (pairs.length === 0) throw new Error("no measured pairs");
  const zero: LoadResult = { documents: 0, rows: 0, ms: 0, rowsPerSecond: 0 };
  const ours = pairs.reduce((total, p) => add(total, p.ours), zero);
  const bare = pairs.reduce((total, p) => add(total, p.bare), zero);
  const sorted = pairs.map((p) => p.ratio).sort((a, b) => a - b);
  return {
    ours,
    bare,
    ratio: round(percentile(sorted, 0.5)),
    spread: { min: round(sorted[0] as number), max: round(sorted[sorted.length - 1] as number) },
    ratioOfTotals: round(ours.rowsPerSecond / bare.rowsPerSecond),
    pairs,
  };
}

export interface CompareOptions {
  /** Pairs loaded before the measured ones, to warm up the JVM and both loaders' plans (default WARMUP_PAIRS). */
  warmup?: number;
  /** Called after every pair, warm-up ones included (index < warmup). */
  onPair?: (pair: IngestPair, index: number) => void;
}

/** Our writer sends about twice as many distinct statements as the bare loader: one pair left it still planning and compiling. */
export const WARMUP_PAIRS = 2;

/**
 * Our writer against the bare UNWIND, pool by pool in turn into the same growing database, so JIT
 * warm-up, store size and machine noise fall on both alike; `pairs` are measured after the warm-up ones.
 */
export async function compareIngest(executor: Executor, seed: number, pairs: number, options: CompareOptions = {}): Promise<IngestComparison> {
  const warmup = options.warmup ?? WARMUP_PAIRS;
  const measured: IngestPair[] = [];
  const inDatabase = new Set<string>();
  for (let pair = 0; pair < warmup + pairs; pair++) {
    const oursDocs = pool(seed, pair * 2 * DISTRICTS_PER_POOL);
    const bareDocs = pool(seed, (pair * 2 + 1) * DISTRICTS_PER_POOL);
    const runOurs = async (): Promise<LoadResult> => {
      const result = await loadThroughWriter(executor, oursDocs);
      for (const doc of oursDocs) for (const e of doc.entities) inDatabase.add(e.id);
      return result;
    };
    // Each goes first in every other pair, so neither always meets the other's warm caches.
    const first = pair % 2 === 0 ? "ours" : "bare";
    let o: LoadResult;
    let b: LoadResult;
    if (first === "ours") {
      o = await runOurs();
      b = await loadBare(executor, bareDocs, inDatabase);
    } else {
      b = await loadBare(executor, bareDocs, inDatabase);
      o = await runOurs();
    }
    const result: IngestPair = { first, ours: o, bare: b, ratio: o.rowsPerSecond / b.rowsPerSecond };
    options.onPair?.(result, pair);
    if (pair >= warmup) measured.push(result);
  }
  return summarizePairs(measured);
}
