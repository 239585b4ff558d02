/**
 * Issue 5's "memory flat for a large graph": `npm run export` on the small and the large generated
 * graph, peak RSS of the export process (VmHWM from /proc, polled) beside the graph's size.
 *   npm run bench:export [-- --small 10000 --large 1200000 --format jsonl]
 * Writes bench/results/export-memory.json.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createLogger } from "../src/log/logger.js";
import { PROJECT_ROOT } from "../src/neo4j/paths.js";
import { buildStore, storeHome } from "./data/store.js";
import { readProcMemoryMiB } from "./measure/memory.js";
import { LARGE_GRAPH_MEMORY, withBenchNeo4j } from "./neo4j/bench-neo4j.js";

const { values } = parseArgs({
  options: {
    small: { type: "string", default: "10000" },
    large: { type: "string", default: "1200000" },
    format: { type: "string", default: "jsonl" },
    seed: { type: "string", default: "42" },
  },
});
const seed = Number(values.seed);
if (
  ![seed, Number(values.small), Number(values.large)].every(Number.isInteger) ||
  !(values.format === "jsonl" || values.format === "csv" || values.format === "graphml")
) {
  process.stderr.write("usage: npm run bench:export -- [--small N --large N --format jsonl|csv|graphml --seed S]\n");
  process.exit(2);
}
const log = createLogger("warn");

interface ExportFigures {
  nodes: number;
  relationships: number;
  format: string;
  seconds: number;
  peakRssMiB: number;
  outputMiB: number;
}

async function exportOnce(nodes: number): Promise<ExportFigures> {
  const graph = await buildStore({ nodes, seed, log });
  return withBenchNeo4j({ homeDir: storeHome(nodes, seed), log, apoc: false, ...LARGE_GRAPH_MEMORY }, async (neo) => {
    const out = mkdtempSync(path.join(tmpdir(), "kg-export-"));
    try {
      const started = performance.now();
      const child = spawn(process.execPath, ["--import", "tsx", "src/export/export-cli.ts", "--format", String(values.format), "--out", out], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password, LOG_LEVEL: "warn", ENV_FILE: "/nonexistent/.env" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      const pid = child.pid;
      if (pid === undefined) throw new Error("could not spawn the export");
      let peak = 0;
      // The last reading before the process exits stands (VmHWM only grows).
      const timer = setInterval(() => (peak = readProcMemoryMiB(pid, "VmHWM") ?? peak), 100);
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      clearInterval(timer);
      if (code !== 0) throw new Error(`export exited with ${code}`);
      const bytes = readdirSync(out).reduce((sum, f) => sum + statSync(path.join(out, f)).size, 0);
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      return {
        nodes: graph.nodes,
        relationships: graph.relationships,
        format: String(values.format),
        seconds,
        peakRssMiB: peak,
        outputMiB: Math.round(bytes / 2 ** 20),
      };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
}

const small = await exportOnce(Number(values.small));
const large = await exportOnce(Number(values.large));
const result = { date: new Date().toISOString(), small, large, ratio_peak_rss_large_vs_small: Math.round((large.peakRssMiB / small.peakRssMiB) * 100) / 100 };
writeFileSync(path.join(PROJECT_ROOT, "bench", "results", "export-memory.json"), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
