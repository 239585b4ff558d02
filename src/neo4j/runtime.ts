import type { Driver } from "neo4j-driver";
import type { Config } from "../config/config.js";
import { connectNeo4j } from "../db/connect.js";
import { ConfigError } from "../errors/index.js";
import type { Logger } from "../log/logger.js";
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from "./embedded.js";
import { ensureNeo4jInstalled } from "./install.js";
import { requireJava } from "./java.js";
import { ensureEmbeddedPassword } from "./password.js";
import { Neo4jSupervisor } from "./supervisor.js";

export interface Neo4jRuntime {
  uri: string;
  driver: Driver;
  /** Present when this process started Neo4j itself: the JVM running now. */
  readonly embedded: EmbeddedNeo4j | undefined;
  /** Why Neo4j cannot be used now (the embedded one is restarting), or null. */
  unavailable(): string | null;
  /** Exits of the embedded JVM are no longer crashes: the first step of shutdown. */
  release(): void;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Restart the embedded Neo4j when it exits unexpectedly (the service); a one-off job just fails. */
  supervise?: boolean;
}

/** Connects to NEO4J_URI when set; otherwise checks Java, fetches the jars once and starts Neo4j here. */
export async function openNeo4j(config: Config, log: Logger, envFile: string, options: OpenOptions = {}): Promise<Neo4jRuntime> {
  const { neo4j } = config;
  const queryTimeoutMs = neo4j.queryTimeoutMs;
  if (neo4j.externalUri) {
    if (!neo4j.password) throw new ConfigError(["NEO4J_PASSWORD: required when NEO4J_URI is set"]);
    log.info({ uri: neo4j.externalUri }, "using external Neo4j (NEO4J_URI)");
    // Someone else's server: nothing to restart; the driver reconnects when it is back.
    const driver = await connectNeo4j({ uri: neo4j.externalUri, user: neo4j.user, password: neo4j.password, waitMs: 30_000, queryTimeoutMs });
    return { uri: neo4j.externalUri, driver, embedded: undefined, unavailable: () => null, release: () => undefined, close: () => driver.close() };
  }

  const java = requireJava();
  await ensureNeo4jInstalled(java, log);
  const { password, generated } = ensureEmbeddedPassword(neo4j.password, envFile);
  if (generated) log.info({ envFile }, "generated a Neo4j password into the env file");
  const start = (): Promise<EmbeddedNeo4j> => startEmbeddedNeo4j({ settings: neo4j.embedded, password, javaCommand: java.command, javaMajor: java.major, log });
  const first = await start();
  // Unsupervised, stop() is the plain JVM's and nothing restarts it.
  const supervisor = options.supervise ? new Neo4jSupervisor(first, { start, log }) : undefined;
  const stopNeo4j = (): Promise<void> => (supervisor ? supervisor.stop() : first.stop());
  try {
    const driver = await connectNeo4j({ uri: first.uri, user: neo4j.user, password, queryTimeoutMs });
    return {
      uri: first.uri,
      driver,
      get embedded() {
        return supervisor?.neo4j ?? first;
      },
      unavailable: () => supervisor?.unavailable() ?? null,
      release: () => supervisor?.release(),
      async close() {
        supervisor?.release();
        await driver.close();
        await stopNeo4j();
      },
    };
  } catch (error) {
    await stopNeo4j();
    throw error;
  }
}
