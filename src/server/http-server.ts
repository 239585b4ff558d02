import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import cors from "cors";
import express from "express";
import type { GraphQLSchema } from "graphql";
import type { Config } from "../config/config.js";
import type { Executor } from "../db/executor.js";
import type { GraphQLContext } from "../graphql/context.js";
import { projectionFieldResolver } from "../graphql/field-resolver.js";
import { createErrorFormatter } from "../graphql/format-error.js";
import { responseCache } from "../graphql/response-cache.js";
import { variableCostPlugin } from "../graphql/variable-cost.js";
import { ingestDeps, type IngestDeps } from "../ingest/pipeline.js";
import type { Logger } from "../log/logger.js";
import { cypherEndpoint } from "../cypher-endpoint/cypher-endpoint.js";
import { explorer } from "./explorer.js";
import { graphiql } from "./graphiql.js";
import { GRAPHQL_BODY_LIMIT_BYTES, type GraphQLPost, graphqlPost } from "./graphql-post.js";
import { type BrowserOptions, neo4jBrowser } from "./neo4j-browser.js";
import { healthz, type ReadinessCheck, readyz } from "./health.js";
import { hostGuard, jsonErrorHandler, jsonNotFound } from "./http-guards.js";

export interface HttpServerOptions {
  executor: Executor;
  schema: GraphQLSchema;
  log: Logger;
  host: string;
  port: number;
  exposeInternalErrors: boolean;
  api: Config["api"];
  readinessChecks?: ReadinessCheck[];
  /** Neo4j Browser, when this process runs the embedded Neo4j. */
  browser?: BrowserOptions;
  /** The built explorer app (web/dist by default). */
  explorerDir?: string;
}

export interface RunningHttpServer {
  url: string;
  close(): Promise<void>;
}

const MAX_TOKENS = 5000;

/** True when the request carries the curators' bearer token (compared in constant time). */
function isCurator(req: http.IncomingMessage, token: string | undefined): boolean {
  const header = req.headers.authorization;
  if (!token || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** HTTP: POST /graphql straight into Apollo (graphql-post.ts); Express for the rest of /graphql (the IDE), /healthz, /readyz, pages. Resolves once listening. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const app = express();
  app.disable("x-powered-by");
  const limits = options.api;
  let fast: GraphQLPost | undefined;
  const httpServer = http.createServer((req, res) => {
    if (fast?.handles(req)) void fast.handle(req, res);
    else app(req, res);
  });
  // Rejections become QUERY_TOO_COSTLY in format-error.ts.
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    costLimit: { maxCost: limits.maxCost },
    maxDirectives: { n: 20 },
    // Apollo's own parser counts tokens (parseOptions below), so a syntax error stays a 400 parse failure.
    maxTokens: { enabled: false },
  }).protect();
  const apollo = new ApolloServer<GraphQLContext>({
    schema: options.schema,
    introspection: true,
    parseOptions: { maxTokens: MAX_TOKENS },
    // Apollo decides this from process.env.NODE_ENV, which `npm start` leaves unset; our config decides.
    includeStacktraceInErrorResponses: options.exposeInternalErrors,
    fieldResolver: projectionFieldResolver,
    // main.ts owns shutdown: Apollo stopping on its own would race it and re-raise the signal.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(options.log, options.exposeInternalErrors),
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: armor.allowBatchedHttpRequests,
    // The armor is typed against Apollo's CommonJS build, we load the ESM one: same objects, two type identities.
    plugins: [
      ...(armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      // The armor counts `first: $n` as 1: the cost is checked again with the variables' values.
      variableCostPlugin<GraphQLContext>(options.schema, limits.maxCost),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // We set no cache hints; the default cache-control plugin would still wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ...(limits.responseCache.enabled
        ? responseCache<GraphQLContext>({ executor: options.executor, log: options.log, maxBytes: limits.responseCache.maxBytes })
        : []),
    ],
  });
  await apollo.start();

  let deps: IngestDeps | undefined;
  const ingest = (): IngestDeps => (deps ??= ingestDeps(options.executor, options.log));
  const context = async (req: http.IncomingMessage): Promise<GraphQLContext> => ({
    executor: options.executor,
    curator: isCurator(req, limits.curatorToken),
    ingest,
  });
  // No origin is allowed unless the operator lists it (CORS_ORIGINS).
  const graphqlCors = cors({ origin: limits.corsOrigins.length > 0 ? limits.corsOrigins : false });
  fast = graphqlPost({
    apollo,
    context,
    allowedHosts: limits.allowedHosts,
    cors: graphqlCors,
    log: options.log,
    exposeInternalErrors: options.exposeInternalErrors,
  });

  app.use(hostGuard(limits.allowedHosts));
  app.get("/healthz", healthz);
  app.use("/browser", neo4jBrowser(options.browser));
  app.post(
    "/cypher",
    express.json({ limit: "64kb" }),
    cypherEndpoint({ executor: options.executor, log: options.log, rowCap: limits.cypherRowCap, timeoutMs: limits.cypherTimeoutMs }),
  );
  app.get("/readyz", readyz(options.executor, options.readinessChecks));
  // Every other request to /graphql: the IDE for browsers, GET queries, bodies graphqlPost leaves to body-parser.
  app.use(
    "/graphql",
    graphqlCors,
    graphiql({ browserLink: options.browser !== undefined }),
    express.json({ limit: GRAPHQL_BODY_LIMIT_BYTES }),
    expressMiddleware(apollo, { context: async ({ req }) => context(req) }),
  );

  app.use(explorer(options.explorerDir));
  app.use(jsonNotFound);
  app.use(jsonErrorHandler(options.log, options.exposeInternalErrors));

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, resolve);
  });
  const address = httpServer.address() as AddressInfo;
  const url = `http://${options.host}:${address.port}`;
  options.log.info({ url: `${url}/graphql` }, "GraphQL ready");
  return {
    url,
    async close() {
      await apollo.stop();
    },
  };
}
