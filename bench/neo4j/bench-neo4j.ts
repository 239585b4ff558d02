import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import neo4j from "neo4j-driver";
import { connectNeo4j } from "../../src/db/connect.js";
import { Executor } from "../../src/db/executor.js";
import { Neo4jStartError } from "../../src/errors/index.js";
import type { Logger } from "../../src/log/logger.js";
import { startEmbeddedNeo4j } from "../../src/neo4j/embedded.js";
import { freePort } from "../../src/neo4j/free-port.js";
import { ensureNeo4jInstalled } from "../../src/neo4j/install.js";
import { requireJava } from "../../src/neo4j/java.js";

/**
 * The benchmark's Neo4j: our embedded Neo4j 5.26 (src/neo4j/embedded.ts), optionally with APOC core,
 * which @neo4j/graphql needs (apoc.util.validatePredicate, apoc.date.convertFormat …). Our own API
 * uses no APOC; `npm start` never gets it.
 */

const BENCH_NEO4J_DIR = path.dirname(fileURLToPath(import.meta.url));
const POM = path.join(BENCH_NEO4J_DIR, "pom.xml");
export const PLUGIN_DIR = path.join(BENCH_NEO4J_DIR, "target", "plugins");
const MARKER = path.join(BENCH_NEO4J_DIR, "target", "plugins.sha256");

/** Heap and page cache for the generated graphs (a 1.2M-node store is about 2 GB). */
export const LARGE_GRAPH_MEMORY = { heap: "2g", pageCache: "1g" } as const;

export interface BenchNeo4jOptions {
  /** Neo4j home (store, logs, conf); created if missing. Unset: a temp dir, deleted on stop. */
  homeDir?: string;
  heap?: string;
  pageCache?: string;
  /** Load APOC core (default true): needed by the @neo4j/graphql peer. */
  apoc?: boolean;
  txTimeout?: string;
  log: Logger;
}

export interface BenchNeo4j {
  uri: string;
  user: string;
  password: string;
  pid: number;
  /** APOC's version when loaded, else undefined. */
  apocVersion: string | undefined;
  stop(): Promise<void>;
}

function pomDigest(): string {
  return createHash("sha256").update(readFileSync(POM)).digest("hex");
}

/** The plugin jars, fetched by Maven once per pom.xml (a digest marker says they are there). */
export function ensureApocInstalled(log: Logger): string[] {
  const installed = existsSync(MARKER) && readFileSync(MARKER, "utf8") === pomDigest();
  if (!installed) {
    log.info("fetching APOC core with Maven (once)");
    const result = spawnSync("mvn", ["-q", "-B", "-f", POM, "package"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (result.error) throw new Neo4jStartError(`Maven (mvn) is needed once to fetch APOC into ${PLUGIN_DIR}: ${result.error.message}`);
    if (result.status !== 0) {
      const tail = `${result.stdout}${result.stderr}`.trim().split("\n").slice(-15).join("\n");
      throw new Neo4jStartError(`Maven could not fetch APOC (exit ${result.status}):\n${tail}`);
    }
    writeFileSync(MARKER, pomDigest());
  }
  const jars = readdirSync(PLUGIN_DIR)
    .filter((f) => f.endsWith(".jar"))
    .sort()
    .map((f) => path.join(PLUGIN_DIR, f));
  if (!jars.some((j) => path.basename(j).startsWith("apoc-core-"))) throw new Neo4jStartError(`no apoc-core jar in ${PLUGIN_DIR}`);
  return jars;
}

/** Starts Neo4j on a random free port with a random password; with APOC unless `apoc: false`. */
export async function startBenchNeo4j(options: BenchNeo4jOptions): Promise<BenchNeo4j> {
  const { log } = options;
  const apoc = options.apoc ?? true;
  const java = requireJava();
  await ensureNeo4jInstalled(java, log);
  const jars = apoc ? ensureApocInstalled(log) : [];
  const homeDir = options.homeDir ?? mkdtempSync(path.join(tmpdir(), "kg-bench-neo4j-"));
  mkdirSync(homeDir, { recursive: true });
  const removeTemp = (): void => {
    if (options.homeDir === undefined) rmSync(homeDir, { recursive: true, force: true });
  };
  const password = randomBytes(12).toString("base64url");
  let server: Awaited<ReturnType<typeof startEmbeddedNeo4j>>;
  try {
    server = await startEmbeddedNeo4j({
      settings: {
        boltHost: "127.0.0.1",
        boltPort: await freePort(),
        homeDir,
        heap: options.heap ?? "1g",
        pageCache: options.pageCache ?? "256m",
        txTimeout: options.txTimeout ?? "60s",
        startTimeoutMs: 180_000,
        // Embedded APOC needs both: procedures are found in the plugin dir, its extensions on the classpath.
        ...(apoc ? { pluginDir: PLUGIN_DIR, extraClasspath: jars, unrestrictedProcedures: "apoc.*" } : {}),
      },
      password,
      javaCommand: java.command,
      javaMajor: java.major,
      log,
    });
  } catch (error) {
    removeTemp();
    throw error;
  }
  const stop = async (): Promise<void> => {
    try {
      await server.stop();
    } finally {
      removeTemp();
    }
  };
  let apocVersion: string | undefined;
  try {
    if (apoc) apocVersion = await readApocVersion(server.uri, password);
  } catch (error) {
    await stop();
    throw error;
  }
  return { uri: server.uri, user: "neo4j", password, pid: server.pid, apocVersion, stop };
}

/** An executor on a bench Neo4j; the caller closes its driver. */
export async function executorFor(neo: Pick<BenchNeo4j, "uri" | "user" | "password">): Promise<Executor> {
  const driver = await connectNeo4j({ uri: neo.uri, user: neo.user, password: neo.password, waitMs: 10_000 });
  return new Executor(driver, { database: "neo4j", timeoutMs: 30 * 60 * 1000 });
}

/** Starts a bench Neo4j, runs `work` with an executor on it, then closes the driver and stops Neo4j. */
export async function withBenchNeo4j<T>(options: BenchNeo4jOptions, work: (neo: BenchNeo4j, executor: Executor) => Promise<T>): Promise<T> {
  const neo = await startBenchNeo4j(options);
  try {
    const executor = await executorFor(neo);
    try {
      return await work(neo, executor);
    } finally {
      await executor.driver.close();
    }
  } finally {
    await neo.stop();
  }
}

/** `RETURN apoc.version()`: proves APOC loaded (Neo4j swallows plugin load errors into its log). */
async function readApocVersion(uri: string, password: string): Promise<string> {
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", password));
  try {
    const { records } = await driver.executeQuery("RETURN apoc.version() AS v");
    const version: unknown = records[0]?.get("v");
    if (typeof version !== "string") throw new Neo4jStartError("apoc.version() returned no version");
    return version;
  } catch (error) {
    if (error instanceof Neo4jStartError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Neo4jStartError(`APOC did not load (RETURN apoc.version() failed: ${reason}); see the Neo4j home's logs/`, { cause: error });
  } finally {
    await driver.close();
  }
}
