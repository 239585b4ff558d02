import "reflect-metadata";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.js";
import { loadEnvFile } from "../config/env-file.js";
import { connectNeo4j } from "../db/connect.js";
import { Executor } from "../db/executor.js";
import { applySchema } from "../db/schema.js";
import { ClientError } from "../errors/client-errors.js";
import { isOperatorError } from "../errors/internal-errors.js";
import { createLogger } from "../log/logger.js";
import { isPortInUse } from "../neo4j/embedded.js";
import { PROJECT_ROOT } from "../neo4j/paths.js";
import { openNeo4j } from "../neo4j/runtime.js";
import type { MetadataInput } from "./metadata.js";
import { ingestDeps, ingestFile } from "./pipeline.js";

const USAGE = "usage: npm run ingest -- FILE [--id ID] [--title TITLE] [--date YYYY-MM-DD] [--publisher NAME] [--report-year YYYY]";

/** Uses the running service's Neo4j (NEO4J_URI, or the embedded one on its Bolt port); starts one only when none runs. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      id: { type: "string" },
      title: { type: "string" },
      date: { type: "string" },
      publisher: { type: "string" },
      "report-year": { type: "string" },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new ClientError("BAD_USER_INPUT", USAGE);
  const overrides: MetadataInput = {
    ...(values.id ? { id: values.id } : {}),
    ...(values.title ? { title: values.title } : {}),
    ...(values.date ? { publishedOn: values.date } : {}),
    ...(values.publisher ? { publisher: values.publisher } : {}),
    ...(values["report-year"] ? { reportYear: Number(values["report-year"]) } : {}),
  };
  const envFile = process.env.ENV_FILE ?? path.join(PROJECT_ROOT, ".env");
  loadEnvFile(envFile);
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? "warn");
  const { boltHost, boltPort } = config.neo4j.embedded;
  const running = !config.neo4j.externalUri && config.neo4j.password && (await isPortInUse(boltHost, boltPort));
  const neo4j = running
    ? { driver: await connectNeo4j({ uri: `bolt://${boltHost}:${boltPort}`, user: config.neo4j.user, password: config.neo4j.password as string }), close: async () => {} }
    : await openNeo4j(config, log, envFile);
  try {
    const executor = new Executor(neo4j.driver, { database: config.neo4j.database, timeoutMs: 120_000 });
    await applySchema(executor);
    const result = await ingestFile(path.resolve(file), overrides, ingestDeps(executor, log));
    console.log(JSON.stringify(result));
  } finally {
    if (running) await neo4j.driver.close();
    await neo4j.close();
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof ClientError) && !isOperatorError(error)) throw error;
  // Bad input and operator problems are for a terminal: the message, no stack trace.
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
