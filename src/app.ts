import { setTimeout as delay } from "node:timers/promises";
import type { Config } from "./config/config.js";
import { Executor } from "./db/executor.js";
import { applySchema } from "./db/schema.js";
import { QueryTimeoutError, ServiceUnavailableError } from "./errors/client-errors.js";
import { ingestCorpus, ingestDeps, type IngestResult, isGraphEmpty } from "./ingest/pipeline.js";
import type { Logger } from "./log/logger.js";
import { BROWSER_DIR } from "./neo4j/paths.js";
import { type Neo4jRuntime, openNeo4j } from "./neo4j/runtime.js";
import { restartDelayMs } from "./neo4j/supervisor.js";
import type { RunningHttpServer } from "./server/http-server.js";

export interface RunningApp {
  neo4j: Neo4jRuntime;
  http: RunningHttpServer;
  executor: Executor;
  stop(): Promise<void>;
}

/** Loads the GraphQL and HTTP stack; imported lazily so it loads while the JVM starts. */
async function loadWebStack() {
  const [{ buildGraphQLSchema }, { startHttpServer }] = await Promise.all([import("./graphql/schema.js"), import("./server/http-server.js")]);
  return { schema: await buildGraphQLSchema(), startHttpServer };
}

/**
 * Loads the corpus into an empty graph while the API already answers: /readyz says 503
 * "loading the corpus" until it is in, or why it failed.
 */
function loadCorpusInBackground(executor: Executor, log: Logger, stopping: AbortSignal): { check: () => string | null; done: Promise<void> } {
  let state: string | null = "loading the corpus into the empty graph";
  const started = Date.now();
  const done = loadCorpusRetrying(executor, log, stopping).then(
    (results) => {
      state = null;
      log.info({ documents: results.length, ms: Date.now() - started }, "corpus loaded into the empty graph");
    },
    (error: unknown) => {
      state = `loading the corpus failed: ${error instanceof Error ? error.message : String(error)}`;
      log.error({ err: error }, "loading the corpus failed");
    },
  );
  return { check: () => state, done };
}

const CORPUS_ATTEMPTS = 5;

/** Loads the corpus, starting again after Neo4j was away (restarted, frozen): documents already in are skipped. */
async function loadCorpusRetrying(executor: Executor, log: Logger, stopping: AbortSignal): Promise<IngestResult[]> {
  const deps = ingestDeps(executor, log);
  for (let attempt = 0; ; attempt++) {
    try {
      return await ingestCorpus(deps);
    } catch (error) {
      const transient = error instanceof ServiceUnavailableError || error instanceof QueryTimeoutError;
      if (!transient || attempt + 1 >= CORPUS_ATTEMPTS || stopping.aborted) throw error;
      log.warn({ err: error, attempt: attempt + 1 }, "loading the corpus was interrupted; trying again");
      // Shutdown cuts the pause short and ends with the error that interrupted loading.
      await delay(restartDelayMs(attempt + 1), undefined, { signal: stopping }).catch(() => Promise.reject(error));
    }
  }
}

/** Start-up in order: Neo4j, schema, GraphQL over HTTP. `stop` undoes it in reverse. */
export async function startApp(config: Config, log: Logger, envFile: string): Promise<RunningApp> {
  const webStack = loadWebStack();
  // Awaited below; this only keeps a failure from being "unhandled" when Neo4j fails first.
  webStack.catch(() => undefined);
  const neo4j = await openNeo4j(config, log, envFile, { supervise: true });
  const stopping = new AbortController();
  try {
    const executor = new Executor(neo4j.driver, { database: config.neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs, log });
    await applySchema(executor);
    log.info("schema applied");
    const corpus = config.loadCorpus && (await isGraphEmpty(executor)) ? loadCorpusInBackground(executor, log, stopping.signal) : undefined;
    const { schema, startHttpServer } = await webStack;
    const http = await startHttpServer({
      executor,
      schema,
      log,
      host: config.http.host,
      port: config.http.port,
      exposeInternalErrors: config.env === "development",
      api: config.api,
      readinessChecks: [() => neo4j.unavailable(), ...(corpus ? [corpus.check] : [])],
      ...(neo4j.embedded ? { browser: { dir: BROWSER_DIR, boltUrl: neo4j.uri } } : {}),
    });
    return {
      neo4j,
      http,
      executor,
      async stop() {
        // First, so that the JVM leaving with us (Ctrl-C reaches its process group too) is not taken for a crash.
        neo4j.release();
        stopping.abort();
        await http.close();
        await corpus?.done;
        await neo4j.close();
      },
    };
  } catch (error) {
    await neo4j.close();
    throw error;
  }
}
