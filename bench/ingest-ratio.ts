/**
 * Only the ingest phase of `npm run bench` (our writer against a bare UNWIND … CREATE), in a throwaway Neo4j:
 *   node --import tsx bench/ingest-ratio.ts [--pairs N] [--warmup W] [--seed S] [--statements]
 * Prints each pair's ratio, their median and spread; --statements also times every statement kind of
 * both loaders (and each transaction's begin and commit) over the measured pairs.
 */
import { parseArgs } from "node:util";
import type { RecordShape } from "neo4j-driver";
import type { CypherQuery } from "../src/db/cypher-query.js";
import { Executor } from "../src/db/executor.js";
import { applySchema } from "../src/db/schema.js";
import { createLogger } from "../src/log/logger.js";
import { compareIngest, type IngestPair, WARMUP_PAIRS } from "./measure/ingest.js";
import { LARGE_GRAPH_MEMORY, withBenchNeo4j } from "./neo4j/bench-neo4j.js";

const { values } = parseArgs({
  options: {
    pairs: { type: "string", default: "7" },
    warmup: { type: "string", default: String(WARMUP_PAIRS) },
    seed: { type: "string", default: "42" },
    statements: { type: "boolean", default: false },
  },
});
const pairs = Number(values.pairs);
const warmup = Number(values.warmup);
const seed = Number(values.seed);
if (!Number.isInteger(pairs) || pairs < 1 || !Number.isInteger(warmup) || warmup < 0 || !Number.isInteger(seed)) {
  process.stderr.write("usage: node --import tsx bench/ingest-ratio.ts [--pairs N (≥ 1)] [--warmup W (≥ 0)] [--seed S] [--statements]\n");
  process.exit(2);
}
const log = createLogger(process.env.LOG_LEVEL ?? "warn");

interface Timing {
  ms: number;
  statements: number;
  rows: number;
}

/** A statement's kind: the labels it matches and its first write clause, parameters left out. */
function kindOf(query: CypherQuery): string {
  const text = query.cypher.replace(/\s+/g, " ").trim();
  const matched = [...text.matchAll(/MATCH \(\w*:(\w+)/g)].map((m) => m[1]);
  const write = /\b(MERGE|CREATE) .{0,48}/.exec(text)?.[0] ?? text.slice(0, 48);
  return `${matched.length > 0 ? `[${[...new Set(matched)].join(",")}] ` : ""}${write}`;
}

/** Times every statement of a write transaction by kind, and the rest of it (begin, commit); our loader's first statement MERGEs its claim. */
class TimingExecutor extends Executor {
  readonly timings = new Map<string, Timing>();
  private count(loader: string, kind: string, ms: number, rows: number): void {
    const key = `${loader}\u0000${kind}`;
    const t = this.timings.get(key) ?? { ms: 0, statements: 0, rows: 0 };
    this.timings.set(key, { ms: t.ms + ms, statements: t.statements + 1, rows: t.rows + rows });
  }
  override writeAll(queries: CypherQuery[], timeoutMs?: number): Promise<void> {
    return this.writeSteps(async (run) => {
      for (const query of queries) await run(query);
    }, timeoutMs);
  }
  override async writeSteps<R>(
    steps: (run: <T extends RecordShape = RecordShape>(query: CypherQuery) => Promise<T[]>) => Promise<R>,
    timeoutMs?: number,
  ): Promise<R> {
    let loader: string | undefined;
    const started = performance.now();
    let inStatements = 0;
    const result = await super.writeSteps(
      (run) =>
        steps(async <T extends RecordShape = RecordShape>(query: CypherQuery): Promise<T[]> => {
          loader ??= query.cypher.includes("MERGE") ? "ours" : "bare";
          const t0 = performance.now();
          const records = await run<T>(query);
          const ms = performance.now() - t0;
          inStatements += ms;
          const rows = query.params.rows ?? query.params.docs;
          this.count(loader, kindOf(query), ms, Array.isArray(rows) ? rows.length : 0);
          return records;
        }),
      timeoutMs,
    );
    this.count(loader ?? "none", "(begin, commit, retries)", performance.now() - started - inStatements, 0);
    return result;
  }
}

const result = await withBenchNeo4j({ log, apoc: false, ...LARGE_GRAPH_MEMORY }, async (_neo, plain) => {
  await applySchema(plain);
  const executor = values.statements ? new TimingExecutor(plain.driver, { database: "neo4j", timeoutMs: plain.timeoutMs }) : plain;
  const onPair = (pair: IngestPair, index: number): void => {
    const line = `pair ${index}${index < warmup ? " (warm-up)" : ""}: ratio ${pair.ratio.toFixed(3)}  ours ${Math.round(pair.ours.rowsPerSecond)} rows/s (${Math.round(pair.ours.ms)} ms)  bare ${Math.round(pair.bare.rowsPerSecond)} rows/s (${Math.round(pair.bare.ms)} ms)  ${pair.first} first`;
    process.stdout.write(`${line}\n`);
    // Statement times count from the first measured pair, as the ratio does.
    if (index === warmup - 1 && executor instanceof TimingExecutor) executor.timings.clear();
  };
  const comparison = await compareIngest(executor, seed, pairs, { warmup, onPair });
  return { comparison, timings: executor instanceof TimingExecutor ? executor.timings : undefined };
});

const { comparison: c, timings } = result;
process.stdout.write(
  `\nmedian ratio ${c.ratio} over ${c.pairs.length} pairs (min ${c.spread.min}, max ${c.spread.max}); totals: ours ${Math.round(c.ours.rowsPerSecond)} vs bare ${Math.round(c.bare.rowsPerSecond)} rows/s = ${c.ratioOfTotals} (${c.ours.rows} vs ${c.bare.rows} rows)\n`,
);
if (timings) {
  for (const loader of ["ours", "bare"]) {
    const rows = [...timings.entries()].filter(([key]) => key.startsWith(`${loader}\u0000`)).sort((a, b) => b[1].ms - a[1].ms);
    const total = rows.reduce((s, [, t]) => s + t.ms, 0);
    process.stdout.write(`\n${loader}: ${Math.round(total)} ms in all\n`);
    for (const [key, t] of rows)
      process.stdout.write(
        `${String(Math.round(t.ms)).padStart(7)} ms ${((100 * t.ms) / total).toFixed(1).padStart(5)}%  ${String(t.statements).padStart(4)} stmts ${String(t.rows).padStart(7)} rows  ${key.split("\u0000")[1]}\n`,
      );
  }
}
