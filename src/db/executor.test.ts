import { type Driver, type ManagedTransaction, Neo4jError, type Session } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { QueryTimeoutError, QueryTooCostlyError } from "../errors/client-errors.js";
import { cypher } from "./cypher-query.js";
import { DEADLINE_MARGIN_MS, Executor, withDeadline } from "./executor.js";

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/** A driver whose sessions do what `session` says; counts closes, which hang as a frozen server's would unless `answers`. */
function fakeDriver(session: Partial<Session>, answers = false): { driver: Driver; closes: () => number } {
  let closes = 0;
  const full = {
    ...session,
    close: () => {
      closes += 1;
      return answers ? Promise.resolve() : never<void>();
    },
  };
  return { driver: { session: () => full } as unknown as Driver, closes: () => closes };
}

describe("withDeadline", () => {
  it("settles as the work does when it is in time", async () => {
    await expect(withDeadline(Promise.resolve(7), 1000, () => new Error("late"))).resolves.toBe(7);
    await expect(withDeadline(Promise.reject(new Error("boom")), 1000, () => new Error("late"))).rejects.toThrow("boom");
  });

  it("rejects at the deadline, and a later failure of the work goes nowhere", async () => {
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error("too late to matter")), 60));
    const started = Date.now();
    await expect(withDeadline(late, 20, () => new Error("deadline"))).rejects.toThrow("deadline");
    expect(Date.now() - started).toBeLessThan(55);
    // An unhandled rejection here would fail the run.
    await new Promise((resolve) => setTimeout(resolve, 80));
  });
});

describe("Executor against a server that never answers", () => {
  it("fails with QUERY_TIMEOUT at timeout + margin and abandons the session without waiting for its close", async () => {
    const { driver, closes } = fakeDriver({ run: () => never() as never });
    const executor = new Executor(driver, { database: "neo4j", timeoutMs: 100 });
    const started = Date.now();
    await expect(executor.read(cypher("RETURN 1"))).rejects.toBeInstanceOf(QueryTimeoutError);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(100 + DEADLINE_MARGIN_MS - 5);
    expect(elapsed).toBeLessThan(100 + DEADLINE_MARGIN_MS + 300);
    expect(closes()).toBe(1);
  });

  it("does the same for managed transactions and for ping", async () => {
    const { driver, closes } = fakeDriver({ executeWrite: () => never() as never });
    const executor = new Executor({ ...driver, verifyConnectivity: never } as unknown as Driver, { database: "neo4j", timeoutMs: 50 });
    await expect(executor.write(cypher("CREATE ()"))).rejects.toMatchObject({ extensions: { code: "QUERY_TIMEOUT", timeoutMs: 50 } });
    expect(closes()).toBe(1);
    await expect(executor.ping()).rejects.toBeInstanceOf(QueryTimeoutError);
  });
});

describe("Executor's managed transactions", () => {
  it("do not retry a query that ran out of memory, although the driver would", async () => {
    let attempts = 0;
    const tx = {
      run: () => {
        attempts += 1;
        throw new Neo4jError(
          "The allocation of an extra 26.0 MiB would use more than the limit 128.0 MiB.",
          "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
          "50N42",
          "",
        );
      },
    } as unknown as ManagedTransaction;
    // The driver's own rule: retry while the error is a retryable Neo4jError.
    const executeRead = async <T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> => {
      for (;;) {
        try {
          return await work(tx);
        } catch (error) {
          if (!Neo4jError.isRetryable(error) || attempts >= 3) throw error;
        }
      }
    };
    const { driver, closes } = fakeDriver({ executeRead: executeRead as Session["executeRead"] }, true);
    const executor = new Executor(driver, { database: "neo4j", timeoutMs: 1000 });
    await expect(executor.readCapped(cypher("UNWIND range(1, 100000000) AS x RETURN collect(x)"), 10)).rejects.toBeInstanceOf(QueryTooCostlyError);
    expect(attempts).toBe(1);
    expect(closes()).toBe(1);
  });
});
