import { readFileSync } from "node:fs";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setPriority } from "node:os";
import { pidListeningOn, variedReport } from "../../bench/soak.js";
import { connectNeo4j } from "../../src/db/connect.js";
import { cypher } from "../../src/db/cypher-query.js";
import { Executor } from "../../src/db/executor.js";
import { applySchema } from "../../src/db/schema.js";
import { MAX_DOCUMENT_BYTES } from "../../src/ingest/read.js";
import { createLogger } from "../../src/log/logger.js";
import type { RunningHttpServer } from "../../src/server/http-server.js";
import { startTestServer } from "../helpers/server.js";
import { startThrowawayNeo4j, type TestNeo4j } from "../helpers/throwaway-neo4j.js";

// Its own Neo4j, with room for one 5 MB document in one transaction; the shared one is sized for the corpus.
let scratch: { target: TestNeo4j; stop: () => Promise<void> };
let driver: Driver;
let executor: Executor;
let server: RunningHttpServer;
const TOKEN = "curator-token-for-event-loop-tests";

beforeAll(async () => {
  scratch = await startThrowawayNeo4j(createLogger("silent"), "4g");
  // Neo4j shares this machine's cores: during a 5 MB write its JVM takes them all and the OS, not our event
  // loop, delays the answer (the main thread is not even scheduled). A lower priority keeps the measure ours.
  const neo4jPid = pidListeningOn(Number(new URL(scratch.target.uri).port));
  if (neo4jPid !== undefined && !process.env.NEO4J_NICE_0) setPriority(neo4jPid, 10);
  driver = await connectNeo4j({ ...scratch.target, waitMs: 10_000 });
  executor = new Executor(driver, { database: scratch.target.database, timeoutMs: 120_000 });
  await applySchema(executor);
  server = await startTestServer(executor, { CURATOR_TOKEN: TOKEN });
}, 300_000);

afterAll(async () => {
  await server?.close();
  await driver?.close();
  await scratch?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const INGEST = `mutation ($t: String!, $m: DocumentMetadataInput!) { ingestDocument(text: $t, metadata: $m) { status passages observations } }`;

/** CPU time this process's main thread has used, from /proc (Linux; clock ticks of 10 ms). */
function mainThreadCpuMs(): number {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * A timer every 10 ms. Between two of its callbacks the event loop did nothing else but run: the
 * main thread's CPU time in that gap is how long the loop held the thread (what would delay a
 * request), while a gap without CPU time is the OS running something else on the cores.
 */
function loopProbe() {
  const started = performance.now();
  const gaps: Array<{ atMs: number; wallMs: number; cpuMs: number }> = [];
  let wall = started;
  let cpu = mainThreadCpuMs();
  const timer = setInterval(() => {
    const [w, c] = [performance.now(), mainThreadCpuMs()];
    gaps.push({ atMs: Math.round(w - started), wallMs: w - wall - 10, cpuMs: c - cpu });
    [wall, cpu] = [w, c];
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      const busiest = gaps.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
      return {
        longestBusyMs: busiest.cpuMs,
        longestBusyAtMs: busiest.atMs,
        longestGapMs: Math.round(Math.max(...gaps.map((g) => g.wallMs))),
        gaps: gaps.length,
      };
    },
  };
}

const p = (sorted: number[], q: number): number => Number(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]?.toFixed(1));

describe("ingestion off the event loop", () => {
  it("answers /healthz in under 100 ms throughout the ingest of a 5 MB document", async () => {
    const text = variedReport(7, 5_000_000);
    const bytes = Buffer.byteLength(text);
    expect(bytes).toBeGreaterThan(4_900_000);
    expect(bytes).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES);

    // The client's own JSON and UTF-8 encoding of 5 MB happens before the measure starts: only the service's work is measured.
    const body = Buffer.from(
      JSON.stringify({ query: INGEST, variables: { t: text, m: { id: "five-megabytes", publishedOn: "2024-01-08", reportYear: 2023 } } }),
    );
    const latencies: number[] = [];
    let done = false;
    const started = performance.now();
    const probe = loopProbe();
    const ingest = fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` }, body })
      .then(async (response) => ({ body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] } }))
      .finally(() => (done = true));
    while (!done) {
      const t0 = performance.now();
      const response = await fetch(`${server.url}/healthz`);
      await response.text();
      expect(response.status).toBe(200);
      latencies.push(performance.now() - t0);
      await sleep(20);
    }
    const result = await ingest;
    const loop = probe.stop();
    const sorted = [...latencies].sort((a, b) => a - b);
    const figures = {
      bytes,
      ingestMs: Math.round(performance.now() - started),
      probes: sorted.length,
      healthzP50Ms: p(sorted, 0.5),
      healthzP99Ms: p(sorted, 0.99),
      healthzMaxMs: p(sorted, 1),
      ...loop,
      ...(result.body.data?.ingestDocument as Record<string, number>),
    };
    console.log(`5 MB ingest: ${JSON.stringify(figures)}`);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.ingestDocument).toMatchObject({ status: "CREATED" });
    expect(figures.probes).toBeGreaterThan(100);
    // The event loop never held the main thread for 100 ms, and /healthz answered in under 100 ms but for the
    // rare moment another process had the cores (this test shares a small machine with Neo4j and other jobs).
    expect(loop.longestBusyMs).toBeLessThan(100);
    expect(figures.healthzP99Ms).toBeLessThan(100);

    // Compared here: Neo4j reading a 5 MB property once per passage would take minutes.
    const [doc] = await executor.read<{ text: string }>(cypher("MATCH (d:Document {id: 'five-megabytes'}) RETURN d.text AS text"));
    const passages = await executor.read<{ start: number; end: number; text: string }>(
      cypher("MATCH (:Document {id: 'five-megabytes'})-[:HAS_ARTICLE]->()-[:HAS_PASSAGE]->(p) RETURN p.start AS start, p.end AS end, p.text AS text"),
    );
    expect(passages).toHaveLength((result.body.data?.ingestDocument as { passages: number } | undefined)?.passages ?? -1);
    expect(passages.filter((x) => doc?.text.slice(x.start, x.end) !== x.text)).toEqual([]);
  }, 600_000);
});
