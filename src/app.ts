import type { Config } from "./config/config.js";
import { Executor } from "./db/executor.js";
import { applySchema } from "./db/schema.js";
import { ingestCorpus, ingestDeps, isGraphEmpty } from "./ingest/pipeline.js";
import type { Logger } from "./log/logger.js";
import { type Neo4jRuntime, openNeo4j } from "./neo4j/runtime.js";
import type { RunningHttpServer } from "./server/http-server.js";

export interface RunningApp {
  neo4j: Neo4jRuntime;
  http: RunningHttpServer;
  executor: Executor;
  stop(): Promise<void>;
}

/** Loads the GraphQL and HTTP stack; imported lazily so it loads while the JVM starts. */
async function loadWebStack() {
  const [{ buildGraphQLSchema }, { startHttpServer }] = await Promise.all([
    import("./graphql/schema.js"),
    import("./server/http-server.js"),
  ]);
  return { schema: await buildGraphQLSchema(), startHttpServer };
}

/** Start-up in order: Neo4j, schema, GraphQL over HTTP. `stop` undoes it in reverse. */
export async function startApp(config: Config, log: Logger, envFile: string): Promise<RunningApp> {
  const webStack = loadWebStack();
  // Awaited below; this only keeps a failure from being "unhandled" when Neo4j fails first.
  webStack.catch(() => undefined);
  const neo4j = await openNeo4j(config, log, envFile);
  try {
    const executor = new Executor(neo4j.driver, { database: config.neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs, log });
    await applySchema(executor);
    log.info("schema applied");
    if (config.loadCorpus && (await isGraphEmpty(executor))) {
      const started = Date.now();
      const results = await ingestCorpus(ingestDeps(executor, log));
      log.info({ documents: results.length, ms: Date.now() - started }, "corpus loaded into the empty graph");
    }
    const { schema, startHttpServer } = await webStack;
    const http = await startHttpServer({
      executor,
      schema,
      log,
      host: config.http.host,
      port: config.http.port,
      exposeInternalErrors: config.env === "development",
    });
    return {
      neo4j,
      http,
      executor,
      async stop() {
        await http.close();
        await neo4j.close();
      },
    };
  } catch (error) {
    await neo4j.close();
    throw error;
  }
}
