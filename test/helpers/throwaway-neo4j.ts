import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { connectNeo4j } from "../../src/db/connect.js";
import { Executor } from "../../src/db/executor.js";
import { applySchema } from "../../src/db/schema.js";
import { createLogger, type Logger } from "../../src/log/logger.js";
import { startEmbeddedNeo4j } from "../../src/neo4j/embedded.js";
import { freePort } from "../../src/neo4j/free-port.js";
import { ensureNeo4jInstalled } from "../../src/neo4j/install.js";
import { requireJava } from "../../src/neo4j/java.js";

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** A real embedded Neo4j on a random port in a temp dir; `stop` shuts it down and deletes the dir. */
export async function startThrowawayNeo4j(log: Logger, heap = "1g"): Promise<{ target: TestNeo4j; stop: () => Promise<void> }> {
  const java = requireJava();
  await ensureNeo4jInstalled(java, log);
  const homeDir = mkdtempSync(path.join(tmpdir(), "kg-test-neo4j-"));
  const password = randomBytes(12).toString("base64url");
  const neo4j = await startEmbeddedNeo4j({
    settings: { boltHost: "127.0.0.1", boltPort: await freePort(), homeDir, heap, pageCache: "256m", txTimeout: "60s", startTimeoutMs: 120_000 },
    password,
    javaCommand: java.command,
    javaMajor: java.major,
    log,
  });
  return {
    target: { uri: neo4j.uri, user: "neo4j", password, database: "neo4j" },
    stop: async () => {
      await neo4j.stop();
      rmSync(homeDir, { recursive: true, force: true });
    },
  };
}

/** A throwaway Neo4j with the schema applied, a driver and an executor on it; `close` ends all three. */
export async function startThrowawayDatabase(heap: string): Promise<{ target: TestNeo4j; driver: Driver; executor: Executor; close: () => Promise<void> }> {
  const scratch = await startThrowawayNeo4j(createLogger("silent"), heap);
  const driver = await connectNeo4j({ ...scratch.target, waitMs: 10_000 });
  const executor = new Executor(driver, { database: scratch.target.database, timeoutMs: 120_000 });
  await applySchema(executor);
  return {
    target: scratch.target,
    driver,
    executor,
    close: async () => {
      await driver.close();
      await scratch.stop();
    },
  };
}
