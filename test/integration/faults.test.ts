import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDriver } from "../../src/db/connect.js";
import { createLogger } from "../../src/log/logger.js";
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from "../../src/neo4j/embedded.js";
import { freePort } from "../../src/neo4j/free-port.js";
import { ensureNeo4jInstalled } from "../../src/neo4j/install.js";
import { requireJava } from "../../src/neo4j/java.js";
import { postGraphQL } from "../helpers/http.js";
import { isAlive, logLines, neo4jPid, PROJECT_ROOT, type ServiceProcess, startService, waitForReady } from "../helpers/service-process.js";

/**
 * The service left running through what a Neo4j can do to it: memory bombs, a frozen JVM, kill -9
 * in the middle of a write, and (with NEO4J_URI) a server that goes away and comes back. Each part
 * runs its own `npm start` and Neo4j, one at a time.
 */

const work = mkdtempSync(path.join(tmpdir(), "kg-faults-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const QUERY_TIMEOUT_MS = 2000;
const TOKEN = "fault-test-curator-token";
const AUTH = { authorization: `Bearer ${TOKEN}` };
const INGEST = `mutation($text: String!, $metadata: DocumentMetadataInput!) {
  ingestDocument(text: $text, metadata: $metadata) { documentId status passages }
}`;
const corpusText = (file: string): string => readFileSync(path.join(PROJECT_ROOT, "data", "corpus", file), "utf8");

async function timed<T>(task: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await task();
  return { value, ms: Date.now() - started };
}

async function readyz(base: string): Promise<{ status: number; body: { status: string; reason?: string } }> {
  const response = await fetch(`${base}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; reason?: string } };
}

async function postCypher(
  base: string,
  query: string,
  params: Record<string, unknown> = {},
): Promise<{ status: number; body: { rows?: unknown[][]; error?: { code: string; message: string } } }> {
  const response = await fetch(`${base}/cypher`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, params }) });
  return { status: response.status, body: (await response.json()) as never };
}

const errorCode = (body: { errors?: Array<{ extensions?: Record<string, unknown> }> }): unknown => body.errors?.[0]?.extensions?.code;

/** Polls `check` until it holds; on time-out the error carries the service's last log lines (what was slow). */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, service?: ServiceProcess): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const tail = service ? `; the service's last lines:\n${service.output().split("\n").slice(-15).join("\n")}` : "";
  throw new Error(`${what}: not within ${timeoutMs} ms${tail}`);
}

/** A document as stored: its text and, for each passage, whether its offsets cut exactly its text out of the document. */
async function storedDocument(base: string, id: string): Promise<{ text: string; passages: number; offsetsMatch: boolean } | undefined> {
  const { status, body } = await postCypher(
    base,
    `MATCH (d:Document {id: $id}) OPTIONAL MATCH (d)-[:HAS_ARTICLE]->(:Article)-[:HAS_PASSAGE]->(p:Passage)
     RETURN d.text AS text, count(p) AS passages, all(x IN collect(substring(d.text, p.start, p.end - p.start) = p.text) WHERE x) AS offsetsMatch`,
    { id },
  );
  expect(status).toBe(200);
  const row = body.rows?.[0];
  return row ? { text: row[0] as string, passages: row[1] as number, offsetsMatch: row[2] as boolean } : undefined;
}

describe("the embedded Neo4j, supervised", () => {
  let service: ServiceProcess;
  let base: string;
  let boltUri: string;
  let envFile: string;

  beforeAll(async () => {
    const env = {
      PORT: String(await freePort()),
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_DATA_DIR: path.join(work, "embedded"),
      ENV_FILE: path.join(work, "embedded.env"),
      NEO4J_PASSWORD: "",
      NEO4J_URI: "",
      NEO4J_HEAP: "512m",
      LOAD_CORPUS: "false",
      QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
      CURATOR_TOKEN: TOKEN,
    };
    base = `http://127.0.0.1:${env.PORT}`;
    boltUri = `bolt://127.0.0.1:${env.NEO4J_BOLT_PORT}`;
    envFile = env.ENV_FILE;
    service = startService(env);
    await waitForReady(`${base}/readyz`, service, 150_000);
  }, 180_000);

  afterAll(async () => {
    if (service.child.exitCode === null && service.child.signalCode === null) {
      service.interrupt();
      await service.exited;
    }
  });

  it("refuses memory bombs as the client's fault (400 QUERY_TOO_COSTLY), and Neo4j lives on", async () => {
    const pid = neo4jPid(service);
    // 2^29 characters in one string: not tracked by Neo4j's memory pools, failed in the query's own thread.
    const stringBomb = await postCypher(base, "RETURN size(reduce(s = 'a', x IN range(1, 29) | s + s)) AS n");
    expect(stringBomb).toMatchObject({ status: 400, body: { error: { code: "QUERY_TOO_COSTLY" } } });
    // Tracked: db.memory.transaction.max stops it; retrying it would not help, so it is answered at once.
    const { value: collectBomb, ms } = await timed(() => postCypher(base, "UNWIND range(1, 100000000) AS x RETURN collect(x) AS c"));
    expect(collectBomb).toMatchObject({ status: 400, body: { error: { code: "QUERY_TOO_COSTLY" } } });
    expect(ms).toBeLessThan(10_000);
    // A 120,000-character name: refused somewhere on the way (a length cap, or Neo4j's memory), as the client's error.
    const { body } = await postGraphQL(base, "query($name: String!) { entity(name: $name) { id } }", { name: "市".repeat(120_000) });
    expect(["BAD_USER_INPUT", "QUERY_TOO_COSTLY"]).toContain(errorCode(body));

    expect(neo4jPid(service)).toBe(pid);
    expect(isAlive(pid)).toBe(true);
    expect((await postCypher(base, "CALL dbms.components() YIELD edition RETURN edition")).body.rows).toEqual([["community"]]);
    expect((await readyz(base)).status).toBe(200);
  }, 90_000);

  it("while Neo4j is frozen fails requests with QUERY_TIMEOUT at about QUERY_TIMEOUT_MS and /readyz with 503 within 2 s, then recovers", async () => {
    const pid = neo4jPid(service);
    process.kill(pid, "SIGSTOP");
    const frozenAt = Date.now();
    try {
      for (let round = 0; round < 2; round++) {
        const graphql = await timed(() => postGraphQL(base, "{ serviceInfo { neo4jVersion } }"));
        expect(errorCode(graphql.value.body)).toBe("QUERY_TIMEOUT");
        expect(graphql.ms).toBeGreaterThanOrEqual(QUERY_TIMEOUT_MS - 100);
        expect(graphql.ms).toBeLessThan(QUERY_TIMEOUT_MS + 1500);
        const cypher = await timed(() => postCypher(base, "RETURN 1 AS one"));
        expect(cypher.value).toMatchObject({ status: 408, body: { error: { code: "QUERY_TIMEOUT" } } });
        expect(cypher.ms).toBeLessThan(QUERY_TIMEOUT_MS + 1500);
        const probe = await timed(() => readyz(base));
        expect(probe.value.status).toBe(503);
        expect(probe.ms).toBeLessThan(2000);
        console.info(`[faults] frozen: GraphQL QUERY_TIMEOUT in ${graphql.ms} ms, /cypher 408 in ${cypher.ms} ms, /readyz 503 in ${probe.ms} ms`);
      }
      // Frozen for about 15 s in all, long past the driver's receive timeout for pooled connections.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 15_000 - (Date.now() - frozenAt))));
    } finally {
      process.kill(pid, "SIGCONT");
    }
    const back = await waitFor("ready after SIGCONT", async () => (await readyz(base)).status === 200, 15_000, service);
    console.info(`[faults] ready ${back} ms after SIGCONT`);
    const { body } = await postGraphQL(base, "{ serviceInfo { neo4jVersion } }");
    expect(body.errors).toBeUndefined();
    expect(neo4jPid(service)).toBe(pid);
  }, 60_000);

  it("restarts Neo4j killed with -9 during an ingest: logged, 503 meanwhile, ready within 30 s, nothing acknowledged lost, the interrupted document all or nothing", async () => {
    const acknowledgedText = corpusText("003_e9034d67261caf9e.txt");
    const acknowledged = await postGraphQL(base, INGEST, { text: acknowledgedText, metadata: { id: "fault-acknowledged" } }, AUTH);
    const receipt = acknowledged.body.data?.ingestDocument as { status: string; passages: number } | undefined;
    expect(receipt).toMatchObject({ status: "CREATED" });
    const acknowledgedPassages = receipt?.passages;

    const pid = neo4jPid(service);
    const password = /^NEO4J_PASSWORD=(.+)$/m.exec(readFileSync(envFile, "utf8"))?.[1] ?? "";
    const watcher = createDriver({ uri: boltUri, user: "neo4j", password });
    const interruptedText = `${corpusText("004_ee312a2f878f1b90.txt")}\n${corpusText("001_b0e5e1e4ebf92b9c.txt")}`;
    const interrupted = postGraphQL(base, INGEST, { text: interruptedText, metadata: { id: "fault-interrupted" } }, AUTH);
    let killedAt = 0;
    let midWrite = false;
    try {
      // The ingest runs in one write transaction: wait until it is past its first statement, then kill.
      const started = Date.now();
      while (!midWrite && Date.now() - started < 30_000) {
        const { records } = await watcher.executeQuery(
          "SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN currentQuery",
        );
        midWrite = records.some((r) => String(r.get("currentQuery")).length > 0 && !String(r.get("currentQuery")).includes("MERGE (d:Document"));
        if (!midWrite) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      process.kill(pid, "SIGKILL");
      killedAt = Date.now();
      await watcher.close();
    }

    const answer = await interrupted;
    expect(["SERVICE_UNAVAILABLE", "QUERY_TIMEOUT"]).toContain(errorCode(answer.body));
    expect(await readyz(base)).toMatchObject({
      status: 503,
      body: { reason: expect.stringMatching(/exited \(signal SIGKILL\) and is being restarted|unreachable/) },
    });
    const cypher = await postCypher(base, "RETURN 1 AS one");
    expect(cypher).toMatchObject({ status: 503, body: { error: { code: "SERVICE_UNAVAILABLE" } } });

    await waitFor("ready after kill -9", async () => (await readyz(base)).status === 200, 30_000 - (Date.now() - killedAt), service);
    const recoveryMs = Date.now() - killedAt;
    console.info(`[faults] ready again ${recoveryMs} ms after kill -9`);
    expect(recoveryMs).toBeLessThan(30_000);

    const crash = logLines(service).find((l) => l.msg === "embedded Neo4j exited unexpectedly; restarting it");
    expect(crash).toMatchObject({ level: 50, pid, signal: "SIGKILL" });
    const restarted = neo4jPid(service);
    expect(restarted).not.toBe(pid);
    expect(isAlive(restarted)).toBe(true);

    expect(await storedDocument(base, "fault-acknowledged")).toEqual({ text: acknowledgedText, passages: acknowledgedPassages, offsetsMatch: true });
    const partial = await storedDocument(base, "fault-interrupted");
    if (partial !== undefined) {
      expect(partial.text).toBe(interruptedText);
      expect(partial.passages).toBeGreaterThan(300);
      expect(partial.offsetsMatch).toBe(true);
    }
    console.info(
      `[faults] killed ${midWrite ? "mid-transaction" : "after 30 s of waiting for the write"}; the interrupted document is ${partial ? "all there" : "absent"}`,
    );
  }, 150_000);

  it("stops on Ctrl-C without taking the JVM's exit for a crash", async () => {
    const pid = neo4jPid(service);
    const crashesBefore = logLines(service).filter((l) => l.msg.startsWith("embedded Neo4j exited unexpectedly")).length;
    service.interrupt();
    expect(await service.exited).toBe(0);
    expect(isAlive(pid)).toBe(false);
    expect(logLines(service).filter((l) => l.msg.startsWith("embedded Neo4j exited unexpectedly"))).toHaveLength(crashesBefore);
    expect(service.output()).not.toMatch(/embedded Neo4j restarted[\s\S]*shutting down[\s\S]*embedded Neo4j ready/);
  }, 60_000);
});

describe("someone else's Neo4j (NEO4J_URI)", () => {
  it("is never restarted by the service, and /readyz recovers once it is back", async () => {
    const log = createLogger("silent");
    const java = requireJava();
    await ensureNeo4jInstalled(java, log);
    const password = "fault-external-password";
    const settings = {
      boltHost: "127.0.0.1",
      boltPort: await freePort(),
      homeDir: path.join(work, "external"),
      heap: "512m",
      pageCache: "64m",
      txTimeout: "30s",
      startTimeoutMs: 120_000,
    };
    const start = (): Promise<EmbeddedNeo4j> => startEmbeddedNeo4j({ settings, password, javaCommand: java.command, javaMajor: java.major, log });
    let neo4j = await start();
    const port = String(await freePort());
    const base = `http://127.0.0.1:${port}`;
    const service = startService({
      PORT: port,
      NEO4J_URI: neo4j.uri,
      NEO4J_PASSWORD: password,
      NEO4J_DATA_DIR: path.join(work, "unused"),
      ENV_FILE: path.join(work, "external.env"),
      LOAD_CORPUS: "false",
      QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
    });
    try {
      await waitForReady(`${base}/readyz`, service, 90_000);
      await neo4j.stop();
      const probe = await timed(() => readyz(base));
      expect(probe.value.status).toBe(503);
      expect(probe.ms).toBeLessThan(2000);
      expect(errorCode((await postGraphQL(base, "{ serviceInfo { neo4jVersion } }")).body)).toBe("SERVICE_UNAVAILABLE");

      const returned = Date.now();
      neo4j = await start();
      await waitFor("ready after the server returned", async () => (await readyz(base)).status === 200, 30_000, service);
      console.info(`[faults] external Neo4j: ready ${Date.now() - returned} ms after its restart began`);
      expect((await postGraphQL(base, "{ serviceInfo { neo4jEdition } }")).body.data).toEqual({ serviceInfo: { neo4jEdition: "community" } });
      expect(service.output()).not.toMatch(/embedded Neo4j|restarting it/);
    } finally {
      service.interrupt();
      await service.exited;
      await neo4j.stop();
    }
  }, 200_000);
});
