import { readdirSync, readFileSync } from "node:fs";
import { connectNeo4j } from "./src/db/connect.js";
import { Executor } from "./src/db/executor.js";
const d = await connectNeo4j({ uri: "bolt://127.0.0.1:17700", user: "neo4j", password: "dbgpassword1" });
const ex = new Executor(d, { database: "neo4j", timeoutMs: 60000 });
for (const f of readdirSync("cypher/cookbook").sort()) {
  try {
    const rows = await ex.read({ cypher: readFileSync(`cypher/cookbook/${f}`, "utf8"), params: {} });
    console.log("###", f, rows.length, "rows");
    console.log(JSON.stringify(rows.slice(0, 3)).slice(0, 600));
  } catch (e) { console.log("###", f, "ERROR", (e as Error).message.slice(0, 300)); }
}
await d.close();
