import "reflect-metadata";
import path from "node:path";
import { startApp } from "./app.js";
import { loadConfig } from "./config/config.js";
import { loadEnvFile } from "./config/env-file.js";
import { isOperatorError } from "./errors/index.js";
import { createLogger } from "./log/logger.js";
import { PROJECT_ROOT } from "./neo4j/paths.js";

const envFile = process.env.ENV_FILE ?? path.join(PROJECT_ROOT, ".env");
loadEnvFile(envFile);
const log = createLogger();

try {
  const config = loadConfig();
  const app = await startApp(config, log, envFile);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, "error during shutdown");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
} catch (error) {
  if (!isOperatorError(error)) throw error;
  // Operator errors are meant for a terminal: the message alone, no stack trace.
  process.stderr.write(`error: ${error.message}\n`);
  process.exit(1);
}
