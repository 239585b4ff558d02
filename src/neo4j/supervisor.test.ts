import { describe, expect, it } from "vitest";
import { createLogger } from "../log/logger.js";
import type { EmbeddedNeo4j, Neo4jExit } from "./embedded.js";
import { describeExit, Neo4jSupervisor, restartDelayMs } from "./supervisor.js";

/** A JVM stand-in: `crash` ends it as kill -9 would, `stop` as shutdown does. */
function fakeNeo4j(pid: number): EmbeddedNeo4j & { crash(exit?: Neo4jExit): void; stopped: boolean } {
  let end: (exit: Neo4jExit) => void = () => undefined;
  const exit = new Promise<Neo4jExit>((resolve) => (end = resolve));
  const fake = {
    uri: "bolt://127.0.0.1:7687",
    pid,
    exit,
    exited: exit.then(({ code }) => code),
    stopped: false,
    crash: (e: Neo4jExit = { code: null, signal: "SIGKILL" }) => end(e),
    async stop() {
      fake.stopped = true;
      end({ code: 143, signal: null });
    },
  };
  return fake;
}

const tick = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const log = createLogger("silent");

describe("restartDelayMs", () => {
  it("restarts at once, then doubles from 1 s and stops growing at 30 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 10].map((n) => restartDelayMs(n))).toEqual([0, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(restartDelayMs(4, 100, 500)).toBe(500);
  });

  it("describes an exit by its signal, else its code", () => {
    expect(describeExit({ code: null, signal: "SIGKILL" })).toBe("signal SIGKILL");
    expect(describeExit({ code: 3, signal: null })).toBe("exit code 3");
  });
});

describe("Neo4jSupervisor", () => {
  it("restarts a JVM that exits unexpectedly, saying it is unavailable meanwhile", async () => {
    const first = fakeNeo4j(1);
    const second = fakeNeo4j(2);
    const delays: number[] = [];
    let release: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (release = resolve));
    const supervisor = new Neo4jSupervisor(first, {
      log,
      delayMs: (attempt) => {
        delays.push(attempt);
        return 1;
      },
      start: async () => {
        await started;
        return second;
      },
    });
    expect(supervisor.unavailable()).toBeNull();
    first.crash();
    await tick();
    expect(supervisor.unavailable()).toMatch(/exited \(signal SIGKILL\).*restarted/);
    release();
    await tick();
    expect(supervisor.unavailable()).toBeNull();
    expect(supervisor.neo4j.pid).toBe(2);
    expect(delays).toEqual([0]);
    await supervisor.stop();
    expect(second.stopped).toBe(true);
  });

  it("keeps trying with a growing pause while starts fail, and goes on growing after a quick crash", async () => {
    const delays: number[] = [];
    const first = fakeNeo4j(1);
    const fourth = fakeNeo4j(4);
    const jvms = [fourth, fakeNeo4j(5)];
    let starts = 0;
    const supervisor = new Neo4jSupervisor(first, {
      log,
      delayMs: (attempt) => {
        delays.push(restartDelayMs(attempt));
        return 1;
      },
      start: async () => {
        starts += 1;
        if (starts < 3) throw new Error("port still taken");
        return jvms.shift() ?? fakeNeo4j(9);
      },
    });
    first.crash({ code: 3, signal: null });
    await tick(50);
    expect(starts).toBe(3);
    expect(delays).toEqual([0, 1000, 2000]);
    expect(supervisor.neo4j.pid).toBe(4);
    expect(supervisor.unavailable()).toBeNull();
    // It ran less than stableMs (60 s) before dying again: no fresh start of the backoff.
    fourth.crash();
    await tick(50);
    expect(delays).toEqual([0, 1000, 2000, 4000]);
    expect(supervisor.neo4j.pid).toBe(5);
    await supervisor.stop();
  });

  it("starts the backoff again after a JVM that ran long enough", async () => {
    const delays: number[] = [];
    const [first, second, third] = [fakeNeo4j(1), fakeNeo4j(2), fakeNeo4j(3)];
    const next = [second, third];
    const supervisor = new Neo4jSupervisor(first, {
      log,
      stableMs: 0,
      delayMs: (attempt) => {
        delays.push(attempt);
        return 1;
      },
      start: async () => next.shift() ?? fakeNeo4j(9),
    });
    first.crash();
    await tick(20);
    second.crash();
    await tick(20);
    expect(delays).toEqual([0, 0]);
    expect(supervisor.neo4j.pid).toBe(3);
    await supervisor.stop();
  });

  it("does not restart after shutdown began, even when the JVM leaves first", async () => {
    const first = fakeNeo4j(1);
    let starts = 0;
    const start = async (): Promise<EmbeddedNeo4j> => {
      starts += 1;
      return fakeNeo4j(2);
    };
    const supervisor = new Neo4jSupervisor(first, { log, delayMs: () => 1, start });
    supervisor.release();
    first.crash({ code: 130, signal: null });
    await tick(20);
    expect(starts).toBe(0);
    expect(supervisor.unavailable()).toBeNull();
    await supervisor.stop();
  });

  it("stops a JVM whose start was under way when shutdown began", async () => {
    const first = fakeNeo4j(1);
    const late = fakeNeo4j(2);
    let finish: () => void = () => undefined;
    const supervisor = new Neo4jSupervisor(first, {
      log,
      delayMs: () => 1,
      start: () => new Promise((resolve) => (finish = () => resolve(late))),
    });
    first.crash();
    await tick(20);
    const stopping = supervisor.stop();
    finish();
    await stopping;
    expect(late.stopped).toBe(true);
  });

  it("cuts a pause short on shutdown", async () => {
    const first = fakeNeo4j(1);
    let starts = 0;
    const start = async (): Promise<EmbeddedNeo4j> => {
      starts += 1;
      return fakeNeo4j(2);
    };
    const supervisor = new Neo4jSupervisor(first, { log, delayMs: () => 60_000, start });
    first.crash();
    await tick();
    const began = Date.now();
    await supervisor.stop();
    expect(Date.now() - began).toBeLessThan(1000);
    expect(starts).toBe(0);
  });
});
