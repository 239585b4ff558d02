import { loadConfig } from "../../src/config/config.js";
import type { Executor } from "../../src/db/executor.js";
import { buildGraphQLSchema } from "../../src/graphql/schema.js";
import { createLogger } from "../../src/log/logger.js";
import { type RunningHttpServer, startHttpServer } from "../../src/server/http-server.js";
import type { BrowserOptions } from "../../src/server/neo4j-browser.js";

/** The real HTTP server on a free port, configured as `npm start` would be from `env`. */
export async function startTestServer(
  executor: Executor,
  env: Record<string, string> = {},
  extra: { browser?: BrowserOptions; explorerDir?: string } = {},
): Promise<RunningHttpServer> {
  const config = loadConfig({ NODE_ENV: "test", ...env });
  return startHttpServer({
    executor,
    schema: await buildGraphQLSchema(),
    log: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    host: "127.0.0.1",
    port: 0,
    exposeInternalErrors: false,
    api: config.api,
    ...(extra.browser ? { browser: extra.browser } : {}),
    ...(extra.explorerDir ? { explorerDir: extra.explorerDir } : {}),
  });
}
