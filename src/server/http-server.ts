import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { GraphQLSchema } from "graphql";
import type { Executor } from "../db/executor.js";
import type { GraphQLContext } from "../graphql/context.js";
import { createErrorFormatter } from "../graphql/format-error.js";
import type { Logger } from "../log/logger.js";
import { healthz, type ReadinessCheck, readyz } from "./health.js";

export interface HttpServerOptions {
  executor: Executor;
  schema: GraphQLSchema;
  log: Logger;
  host: string;
  port: number;
  exposeInternalErrors: boolean;
  readinessChecks?: ReadinessCheck[];
}

export interface RunningHttpServer {
  url: string;
  close(): Promise<void>;
}

/** Express app: /graphql (Apollo), /healthz, /readyz. Resolves once listening. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GraphQLContext>({
    schema: options.schema,
    introspection: true,
    // main.ts owns shutdown: Apollo stopping on its own would race it and re-raise the signal.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(options.log, options.exposeInternalErrors),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  app.get("/healthz", healthz);
  app.get("/readyz", readyz(options.executor, options.readinessChecks));
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, { context: async () => ({ executor: options.executor }) }),
  );

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
