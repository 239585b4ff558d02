import neo4j, {
  type Driver,
  type ManagedTransaction,
  type ProfiledPlan,
  type QueryResult,
  type Record as Neo4jRecord,
  type RecordShape,
  type ResultSummary,
  type Session,
} from "neo4j-driver";
import type { Logger } from "../log/logger.js";
import type { CypherQuery } from "./cypher-query.js";
import { BUMP_GRAPH_VERSION } from "./graph-version.js";
import { mapDriverError, unretriable } from "./driver-errors.js";
import { ClientError, QueryTimeoutError } from "../errors/client-errors.js";

export type AccessMode = "READ" | "WRITE";

export interface ExecutorOptions {
  database: string;
  /** Server-side limit for every transaction this executor opens. */
  timeoutMs: number;
  log?: Logger;
}

/** One statement of a streamed read and what to do with each of its records. */
export interface StreamStep {
  query: CypherQuery;
  each: (row: RecordShape) => Promise<void> | void;
}

/** Observes every statement sent; tests count round trips with it. */
export type QueryListener = (query: CypherQuery, mode: AccessMode) => void;

/** Added to a statement's timeout for the client's own deadline: a live Neo4j stops the statement first and says why. */
export const DEADLINE_MARGIN_MS = 500;

/**
 * Settles as `work` does, or rejects with `expired()` once `ms` have passed, whatever `work` is
 * still waiting for (a frozen or unreachable server). `work` goes on; what it settles to later is dropped.
 */
export function withDeadline<R>(work: Promise<R>, ms: number, expired: () => Error): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(expired()), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The one owner of database IO: opens sessions, picks read or write routing, applies the
 * timeout, closes in `finally`, and maps driver errors. Nothing else touches a session.
 * Every call also has a client-side deadline (its timeout plus DEADLINE_MARGIN_MS): when Neo4j
 * cannot answer at all it fails with QUERY_TIMEOUT then, and its session is abandoned (closed
 * in the background, which ends once the connection answers or is dropped).
 */
export class Executor {
  private readonly listeners = new Set<QueryListener>();
  /** Write transactions (attempts) whose statements changed the graph: they advance the graph version before committing. */
  private readonly updatedIn = new WeakSet<ManagedTransaction>();

  constructor(
    readonly driver: Driver,
    private readonly options: ExecutorOptions,
  ) {}

  get timeoutMs(): number {
    return this.options.timeoutMs;
  }

  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Proves the server answers for our database, without the retries transactions get. */
  async ping(): Promise<void> {
    const timeoutMs = this.options.timeoutMs;
    try {
      await withDeadline(this.driver.verifyConnectivity({ database: this.options.database }), timeoutMs, () => new QueryTimeoutError(timeoutMs));
    } catch (error) {
      if (error instanceof ClientError) throw error;
      throw mapDriverError(error, timeoutMs);
    }
  }

  /** Neo4j's own EXPLAIN of a statement: its query type (r, rw, w, s) and plan. Nothing runs. */
  explain(query: CypherQuery): Promise<{ queryType: string | undefined; plan: ResultSummary["plan"] }> {
    this.notify(query, "READ");
    const timeout = this.options.timeoutMs;
    return this.withSession("READ", timeout, async (session) => {
      const summary = await session.run(`EXPLAIN ${query.cypher}`, query.params, { timeout }).summary();
      return { queryType: summary.queryType as string | undefined, plan: summary.plan };
    });
  }

  /** Neo4j's PROFILE of a read statement, which runs it: total db hits, rows returned, operators used. */
  profile(query: CypherQuery): Promise<{ dbHits: number; rows: number; operators: string[] }> {
    this.notify(query, "READ");
    const timeout = this.options.timeoutMs;
    return this.withSession("READ", timeout, async (session) => {
      const { profile } = await session.run(`PROFILE ${query.cypher}`, query.params, { timeout }).summary();
      const steps = (p: ProfiledPlan): ProfiledPlan[] => [p, ...p.children.flatMap(steps)];
      const all = profile ? steps(profile) : [];
      return { dbHits: all.reduce((sum, p) => sum + p.dbHits, 0), rows: profile ? profile.rows : 0, operators: all.map((p) => p.operatorType) };
    });
  }

  /**
   * Runs a statement in a READ transaction and keeps at most `cap` records: reading stops at
   * `cap + 1`, so a huge result costs no more than its first page. Records stay driver records
   * so callers can convert graph values themselves.
   */
  readCapped(query: CypherQuery, cap: number, timeoutMs?: number): Promise<{ keys: string[]; records: Neo4jRecord[]; truncated: boolean }> {
    return this.transaction(
      "READ",
      async (tx) => {
        this.notify(query, "READ");
        const result = tx.run(query.cypher, query.params);
        const records: Neo4jRecord[] = [];
        let truncated = false;
        for await (const record of result) {
          if (records.length === cap) {
            truncated = true;
            break;
          }
          records.push(record);
        }
        const keys = records[0]?.keys.map(String) ?? (await result.keys()).map(String);
        return { keys, records, truncated };
      },
      timeoutMs,
    );
  }

