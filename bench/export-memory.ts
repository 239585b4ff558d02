/**
 * Issue 5's "memory flat for a large graph": `npm run export` on the small and the large generated
 * graph, peak RSS of the export process (VmHWM from /proc, polled) beside the graph's size.
 *   npm run bench:export [-- --small 10000 --large 1200000 --format jsonl]
 * Writes bench/results/export-memory.json.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createLogger } from "../src/log/logger.js";
import { PROJECT_ROOT } from "../src/neo4j/paths.js";
import { buildStore, storeHome } from "./data/store.js";
import { startBenchNeo4j } from "./neo4j/bench-neo4j.js";

const { values } = parseArgs({
  options: { small: { type: "string", default: "10000" }, large: { type: "string", default: "1200000" }, format: { type: "string", default: "jsonl" }, seed: { type: "string", default: "42" } },
});
const seed = Number(values.seed);
if (![seed, Number(values.small), Number(values.large)].every(Number.isInteger) || !(values.format === "jsonl" || values.format === "csv" || values.format === "graphml")) {
  process.stderr.write("usage: npm run bench:export -- [--small N --large N --format jsonl|csv|graphml --seed S]\n");
  process.exit(2);
}
const log = createLogger("warn");

function peakRssMiB(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmHWM:"));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : undefined;
  } catch {
    return undefined; // the process has just exited
  }
}

async function exportOnce(nodes: number): Promise<Record<string, unknown>> {
  const graph = await buildStore({ nodes, seed, log });
  const neo = await startBenchNeo4j({ homeDir: storeHome(nodes, seed), log, apoc: false, heap: "2g", pageCache: "1g" });
  const out = mkdtempSync(path.join(tmpdir(), "kg-export-"));
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "src/export/export-cli.ts", "--format", String(values.format), "--out", out], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password, LOG_LEVEL: "warn", ENV_FILE: "/nonexistent/.env" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, child.pid ? (peakRssMiB(child.pid) ?? 0) : 0)), 100);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearInterval(timer);
    if (code !== 0) throw new Error(`export exited with ${code}`);
    const bytes = readdirSync(out).reduce((sum, f) => sum + statSync(path.join(out, f)).size, 0);
    return { nodes: graph.nodes, relationships: graph.relationships, format: values.format, seconds: Math.round((performance.now() - started) / 100) / 10, peakRssMiB: peak, outputMiB: Math.round(bytes / 2 ** 20) };
  } finally {
    rmSync(out, { recursive: true, force: true });
    await neo.stop();
  }
}

const small = await exportOnce(Number(values.small));
const large = await exportOnce(Number(values.large));
const result = { date: new Date().toISOString(), small, large, ratio_peak_rss_large_vs_small: Math.round(((large.peakRssMiB as number) / (small.peakRssMiB as number)) * 100) / 100 };
writeFileSync(path.join(PROJECT_ROOT, "bench", "results", "export-memory.json"), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
