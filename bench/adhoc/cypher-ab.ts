/**
 * Our generated statement against the hand-written one, per operation, on the 10k bench graph, in process
 * (same driver, executeQuery, interleaved): sequential p50, db hits, Neo4j CPU per statement in a closed loop.
 *   node --import tsx bench/adhoc/cypher-ab.ts [--rounds 200] [--print]
 */
import { parseArgs } from "node:util";
import type { Driver } from "neo4j-driver";
import { createLogger } from "../../src/log/logger.js";
import { buildStore, storeHome } from "../data/store.js";
import { LARGE_GRAPH_MEMORY, withBenchNeo4j } from "../neo4j/bench-neo4j.js";
import { OPERATIONS, type Picks } from "../ops/operations.js";
import { generatedPicks } from "../ops/picks.js";
import { processCpuMs } from "../measure/cpu.js";
import { statementsSent } from "../measure/roundtrips.js";
import { summarize } from "../measure/stats.js";
import { startOurApi } from "../measure/our-api.js";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "200" }, print: { type: "boolean", default: false } } });
const log = createLogger("warn");

async function dbHits(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<number> {
  const { summary } = await driver.executeQuery(`PROFILE ${cypher}`, params, { routing: "READ", database: "neo4j" });
  type P = { dbHits: number; children: P[] };
  const sum = (p: P): number => p.dbHits + p.children.reduce((s, c) => s + sum(c), 0);
  return summary.profile ? sum(summary.profile as unknown as P) : 0;
}

await buildStore({ nodes: 10_000, seed: 42, log });
await withBenchNeo4j({ homeDir: storeHome(10_000, 42), log, ...LARGE_GRAPH_MEMORY }, async (neo, executor) => {
  const ours = await startOurApi(neo, { responseCache: false });
  let picks: Picks;
  try {
    picks = await generatedPicks(42, ours.baseUrl);
  } finally {
    await ours.stop();
  }
  const driver = executor.driver;
  for (const op of OPERATIONS) {
    const { statements } = await statementsSent(executor, op, picks);
    const [mine] = statements;
    if (!mine || statements.length !== 1) throw new Error(`${op.name}: ${statements.length} statements`);
    if (values.print) process.stdout.write(`--- ${op.name}\n${mine.cypher}\n${JSON.stringify(mine.params)}\n`);
    const sides = [
      { name: "floor", cypher: op.cypher, params: op.params(picks) },
      { name: "ours", cypher: mine.cypher, params: mine.params },
    ];
    const times = new Map(sides.map((s) => [s.name, [] as number[]]));
    for (let round = 0; round < Number(values.rounds) + 10; round++)
      for (const side of sides) {
        const t0 = performance.now();
        await driver.executeQuery(side.cypher, side.params, { routing: "READ", database: "neo4j" });
        if (round >= 10) times.get(side.name)?.push(performance.now() - t0);
      }
    const line = [];
    for (const side of sides) {
      const cpu0 = processCpuMs(neo.pid);
      const t0 = performance.now();
      let n = 0;
      const worker = async (): Promise<void> => {
        while (performance.now() - t0 < 3000) {
          await driver.executeQuery(side.cypher, side.params, { routing: "READ", database: "neo4j" });
          n += 1;
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      const cpu = (processCpuMs(neo.pid) - cpu0) / n;
      const p50 = summarize(times.get(side.name) ?? []).p50;
      line.push(`${side.name} p50 ${p50.toFixed(2)} hits ${await dbHits(driver, side.cypher, side.params)} neo4j ${cpu.toFixed(3)} ms/stmt`);
    }
    process.stdout.write(`${op.name.padEnd(18)} ${line.join("   ")}\n`);
  }
});
