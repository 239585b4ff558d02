import { Neo4jError } from "neo4j-driver";
import { type ClientError, QueryTimeoutError, QueryTooCostlyError, ServiceUnavailableError } from "../errors/client-errors.js";
import { CypherError, type InternalError } from "../errors/internal-errors.js";

const UNAVAILABLE = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.ClientError.Security.Unauthorized",
  "Neo.ClientError.Security.AuthenticationRateLimit",
  "Neo.TransientError.General.DatabaseUnavailable",
  "Neo.ClientError.Database.DatabaseNotFound",
]);
const TIMEOUT = /TransactionTimedOut|Transaction\.TransactionTimedOutClientConfiguration|LockClient\.Stopped/;
/**
 * Memory limits Neo4j enforces (db.memory.transaction.max and dbms.memory.transaction.total.max both
 * answer MemoryPoolOutOfMemoryError) and a heap allocation that failed inside the query's own thread
 * (General.OutOfMemoryError). Neo4j calls them transient; the same query would need the same memory.
 */
const TOO_COSTLY = new Set([
  "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
  "Neo.TransientError.General.TransactionOutOfMemoryError",
  "Neo.TransientError.General.OutOfMemoryError",
]);

/**
 * The single place driver errors become ours: transient and timeout failures become client
 * errors with a code; anything else is our bug and stays internal (masked for clients).
 */
export function mapDriverError(error: unknown, timeoutMs: number): ServiceUnavailableError | QueryTimeoutError | QueryTooCostlyError | InternalError {
  if (!(error instanceof Neo4jError)) {
    return new CypherError(error instanceof Error ? error.message : String(error), undefined, { cause: error });
  }
  const costly = tooCostly(error);
  if (costly) return costly;
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

/**
 * The client error for a driver error that the managed-transaction retry must not retry although
 * the driver thinks it may (it retries every transient error); undefined for all others.
 */
export function unretriable(error: unknown): ClientError | undefined {
  return error instanceof Neo4jError ? tooCostly(error) : undefined;
}

function tooCostly(error: Neo4jError): QueryTooCostlyError | undefined {
  // A procedure (full-text search for a huge phrase) whose allocation failed inside the query's thread.
  const procedure = error.code === "Neo.ClientError.Procedure.ProcedureCallFailed" && error.message.includes("java.lang.OutOfMemoryError");
  if (!TOO_COSTLY.has(error.code) && !procedure) return undefined;
  const mapped = new QueryTooCostlyError();
  mapped.cause = error;
  return mapped;
}
