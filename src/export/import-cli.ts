import path from "node:path";
import { IngestInputError } from "../errors/client-errors.js";
import { runCli, withNeo4j } from "../neo4j/cli-connection.js";
import { importGraph } from "./import.js";

await runCli(async () => {
  const dir = process.argv[2];
  if (!dir) throw new IngestInputError("usage: npm run import -- DIR (an export in JSON Lines or CSV, into an empty database)");
  const started = Date.now();
  const result = await withNeo4j((executor) => importGraph(executor, path.resolve(dir)));
  console.log(JSON.stringify({ ...result, ms: Date.now() - started }));
});
