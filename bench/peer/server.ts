/**
 * The benchmark's peer: @neo4j/graphql 7 over the same Neo4j and data as our API, served the way
 * ours is (Express 5 + Apollo Server 5 at /graphql, no landing page). Read-only and production-like:
 * no debug, no index or constraint assertion (the graph's schema is ours, applied by our ingestion).
 *
 *   NEO4J_URI=bolt://… NEO4J_USER=neo4j NEO4J_PASSWORD=… PORT=0 npx tsx bench/peer/server.ts
 *
 * Prints one line `PEER_LISTENING http://127.0.0.1:<port>/graphql` when ready (bench/peer/peer-process.ts waits for it).
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { Neo4jGraphQL } from "@neo4j/graphql";
import express from "express";
import neo4j from "neo4j-driver";

const TYPEDEFS = new URL("./typedefs.graphql", import.meta.url);
const HOST = "127.0.0.1";

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

async function main(): Promise<void> {
  const uri = requireEnv("NEO4J_URI");
  const password = requireEnv("NEO4J_PASSWORD");
  const user = process.env.NEO4J_USER ?? "neo4j";
  const port = Number(process.env.PORT ?? "0");
  if (!Number.isInteger(port) || port < 0) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);

  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  await driver.verifyConnectivity();
  const schema = await new Neo4jGraphQL({ typeDefs: readFileSync(TYPEDEFS, "utf8"), driver, debug: false }).getSchema();

  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({
    schema,
    // Shutdown is ours (below): Apollo stopping on its own would race it.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  app.use("/graphql", express.json({ limit: "6mb" }), expressMiddleware(apollo, { context: async () => ({}) }));

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, HOST, resolve);
  });
  const { port: bound } = httpServer.address() as AddressInfo;

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    try {
      await apollo.stop();
      await driver.close();
      process.exitCode = 0;
    } catch (error) {
      process.stderr.write(`peer: error while stopping on ${signal}: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    }
  };
  process.once("SIGTERM", (signal) => void shutdown(signal));
  process.once("SIGINT", (signal) => void shutdown(signal));

  process.stdout.write(`PEER_LISTENING http://${HOST}:${bound}/graphql\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`peer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
