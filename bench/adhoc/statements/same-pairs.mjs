// node bench/adhoc/statements/same-pairs.mjs VARIANTS.mjs: the variants in pairs (0 and 1, 2 and 3 …) must return the same result.
import { readFileSync } from "node:fs";
import neo4j from "neo4j-driver";
const cfg = JSON.parse(readFileSync("/tmp/ab/neo.json", "utf8"));
const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), { disableLosslessIntegers: true });
const { default: vs } = await import(process.argv[2]);
for (let k = 0; k < vs.length; k += 2) {
  const [a, b] = await Promise.all([vs[k], vs[k + 1]].map((v) => driver.executeQuery(v.cypher, v.params, { routing: "READ", database: "neo4j" })));
  const ja = JSON.stringify(a.records[0].get("result")),
    jb = JSON.stringify(b.records[0].get("result"));
  console.log(
    vs[k].name,
    "items",
    a.records[0].get("result").items.length,
    "actuals",
    a.records[0].get("result").items.filter((x) => x.actual).length,
    ja === jb ? "SAME" : "DIFFERENT",
  );
}
await driver.close();
