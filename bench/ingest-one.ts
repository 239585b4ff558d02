/**
 * Only the "ingest one report" phase of `npm run bench`, on the cached graphs (built first if missing):
 *   node --import tsx bench/ingest-one.ts [--small N] [--large N] [--warmup W] [--repetitions R] [--seed S]
 * Prints the comparison and writes bench/results/ingest-one.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createLogger } from "../src/log/logger.js";
import { PROJECT_ROOT } from "../src/neo4j/paths.js";
import { buildStore } from "./data/store.js";
import { ingestComparison, ingestSeries, withStoreCopy } from "./measure/ingest-one.js";

const { values } = parseArgs({
  options: {
    small: { type: "string", default: "10000" },
    large: { type: "string", default: "1200000" },
    warmup: { type: "string", default: "2" },
    repetitions: { type: "string", default: "7" },
    seed: { type: "string", default: "42" },
  },
});
const [small, large, warmup, repetitions, seed] = [values.small, values.large, values.warmup, values.repetitions, values.seed].map(Number) as [
  number,
  number,
  number,
  number,
  number,
];
if (![small, large, warmup, repetitions, seed].every(Number.isInteger)) {
  process.stderr.write("usage: node --import tsx bench/ingest-one.ts [--small N] [--large N] [--warmup W] [--repetitions R] [--seed S] (integers)\n");
  process.exit(2);
}
const log = createLogger(process.env.LOG_LEVEL ?? "warn");
await buildStore({ nodes: small, seed, log });
await buildStore({ nodes: large, seed, log });
const [s, l] = await withStoreCopy(small, seed, log, (a) => withStoreCopy(large, seed, log, (b) => ingestSeries([a, b], { warmup, repetitions })));
if (!s || !l) throw new Error("no ingest series");
const result = { date: new Date().toISOString(), nodes: { small, large }, ...ingestComparison(s, l) };
const text = `${JSON.stringify(result, null, 2)}\n`;
process.stdout.write(text);
mkdirSync(path.join(PROJECT_ROOT, "bench", "results"), { recursive: true });
writeFileSync(path.join(PROJECT_ROOT, "bench", "results", "ingest-one.json"), text);
