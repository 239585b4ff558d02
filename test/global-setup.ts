import type { TestProject } from "vitest/node";
import { connectNeo4j } from "../src/db/connect.js";
import { Executor } from "../src/db/executor.js";
import { applySchema } from "../src/db/schema.js";
import { ingestCorpus, ingestDeps } from "../src/ingest/pipeline.js";
import { createLogger } from "../src/log/logger.js";
import { startThrowawayNeo4j, type TestNeo4j } from "./helpers/throwaway-neo4j.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

/** Starts one throwaway Neo4j for the run (random port, temp dir), or uses NEO4J_URI when set. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? "warn");
  const database = process.env.NEO4J_DATABASE ?? "neo4j";
  let target: TestNeo4j;
  let stop: () => Promise<void>;
  if (process.env.NEO4J_URI) {
    const password = process.env.NEO4J_PASSWORD;
    if (!password) throw new Error("NEO4J_URI is set for the tests but NEO4J_PASSWORD is not");
    target = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER ?? "neo4j", password, database };
    stop = async () => {};
  } else {
    ({ target, stop } = await startThrowawayNeo4j(log, process.env.TEST_NEO4J_HEAP ?? "1g"));
    target.database = database;
  }
  const driver = await connectNeo4j({ ...target, waitMs: 10_000 });
  try {
    const executor = new Executor(driver, { database, timeoutMs: 120_000 });
    await applySchema(executor);
    // The corpus graph is the shared, read-only fixture; tests that write use their own ids.
    await ingestCorpus(ingestDeps(executor));
  } finally {
    await driver.close();
  }
  project.provide("neo4j", target);
  return stop;
}
