/**
 * Start-up figures for docs/benchmarks.md: `npm start` to the first answered query, cold (empty data
 * dir, jars already fetched) and warm (same data dir again); cold until /readyz is 200 (the corpus
 * loaded); and the Neo4j JVM's RSS when idle.
 *   npm run bench:startup -- [--runs 3]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureNeo4jInstalled } from "../src/neo4j/install.js";
import { createLogger } from "../src/log/logger.js";
import { requireJava } from "../src/neo4j/java.js";
import { freePort } from "../src/neo4j/free-port.js";
import { startService } from "../test/helpers/service-process.js";
import { procMemoryMiB } from "./measure/memory.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Number(values.runs);

async function firstAnswer(base: string): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function untilReady(base: string): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function timedStart(env: Record<string, string>, measureRss: boolean): Promise<{ ms: number; readyMs: number; rss?: number }> {
  const started = performance.now();
  const service = startService(env);
  await firstAnswer(`http://127.0.0.1:${env.PORT}`);
  const ms = performance.now() - started;
  await untilReady(`http://127.0.0.1:${env.PORT}`);
  const readyMs = performance.now() - started;
  let rss: number | undefined;
  if (measureRss) {
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const line = service
      .output()
      .split("\n")
      .find((l) => l.includes("embedded Neo4j ready"));
    rss = procMemoryMiB((JSON.parse(line ?? "{}") as { pid: number }).pid);
  }
  service.interrupt();
  await service.exited;
  return { ms, readyMs, rss };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

await ensureNeo4jInstalled(requireJava(), createLogger("warn"));
const cold: number[] = [];
const coldReady: number[] = [];
const warm: number[] = [];
const rss: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), "kg-bench-start-"));
  const env = {
    PORT: String(await freePort()),
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_DATA_DIR: path.join(dir, "neo4j"),
    ENV_FILE: path.join(dir, ".env"),
    NEO4J_URI: "",
  };
  const first = await timedStart(env, false);
  cold.push(first.ms);
  coldReady.push(first.readyMs);
  const second = await timedStart(env, true);
  warm.push(second.ms);
  if (second.rss !== undefined) rss.push(second.rss);
  rmSync(dir, { recursive: true, force: true });
}
const result = {
  runs,
  cold_start_ms_median: Math.round(median(cold)),
  cold_ready_with_corpus_ms_median: Math.round(median(coldReady)),
  warm_start_ms_median: Math.round(median(warm)),
  neo4j_idle_rss_mib_median: median(rss),
  cold_ms: cold.map(Math.round),
  warm_ms: warm.map(Math.round),
  rss_mib: rss,
};
console.log(JSON.stringify(result, null, 2));
