/**
 * Generates a seeded graph and loads it through the ingestion writer into bench/.data (kept between runs).
 *   npm run bench:data -- --nodes 1000000 [--seed 42]
 */
import { parseArgs } from "node:util";
import { createLogger } from "../../src/log/logger.js";
import { buildStore, storeHome } from "./store.js";

const { values } = parseArgs({ options: { nodes: { type: "string", default: "10000" }, seed: { type: "string", default: "42" } } });
const nodes = Number(values.nodes);
const seed = Number(values.seed);
if (!Number.isInteger(nodes) || nodes < 1000 || !Number.isInteger(seed)) {
  process.stderr.write("usage: npm run bench:data -- --nodes N (an integer ≥ 1000) [--seed S (an integer)]\n");
  process.exit(2);
}
const meta = await buildStore({ nodes, seed, log: createLogger("info") });
process.stdout.write(`${JSON.stringify({ home: storeHome(nodes, seed), ...meta }, null, 2)}\n`);
