import type { Driver } from "neo4j-driver";
import type { Config } from "../config/config.js";
import { connectNeo4j } from "../db/connect.js";
import { ConfigError } from "../errors/index.js";
import type { Logger } from "../log/logger.js";
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from "./embedded.js";
import { ensureNeo4jInstalled } from "./install.js";
import { requireJava } from "./java.js";
import { ensureEmbeddedPassword } from "./password.js";

export interface Neo4jRuntime {
  uri: string;
  driver: Driver;
  /** Present when this process started Neo4j itself. */
  embedded: EmbeddedNeo4j | undefined;
  close(): Promise<void>;
}

/** Connects to NEO4J_URI when set; otherwise checks Java, fetches the jars once and starts Neo4j here. */
export async function openNeo4j(config: Config, log: Logger, envFile: string): Promise<Neo4jRuntime> {
  const { neo4j } = config;
  if (neo4j.externalUri) {
    if (!neo4j.password) throw new ConfigError(["NEO4J_PASSWORD: required when NEO4J_URI is set"]);
    log.info({ uri: neo4j.externalUri }, "using external Neo4j (NEO4J_URI)");
    const driver = await connectNeo4j({ uri: neo4j.externalUri, user: neo4j.user, password: neo4j.password, waitMs: 30_000 });
    return { uri: neo4j.externalUri, driver, embedded: undefined, close: () => driver.close() };
  }

  const java = requireJava();
  await ensureNeo4jInstalled(java, log);
  const { password, generated } = ensureEmbeddedPassword(neo4j.password, envFile);
  if (generated) log.info({ envFile }, "generated a Neo4j password into the env file");
  const embedded = await startEmbeddedNeo4j({ settings: neo4j.embedded, password, javaCommand: java.command,
      javaMajor: java.major, log });
  try {
    const driver = await connectNeo4j({ uri: embedded.uri, user: neo4j.user, password });
    return {
      uri: embedded.uri,
      driver,
      embedded,
      async close() {
        await driver.close();
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
