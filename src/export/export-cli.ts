import path from "node:path";
import { parseArgs } from "node:util";
import { BadUserInputError } from "../errors/client-errors.js";
import { runCli, withNeo4j } from "../neo4j/cli-connection.js";
import { exportGraph } from "./export.js";
import { type Format, FORMATS } from "./records.js";

const USAGE = `usage: npm run export -- --format ${FORMATS.join("|")} [--out DIR]`;

await runCli(async () => {
  const { values } = (() => {
    try {
      return parseArgs({ options: { format: { type: "string" }, out: { type: "string", default: "export" } } });
    } catch (error) {
      throw new BadUserInputError(`${(error as Error).message}\n${USAGE}`);
    }
  })();
  const format = values.format as Format | undefined;
  if (!format || !FORMATS.includes(format)) throw new BadUserInputError(USAGE);
  const started = Date.now();
  const result = await withNeo4j((executor) => exportGraph(executor, format, path.resolve(values.out)));
  console.log(JSON.stringify({ ...result, ms: Date.now() - started }));
});
