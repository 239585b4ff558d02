import type { Executor } from "../../src/db/executor.js";
import type { GraphRows } from "../../src/ingest/graph.js";
import { district, districtDocuments } from "../data/generate.js";
import { type LoadResult, loadBare, loadThroughWriter, POOL } from "../data/load.js";

export interface IngestComparison {
  ours: LoadResult;
  bare: LoadResult;
  /** ours rows/s ÷ bare rows/s */
  ratio: number;
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

/**
 * Our writer against the bare UNWIND, pool by pool in turn into the same growing database, so JIT
 * warm-up, store size and machine noise fall on both alike; the first pair only warms up.
 */
export async function compareIngest(executor: Executor, seed: number, pairs: number): Promise<IngestComparison> {
  const zero: LoadResult = { documents: 0, rows: 0, ms: 0, rowsPerSecond: 0 };
  let ours = zero;
  let bare = zero;
  const inDatabase = new Set<string>();
  for (let pair = 0; pair <= pairs; pair++) {
    const oursDocs = pool(seed, pair * 2 * DISTRICTS_PER_POOL);
    const bareDocs = pool(seed, (pair * 2 + 1) * DISTRICTS_PER_POOL);
    const runOurs = async (): Promise<LoadResult> => {
      const result = await loadThroughWriter(executor, oursDocs);
      for (const doc of oursDocs) for (const e of doc.entities) inDatabase.add(e.id);
      return result;
    };
    // Each goes first in every other pair, so neither always meets the other's warm caches.
    let o: LoadResult;
    let b: LoadResult;
    if (pair % 2 === 0) {
      o = await runOurs();
      b = await loadBare(executor, bareDocs, inDatabase);
    } else {
      b = await loadBare(executor, bareDocs, inDatabase);
      o = await runOurs();
    }
    if (pair === 0) continue;
    ours = add(ours, o);
    bare = add(bare, b);
  }
  return { ours, bare, ratio: ours.rowsPerSecond / bare.rowsPerSecond };
}
