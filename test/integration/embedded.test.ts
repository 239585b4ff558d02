import net from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Neo4jStartError } from "../../src/errors/internal-errors.js";
import { createLogger } from "../../src/log/logger.js";
import { startEmbeddedNeo4j } from "../../src/neo4j/embedded.js";
import { freePort } from "../../src/neo4j/free-port.js";
import { requireJava } from "../../src/neo4j/java.js";

const java = requireJava();
const work = mkdtempSync(path.join(tmpdir(), "kg-embedded-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const settings = async (overrides: Record<string, unknown> = {}) => ({
  boltHost: "127.0.0.1",
  boltPort: await freePort(),
  homeDir: mkdtempSync(path.join(work, "home-")),
  heap: "256m",
  pageCache: "32m",
  txTimeout: "30s",
  startTimeoutMs: 60_000,
  ...overrides,
});
const start = async (overrides: Record<string, unknown> = {}) =>
  startEmbeddedNeo4j({
    settings: await settings(overrides),
    password: "a-password",
    javaCommand: java.command,
    javaMajor: java.major,
    log: createLogger("silent"),
  });

describe("when Neo4j cannot start", () => {
  it("says the Bolt port is taken, at once, and starts nothing", async () => {
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => blocker.once("listening", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const started = Date.now();
    try {
      await expect(start({ boltPort: port })).rejects.toThrow(new RegExp(`Port 127\\.0\\.0\\.1:${port} is already in use.*NEO4J_BOLT_PORT.*NEO4J_URI`));
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      blocker.close();
    }
  });

  it("reports a setting Neo4j refuses with its own words instead of hanging", async () => {
    const failure = start({ pageCache: "lots" });
    await expect(failure).rejects.toBeInstanceOf(Neo4jStartError);
    await expect(failure).rejects.toThrow(/exited during start-up[\s\S]*pagecache/i);
  });
});
