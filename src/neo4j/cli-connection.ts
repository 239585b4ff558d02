import path from "node:path";
import { type Config, loadConfig } from "../config/config.js";
import { loadEnvFile } from "../config/env-file.js";
import { connectNeo4j } from "../db/connect.js";
import { Executor } from "../db/executor.js";
import { applySchema } from "../db/schema.js";
import { ClientError } from "../errors/client-errors.js";
import { isOperatorError } from "../errors/internal-errors.js";
import { createLogger, type Logger } from "../log/logger.js";
import { isPortInUse } from "./embedded.js";
import { PROJECT_ROOT } from "./paths.js";
import { openNeo4j } from "./runtime.js";

/**
 * Runs a command-line job against the project's Neo4j: NEO4J_URI when set, else the embedded
 * server of a running `npm start` (its Bolt port is open), else one started just for the job.
 */
export async function withNeo4j<T>(job: (executor: Executor, config: Config, log: Logger) => Promise<T>, timeoutMs = 120_000): Promise<T> {
  const envFile = process.env.ENV_FILE ?? path.join(PROJECT_ROOT, ".env");
  loadEnvFile(envFile);
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? "warn");
  const { boltHost, boltPort } = config.neo4j.embedded;
  const running = !config.neo4j.externalUri && config.neo4j.password !== undefined && (await isPortInUse(boltHost, boltPort));
  const neo4j = running
    ? await (async () => {
        const driver = await connectNeo4j({ uri: `bolt://${boltHost}:${boltPort}`, user: config.neo4j.user, password: config.neo4j.password as string });
        return { driver, close: () => driver.close() };
      })()
    : await openNeo4j(config, log, envFile);
  try {
    const executor = new Executor(neo4j.driver, { database: config.neo4j.database, timeoutMs });
    await applySchema(executor);
    return await job(executor, config, log);
  } finally {
    await neo4j.close();
  }
}

/** The ending of every CLI: bad input and operator problems as one line on stderr, exit code 1. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof ClientError) && !isOperatorError(error)) throw error;
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
