import type { Logger } from "../log/logger.js";
import type { EmbeddedNeo4j, Neo4jExit } from "./embedded.js";

/** Waits before restart attempt `attempt` (0 for the first): at once, then 1 s, 2 s, 4 s … at most `capMs`. */
export function restartDelayMs(attempt: number, firstMs = 1_000, capMs = 30_000): number {
  return attempt <= 0 ? 0 : Math.min(capMs, firstMs * 2 ** (attempt - 1));
}

export function describeExit({ code, signal }: Neo4jExit): string {
  return signal ? `signal ${signal}` : `exit code ${code ?? "unknown"}`;
}

export interface SupervisorOptions {
  /** Starts a fresh JVM on the same port and store (the driver reconnects to it by itself). */
  start: () => Promise<EmbeddedNeo4j>;
  log: Logger;
  delayMs?: (attempt: number) => number;
  /** A JVM that ran this long before exiting starts the backoff again from its first step. */
  stableMs?: number;
}

/**
 * Keeps the embedded Neo4j running: when its JVM exits without being asked to, logs why, says
 * so to /readyz, and starts it again after a growing pause until one start succeeds. Exits after
 * `stop()` (or `release()`) are shutdown, not crashes.
 */
export class Neo4jSupervisor {
  private current: EmbeddedNeo4j;
  private down: string | null = null;
  private stopping = false;
  private attempt = 0;
  private restarting: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly delayMs: (attempt: number) => number;
  private readonly stableMs: number;

  constructor(
    first: EmbeddedNeo4j,
    private readonly options: SupervisorOptions,
  ) {
    this.delayMs = options.delayMs ?? ((attempt) => restartDelayMs(attempt));
    this.stableMs = options.stableMs ?? 60_000;
    this.current = first;
    this.watch(first);
  }

  /** The JVM running now (or the one that just exited, while restarting). */
  get neo4j(): EmbeddedNeo4j {
    return this.current;
  }

  /** Why Neo4j cannot be used now, or null when it runs. */
  unavailable(): string | null {
    return this.down;
  }

  /** From now on an exit is expected: called first on shutdown, before anything is stopped. */
  release(): void {
    this.stopping = true;
    this.wake?.();
  }

  /** Stops supervising and the JVM; a start under way is finished and then stopped. */
  async stop(): Promise<void> {
    this.release();
    await this.restarting;
    await this.current.stop();
  }

  private watch(neo4j: EmbeddedNeo4j): void {
    const startedAt = Date.now();
    void neo4j.exit.then((exit) => {
      if (this.stopping) return;
      if (Date.now() - startedAt >= this.stableMs) this.attempt = 0;
      this.down = `Neo4j exited (${describeExit(exit)}) and is being restarted`;
      this.options.log.error({ component: "neo4j", pid: neo4j.pid, code: exit.code, signal: exit.signal }, "embedded Neo4j exited unexpectedly; restarting it");
      this.restarting = this.restart(Date.now());
    });
  }

  private async restart(since: number): Promise<void> {
    while (!this.stopping) {
      const attempt = this.attempt++;
      await this.pause(this.delayMs(attempt));
      if (this.stopping) return;
      try {
        const next = await this.options.start();
        this.current = next;
        if (this.stopping) return;
        this.down = null;
        this.options.log.info({ component: "neo4j", pid: next.pid, attempt: attempt + 1, downMs: Date.now() - since }, "embedded Neo4j restarted");
        this.watch(next);
        return;
      } catch (error) {
        this.options.log.error({ component: "neo4j", err: error, attempt: attempt + 1 }, "restarting the embedded Neo4j failed; trying again");
      }
    }
  }

  /** Sleeps, or less when shutdown begins. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
