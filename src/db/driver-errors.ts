import { Neo4jError } from "neo4j-driver";
import { QueryTimeoutError, ServiceUnavailableError } from "../errors/client-errors.js";
import { CypherError, type InternalError } from "../errors/internal-errors.js";

const UNAVAILABLE = new Set(["ServiceUnavailable", "SessionExpired", "Neo.ClientError.Security.Unauthorized", "Neo.ClientError.Security.AuthenticationRateLimit", "Neo.TransientError.General.DatabaseUnavailable", "Neo.ClientError.Database.DatabaseNotFound"]);
const TIMEOUT = /TransactionTimedOut|Transaction\.TransactionTimedOutClientConfiguration|LockClient\.Stopped/;

/**
 * The single place driver errors become ours: transient and timeout failures become client
 * errors with a code; anything else is our bug and stays internal (masked for clients).
 */
export function mapDriverError(error: unknown, timeoutMs: number): ServiceUnavailableError | QueryTimeoutError | InternalError {
  if (!(error instanceof Neo4jError)) {
    return new CypherError(error instanceof Error ? error.message : String(error), undefined, { cause: error });
  }
  const code = error.code;
  if (UNAVAILABLE.has(code) || code.startsWith("Neo.TransientError.")) {
    const mapped = new ServiceUnavailableError();
    mapped.cause = error;
    return mapped;
  }
  if (TIMEOUT.test(code) || /terminated|timed out/i.test(error.message)) {
    const mapped = new QueryTimeoutError(timeoutMs);
    mapped.cause = error;
    return mapped;
  }
  return new CypherError(`${code}: ${error.message}`, code, { cause: error });
}
