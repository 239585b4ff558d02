// node bench/adhoc/statements/compare.mjs VARIANTS.mjs (Neo4j from bench/adhoc/serve-graph.ts) : interleaved p50, dbHits, Neo4j CPU per statement (4 workers, 3 s)
import { readFileSync } from "node:fs";
import neo4j from "neo4j-driver";
const cfg = JSON.parse(readFileSync("/tmp/ab/neo.json", "utf8"));
const { default: variants } = await import(process.argv[2]);
const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), { disableLosslessIntegers: true });
const cpu = () => {
  const f = readFileSync(`/proc/${cfg.pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(f[11]) + Number(f[12])) * 10;
};
const run = (v) => driver.executeQuery(v.cypher, v.params, { routing: "READ", database: "neo4j" });
const times = variants.map(() => []);
for (let r = 0; r < 160; r++)
  for (const [i, v] of variants.entries()) {
    const t = performance.now();
    await run(v);
    if (r >= 10) times[i].push(performance.now() - t);
  }
for (const [i, v] of variants.entries()) {
  const { summary, records } = await driver.executeQuery("PROFILE " + v.cypher, v.params, { routing: "READ", database: "neo4j" });
  const sum = (p) => p.dbHits + p.children.reduce((s, c) => s + sum(c), 0);
  const c0 = cpu();
  const t0 = performance.now();
  let n = 0;
  await Promise.all(
    [0, 1, 2, 3].map(async () => {
      while (performance.now() - t0 < 3000) {
        await run(v);
        n++;
      }
    }),
  );
  const s = times[i].sort((a, b) => a - b);
  console.log(
    v.name.padEnd(20),
    "p50",
    s[s.length >> 1].toFixed(2),
    "hits",
    sum(summary.profile),
    "neo4j ms/stmt",
    ((cpu() - c0) / n).toFixed(3),
    "rows",
    records.length,
    JSON.stringify(records[0]?.toObject()).slice(0, 120),
  );
}
await driver.close();
