import neo4j, { type Driver, Neo4jError } from "neo4j-driver";
import { Neo4jAuthError, Neo4jStartError } from "../errors/index.js";

export interface ConnectOptions {
  uri: string;
  user: string;
  password: string;
  /** How long to keep retrying while the server is not reachable yet (a container still starting). */
  waitMs?: number;
  /** QUERY_TIMEOUT_MS: getting a connection must fit in it, so a frozen server fails a request within it. */
  queryTimeoutMs?: number;
}

const DEFAULT_QUERY_TIMEOUT_MS = 10_000;

const AUTH_CODES = new Set(["Neo.ClientError.Security.Unauthorized", "Neo.ClientError.Security.AuthenticationRateLimit"]);

export function createDriver(options: ConnectOptions): Driver {
  const budget = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  return neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    disableLosslessIntegers: true,
    // Long enough to ride out a deadlock retry, short enough that a dead server fails a request fast.
    maxTransactionRetryTime: 2_000,
    // The executor's own deadline is the query timeout plus a margin: the driver gives up waiting first and frees the slot itself.
    connectionAcquisitionTimeout: budget,
    connectionTimeout: Math.min(5_000, budget),
    userAgent: "qingdao-work-report-kg/0.1",
  });
}

/** Opens a driver and proves the credentials; a wrong password or dead server gives one clear line. */
export async function connectNeo4j(options: ConnectOptions): Promise<Driver> {
  const driver = createDriver(options);
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (;;) {
    const refused = (code: string): Neo4jAuthError =>
      new Neo4jAuthError(
        `Neo4j at ${options.uri} refused the password of user '${options.user}' (${code}): set NEO4J_PASSWORD to that server's password (the embedded server keeps its password in .env).`,
      );
    try {
      // Resolves false (rather than throwing) when the server rejects the credentials.
      if (await driver.verifyAuthentication()) return driver;
      await driver.close();
      throw refused("Neo.ClientError.Security.Unauthorized");
    } catch (error) {
      if (error instanceof Neo4jAuthError) throw error;
      const code = error instanceof Neo4jError ? error.code : "";
      if (AUTH_CODES.has(code)) {
        await driver.close();
        throw refused(code);
      }
      if (Date.now() >= deadline) {
        await driver.close();
        const reason = error instanceof Error ? error.message : String(error);
        throw new Neo4jStartError(`Cannot reach Neo4j at ${options.uri}: ${reason}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
