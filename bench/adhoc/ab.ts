/**
 * Side-by-side A/B on the 10k bench graph: the HTTP floor and one or more builds of our API, each in its own
 * process over one Neo4j; sequential p50 per operation, then closed loops taken in turn, with CPU per request.
 *   node --import tsx bench/adhoc/ab.ts [--variant 'name=node args…']… [--rounds 3] [--seconds 10] [--seq 30] [--per-op]
 * A variant's args start our API (default: ours='--import tsx src/main.ts'); cwd is the project root.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createLogger } from "../../src/log/logger.js";
import { buildStore, storeHome } from "../data/store.js";
import { startFloor } from "../floor/floor-process.js";
import { type BenchNeo4j, LARGE_GRAPH_MEMORY, withBenchNeo4j } from "../neo4j/bench-neo4j.js";
import { OPERATIONS, type Operation } from "../ops/operations.js";
import { generatedPicks } from "../ops/picks.js";
import type { ChildServer } from "../measure/child-server.js";
import { startOurApi } from "../measure/our-api.js";
import { type Client, httpCypherClient, oursClient, peerClient } from "../measure/clients.js";
import { startPeer } from "../peer/peer-process.js";
import { closedLoopWithCpu } from "../measure/cpu.js";
import { sequential } from "../measure/latency.js";

const { values } = parseArgs({
  options: {
    variant: { type: "string", multiple: true, default: ["ours=--import tsx src/main.ts"] },
    rounds: { type: "string", default: "3" },
    seconds: { type: "string", default: "10" },
    seq: { type: "string", default: "30" },
    connections: { type: "string", default: "8" },
    "per-op": { type: "boolean", default: false },
    peer: { type: "boolean", default: false },
    /** A running bench Neo4j ({uri, user, password, pid} as bench/adhoc/serve-graph.ts writes it) instead of starting one. */
    neo: { type: "string" },
  },
});
const log = createLogger("warn");

async function startVariant(neo: BenchNeo4j, spec: string): Promise<{ name: string; server: ChildServer }> {
  const [name = "", args = ""] = spec.split(/=(.*)/s);
  const server = await startOurApi(neo, { responseCache: false, script: args.split(" ").filter(Boolean), label: name });
  return { name, server };
}

async function compare(neo: BenchNeo4j): Promise<void> {
  const floor = await startFloor(neo);
  const peer = values.peer ? await startPeer(neo) : undefined;
  const variants = [];
  for (const spec of values.variant) variants.push(await startVariant(neo, spec));
  try {
    const first = variants[0];
    if (!first) throw new Error("no variant");
    const picks = await generatedPicks(42, first.server.baseUrl);
    const entries: Array<{ client: Client; pid: number }> = [
      { client: httpCypherClient(floor.baseUrl), pid: floor.pid },
      ...variants.map(({ name, server }) => ({ client: { ...oursClient(server.baseUrl), name: name as Client["name"] }, pid: server.pid })),
      ...(peer ? [{ client: peerClient(peer.baseUrl), pid: peer.pid }] : []),
    ];
    const clients = entries.map((e) => e.client);
    const seq = await sequential(clients, OPERATIONS, picks, { warmup: 5, rounds: Number(values.seq) });
    process.stdout.write("sequential p50 ms (ratio to floor)\n");
    for (const [op, byClient] of Object.entries(seq)) {
      const floorP50 = byClient.httpCypher?.p50 ?? Number.NaN;
      process.stdout.write(
        `  ${op.padEnd(18)} ${Object.entries(byClient)
          .map(([c, s]) => `${c} ${s.p50.toFixed(2)}${c === "httpCypher" ? "" : ` (${(s.p50 / floorP50).toFixed(2)})`}`)
          .join("  ")}\n`,
      );
    }
    const groups: Operation[][] = values["per-op"] ? OPERATIONS.map((op) => [op]) : [OPERATIONS];
    for (const ops of groups) {
      process.stdout.write(`closed loop: ${ops.length === 1 ? ops[0]?.name : "all operations"}\n`);
      for (let round = 0; round < Number(values.rounds); round++) {
        for (const { client, pid } of entries) {
          const r = await closedLoopWithCpu(
            client,
            ops,
            picks,
            { connections: Number(values.connections), durationMs: Number(values.seconds) * 1000 },
            { server: pid, neo4j: neo.pid },
          );
          const c = r.cpu.msPerRequest;
          process.stdout.write(
            `  ${client.name.padEnd(12)} ${String(r.requestsPerSecond).padStart(6)} req/s  p50 ${r.latency.p50.toFixed(1).padStart(5)}  cpu ms/req server ${c.server?.toFixed(3)} neo4j ${c.neo4j?.toFixed(3)} bench ${c.bench?.toFixed(3)}\n`,
          );
        }
      }
    }
  } finally {
    await Promise.all([floor.stop(), peer?.stop(), ...variants.map((v) => v.server.stop())]);
  }
}

if (values.neo) await compare(JSON.parse(readFileSync(values.neo, "utf8")) as BenchNeo4j);
else {
  await buildStore({ nodes: 10_000, seed: 42, log });
  await withBenchNeo4j({ homeDir: storeHome(10_000, 42), log, ...LARGE_GRAPH_MEMORY }, compare);
}
