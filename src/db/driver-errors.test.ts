import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { QueryTimeoutError, QueryTooCostlyError, ServiceUnavailableError } from "../errors/client-errors.js";
import { CypherError } from "../errors/internal-errors.js";
import { mapDriverError, unretriable } from "./driver-errors.js";

const newError = (message: string, code: string): Neo4jError => new Neo4jError(message, code, "50N42", "general processing exception");
const LIMIT =
  "The allocation of an extra 26.0 MiB would use more than the limit 128.0 MiB. Currently using 121.5 MiB. db.memory.transaction.max threshold reached";

describe("mapDriverError", () => {
  it.each([
    // Both memory limits answer this code (seen from Neo4j 5.26 with db.memory.transaction.max and dbms.memory.transaction.total.max).
    ["Neo.TransientError.General.MemoryPoolOutOfMemoryError", LIMIT],
    ["Neo.TransientError.General.TransactionOutOfMemoryError", LIMIT],
    // A single allocation larger than the heap, failed in the query's own thread (the doubling-string bomb).
    ["Neo.TransientError.General.OutOfMemoryError", "Java heap space"],
    // Full-text search for a 120,000-character phrase, as Neo4j 5.26 reports it.
    [
      "Neo.ClientError.Procedure.ProcedureCallFailed",
      "Failed to invoke procedure `db.index.fulltext.queryNodes`: Caused by: java.lang.OutOfMemoryError: Java heap space",
    ],
  ])("makes %s the client's QUERY_TOO_COSTLY, never SERVICE_UNAVAILABLE", (code, message) => {
    const error = newError(message, code);
    // The driver itself would retry the transient ones: that is why the executor asks unretriable().
    expect(error.retriable).toBe(code.startsWith("Neo.TransientError."));
    const mapped = mapDriverError(error, 1000);
    expect(mapped).toBeInstanceOf(QueryTooCostlyError);
    expect(mapped).toMatchObject({ extensions: { code: "QUERY_TOO_COSTLY" }, cause: error });
    expect(unretriable(error)).toBeInstanceOf(QueryTooCostlyError);
  });

  it("keeps other transient errors and a dead server SERVICE_UNAVAILABLE, and retriable", () => {
    for (const code of [
      "ServiceUnavailable",
      "SessionExpired",
      "Neo.TransientError.General.DatabaseUnavailable",
      "Neo.TransientError.Transaction.DeadlockDetected",
    ]) {
      expect(mapDriverError(newError("x", code), 1000)).toBeInstanceOf(ServiceUnavailableError);
      expect(unretriable(newError("x", code))).toBeUndefined();
    }
  });

  it("names timeouts QUERY_TIMEOUT with the limit, and leaves the rest internal", () => {
    expect(mapDriverError(newError("x", "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"), 1500)).toMatchObject({
      extensions: { code: "QUERY_TIMEOUT", timeoutMs: 1500 },
    });
    expect(mapDriverError(newError("Connection acquisition timed out in 2000 ms.", "N/A"), 2000)).toBeInstanceOf(QueryTimeoutError);
    expect(mapDriverError(newError("Invalid input", "Neo.ClientError.Statement.SyntaxError"), 1000)).toBeInstanceOf(CypherError);
    expect(
      mapDriverError(
        newError("Failed to invoke procedure `db.labels`: Caused by: java.lang.IllegalStateException", "Neo.ClientError.Procedure.ProcedureCallFailed"),
        1000,
      ),
    ).toBeInstanceOf(CypherError);
    expect(mapDriverError(new Error("boom"), 1000)).toBeInstanceOf(CypherError);
    expect(unretriable(new Error("boom"))).toBeUndefined();
  });
});
