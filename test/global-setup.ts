import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { connectNeo4j } from "../src/db/connect.js";
import { Executor } from "../src/db/executor.js";
import { applySchema } from "../src/db/schema.js";
import { ingestCorpus, ingestDeps } from "../src/ingest/pipeline.js";
import { createLogger } from "../src/log/logger.js";
import { startEmbeddedNeo4j } from "../src/neo4j/embedded.js";
import { ensureNeo4jInstalled } from "../src/neo4j/install.js";
import { requireJava } from "../src/neo4j/java.js";
import { freePort } from "../src/neo4j/free-port.js";

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
}

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
    const java = requireJava();
    await ensureNeo4jInstalled(java, log);
    const homeDir = mkdtempSync(path.join(tmpdir(), "kg-test-neo4j-"));
    const password = randomBytes(12).toString("base64url");
    const neo4j = await startEmbeddedNeo4j({
      settings: {
        boltHost: "127.0.0.1",
        boltPort: await freePort(),
        homeDir,
        heap: process.env.TEST_NEO4J_HEAP ?? "1g",
        pageCache: "256m",
        txTimeout: "60s",
        startTimeoutMs: 120_000,
      },
      password,
      javaCommand: java.command,
      javaMajor: java.major,
      log,
    });
    target = { uri: neo4j.uri, user: "neo4j", password, database };
    stop = async () => {
      await neo4j.stop();
      rmSync(homeDir, { recursive: true, force: true });
    };
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