  /**
   * Streams each statement's records to its `each`, all in one READ transaction, pulling more
   * only as `each` finishes (the driver fetches in batches): memory stays flat however large the
   * result. Returns how many records each statement gave.
   */
  stream(steps: StreamStep[], timeoutMs?: number): Promise<number[]> {
    return this.transaction(
      "READ",
      async (tx) => {
        const counts: number[] = [];
        for (const { query, each } of steps) {
          this.notify(query, "READ");
          let count = 0;
          for await (const record of tx.run(query.cypher, query.params)) {
            await each(record.toObject());
            count += 1;
          }
          counts.push(count);
        }
        return counts;
      },
      timeoutMs,
    );
  }

  /**
   * Runs one read statement and returns its records as plain objects. Auto-commit: one round trip,
   * where a managed transaction adds a second for COMMIT; what it gives up is the driver's retry.
   */
  async read<T extends RecordShape = RecordShape>(query: CypherQuery, timeoutMs?: number): Promise<T[]> {
    const result = await this.implicit<T>(query, "READ", timeoutMs ?? this.options.timeoutMs);
    return result.records.map((record) => record.toObject());
  }

  /** Runs one statement in a WRITE transaction. */
  write<T extends RecordShape = RecordShape>(query: CypherQuery, timeoutMs?: number): Promise<T[]> {
    return this.transaction("WRITE", (tx) => this.run<T>(tx, query, "WRITE"), timeoutMs);
  }

  /** Runs several statements in one WRITE transaction: all of them commit, or none. */
  writeAll(queries: CypherQuery[], timeoutMs?: number): Promise<void> {
    return this.transaction(
      "WRITE",
      async (tx) => {
        for (const query of queries) await this.run(tx, query, "WRITE");
      },
      timeoutMs,
    );
  }

  /**
   * Runs several dependent statements in one WRITE transaction: `steps` gets a runner for each
   * statement and may read results between them; a thrown error rolls everything back.
   */
  writeSteps<R>(steps: (run: <T extends RecordShape = RecordShape>(query: CypherQuery) => Promise<T[]>) => Promise<R>, timeoutMs?: number): Promise<R> {
    return this.transaction("WRITE", (tx) => steps((query) => this.run(tx, query, "WRITE")), timeoutMs);
  }

  /**
   * Runs a statement outside an explicit transaction; schema commands and CALL … IN TRANSACTIONS need this.
   * A change advances the graph version afterwards, in a transaction of its own.
   */
  async autoCommit(query: CypherQuery, timeoutMs = this.options.timeoutMs): Promise<void> {
    const result = await this.implicit(query, "WRITE", timeoutMs);
    if (result.summary.counters.containsUpdates()) await this.transaction("WRITE", async (tx) => void (await tx.run(BUMP_GRAPH_VERSION.cypher)));
  }

  private implicit<T extends RecordShape>(query: CypherQuery, mode: AccessMode, timeoutMs: number): Promise<QueryResult<T>> {
    this.notify(query, mode);
    return this.withSession(mode, timeoutMs, (session) => session.run<T>(query.cypher, query.params, { timeout: timeoutMs }));
  }

  private transaction<R>(mode: AccessMode, work: (tx: ManagedTransaction) => Promise<R>, timeoutMs?: number): Promise<R> {
    const timeout = timeoutMs ?? this.options.timeoutMs;
    // The driver retries every error Neo4j calls transient; one that retrying cannot fix leaves the retry loop as our error.
    const once = async (tx: ManagedTransaction): Promise<R> => {
      try {
        const result = await work(tx);
        // Last, so every writer takes the version's lock after its others: no lock-order cycle.
        if (this.updatedIn.has(tx)) await tx.run(BUMP_GRAPH_VERSION.cypher);
        return result;
      } catch (error) {
        throw unretriable(error) ?? error;
      }
    };
    return this.withSession(mode, timeout, (session) => (mode === "READ" ? session.executeRead(once, { timeout }) : session.executeWrite(once, { timeout })));
  }

  /** Opens a session, runs `work` in it against the deadline, maps errors, and closes it (or abandons it past the deadline). */
  private async withSession<R>(mode: AccessMode, timeoutMs: number, work: (session: Session) => Promise<R>): Promise<R> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    let expired = false;
    try {
      return await withDeadline(work(session), timeoutMs + DEADLINE_MARGIN_MS, () => {
        expired = true;
        return new QueryTimeoutError(timeoutMs);
      });
    } catch (error) {
      // Our deadline, and errors the steps threw on purpose (bad input found mid-transaction), pass through; driver errors are mapped.
      if (error instanceof ClientError) throw error;
      this.options.log?.debug({ err: error }, "cypher failed");
      throw mapDriverError(error, timeoutMs);
    } finally {
      if (expired) this.abandon(session);
      else await session.close();
    }
  }

  /** Closes a session whose server did not answer in time without waiting: the close ends once the connection answers or is dropped. */
  private abandon(session: Session): void {
    this.options.log?.warn({ database: this.options.database }, "Neo4j did not answer within the deadline; session abandoned");
    session.close().catch((error: unknown) => this.options.log?.debug({ err: error }, "closing an abandoned session failed"));
  }

  private async run<T extends RecordShape>(tx: ManagedTransaction, query: CypherQuery, mode: AccessMode): Promise<T[]> {
    this.notify(query, mode);
    const result = await tx.run<T>(query.cypher, query.params);
    if (mode === "WRITE" && result.summary.counters.containsUpdates()) this.updatedIn.add(tx);
    return result.records.map((record) => record.toObject());
  }

  private notify(query: CypherQuery, mode: AccessMode): void {
    for (const listener of this.listeners) listener(query, mode);
  }
}
