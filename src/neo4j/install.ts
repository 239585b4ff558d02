import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectNeo4j } from "../db/connect.js";
import { cypher } from "../db/cypher-query.js";
import { Executor } from "../db/executor.js";
import { applySchema } from "../db/schema.js";
import { Neo4jStartError } from "../errors/index.js";
import type { Logger } from "../log/logger.js";
import { classArchivePath } from "./class-archive.js";
import { startEmbeddedNeo4j } from "./embedded.js";
import { freePort } from "./free-port.js";
import { installDigest, LAUNCHER_DIR, LAUNCHER_TARGET } from "./paths.js";
import type { JavaInfo } from "./java.js";

const MARKER = path.join(LAUNCHER_TARGET, "installed.sha256");

export function isNeo4jInstalled(): boolean {
  return existsSync(MARKER) && readFileSync(MARKER, "utf8") === installDigest();
}

/**
 * Builds the launcher jar and copies the Neo4j jars into neo4j/target/lib with Maven, then records
 * the class-data archive. Once done, later calls return at once and starts work offline.
 */
export async function ensureNeo4jInstalled(java: JavaInfo, log: Logger): Promise<void> {
  if (!isNeo4jInstalled()) {
    buildWithMaven(log);
    writeFileSync(MARKER, installDigest());
  }
  if (!existsSync(classArchivePath(java.major))) await recordClassArchive(java, log);
}

function buildWithMaven(log: Logger): void {
  log.info("fetching Neo4j jars with Maven (first start only)");
  rmSync(path.join(LAUNCHER_TARGET, "lib"), { recursive: true, force: true });
  const started = Date.now();
  const result = spawnSync("mvn", ["-q", "-B", "-f", path.join(LAUNCHER_DIR, "pom.xml"), "package"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) {
    throw new Neo4jStartError(
      `Maven (mvn) is needed once to fetch the Neo4j jars into neo4j/target/lib (${result.error.message}): install Maven, or set NEO4J_URI to a Neo4j server you already run.`,
    );
  }
  if (result.status !== 0) {
    const tail = `${result.stdout}${result.stderr}`.trim().split("\n").slice(-15).join("\n");
    throw new Neo4jStartError(`Maven could not build the Neo4j launcher (exit ${result.status}):\n${tail}`);
  }
  log.info({ ms: Date.now() - started }, "Neo4j jars ready");
}

/** Starts Neo4j once in a scratch directory and stops it: the JVM writes the archive as it exits. */
async function recordClassArchive(java: JavaInfo, log: Logger): Promise<void> {
  const archive = classArchivePath(java.major);
  mkdirSync(path.dirname(archive), { recursive: true });
  // A private name, renamed into place only when complete, so concurrent installs never clash.
  const pending = `${archive}.${process.pid}.tmp`;
  const home = mkdtempSync(path.join(tmpdir(), "kg-neo4j-cds-"));
  const started = Date.now();
  log.info("recording the Neo4j class-data archive (once, speeds up every later start)");
  try {
    const password = randomBytes(12).toString("base64url");
    const neo4j = await startEmbeddedNeo4j({
      settings: { boltHost: "127.0.0.1", boltPort: await freePort(), homeDir: home, heap: "512m", pageCache: "64m", txTimeout: "30s", startTimeoutMs: 180_000 },
      password,
      javaCommand: java.command,
      javaMajor: java.major,
      log,
      recordClassArchiveTo: pending,
    });
    try {
      await warmUp(neo4j.uri, password);
    } finally {
      await neo4j.stop();
    }
    if (existsSync(pending)) renameSync(pending, archive);
    else log.warn("the JVM wrote no class-data archive; starts stay slower but work");
  } finally {
    rmSync(pending, { force: true });
    rmSync(home, { recursive: true, force: true });
  }
  log.info({ ms: Date.now() - started }, "class-data archive ready");
}

/** Exercises what every start does next (auth, schema, a parameterised query) so those classes are archived too. */
async function warmUp(uri: string, password: string): Promise<void> {
  const driver = await connectNeo4j({ uri, user: "neo4j", password });
  try {
    const executor = new Executor(driver, { database: "neo4j", timeoutMs: 60_000 });
    await applySchema(executor);
    await executor.read(cypher("MATCH (d:Document {id: $id})-[:HAS_ARTICLE]->(a) RETURN d, collect(a) AS articles", { id: "x" }));
  } finally {
    await driver.close();
  }
}
