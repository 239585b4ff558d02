import type { DeepPageResult } from "./deep-pages.js";
import type { StoreMeta } from "../data/store.js";
import type { IngestComparison } from "./ingest.js";
import type { CpuFigures, MeasuredLoad, ProfilePhase } from "./cpu.js";
import type { IngestOneComparison } from "./ingest-one.js";
import type { PlanReport } from "./plans.js";
import type { Summary } from "./stats.js";

export interface GraphResult {
  graph: StoreMeta;
  picks: Record<string, unknown>;
  roundTrips: Record<string, number>;
  plans: Record<string, PlanReport>;
  sequential: Record<string, Record<string, Summary>>;
  /** Closed loop per client (cypher, ours, peer, httpCypher, then oursCached alone), each with CPU per process. */
  load: Record<string, MeasuredLoad>;
  memory: { oursRssMiB: number; peerRssMiB: number; floorRssMiB: number; neo4jHeapUsedMiB: number; neo4jHeapCommittedMiB: number };
  /** Page 1 against a deep page of the keyset lists, our API with its response cache off. */
  deepPages: DeepPageResult[];
}

export interface Worst {
  value: number;
  operation: string;
}

export interface BenchResults {
  date: string;
  mode: "quick" | "full";
  seconds: number;
  /** ours ÷ the HTTP floor, worst operation over both graphs (response cache off). */
  ratio_p50_vs_http_cypher: Worst;
  /** ours ÷ Cypher through the driver in the benchmark process: the second floor, no HTTP hop. */
  ratio_p50_vs_cypher: Worst;
  /** The lower of the two graphs' ratios (response cache off). */
  ratio_throughput_vs_peer: number;
  ratio_throughput_vs_peer_by_graph: { small: number; large: number };
  /** As ratio_throughput_vs_peer with our response cache on (a separate instance, load phase only). */
  ratio_throughput_vs_peer_cached: number;
  ratio_throughput_vs_peer_cached_by_graph: { small: number; large: number };
  /** Each server process's CPU (utime+stime) per request under the closed loop, ms. */
  cpu_ms_per_request: { small: Record<string, number>; large: Record<string, number> };
  /** Deep page ÷ page 1 (p50), worst list over both graphs. */
  ratio_deep_page_vs_first: Worst;
  ratio_p50_large_vs_small: Worst;
  ratio_ingest_vs_raw: number;
  /** Median time to ingest one report into the large graph ÷ into the small one. */
  ratio_ingest_one_large_vs_small: number;
  large_nodes: number;
  large_relationships: number;
  small_nodes: number;
  roundtrips_per_root_field: number;
  ingest: IngestComparison;
  ingestOne: IngestOneComparison;
  small: GraphResult;
  large: GraphResult;
  /** Our API (cache off) under `node --cpu-prof` and the closed loop, small graph only. */
  profile: ProfilePhase & { graph: "small" };
}

/** The issue's targets: which way is good and where the line is. */
export const TARGETS = {
  ratio_p50_vs_http_cypher: { atMost: 1.25 },
  ratio_throughput_vs_peer: { atLeast: 1.5 },
  ratio_p50_large_vs_small: { atMost: 1.5 },
  ratio_deep_page_vs_first: { atMost: 1.5 },
  ratio_ingest_vs_raw: { atLeast: 0.8 },
  ratio_ingest_one_large_vs_small: { atMost: 1.5 },
  roundtrips_per_root_field: { atMost: 1 },
} as const;

export function targetMet(name: keyof typeof TARGETS, value: number): boolean {
  const target: { atMost?: number; atLeast?: number } = TARGETS[name];
  return target.atMost !== undefined ? value <= target.atMost : value >= (target.atLeast ?? Number.NEGATIVE_INFINITY);
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ")).join("\n");
}

const ms = (s: Summary | undefined): string => (s ? `${s.p50}/${s.p95}/${s.p99}` : "-");
const ratio = (a: number | undefined, b: number | undefined): string => (a !== undefined && b !== undefined ? (a / b).toFixed(2) : "-");

function graphTable(title: string, g: GraphResult): string {
  const rows = [["operation", "cypher p50/p95/p99 ms", "httpCypher", "ours", "peer", "ours/httpCypher p50", "ours/cypher p50", "peer/ours p50", "scans"]];
  for (const [op, byClient] of Object.entries(g.sequential)) {
    rows.push([
      op,
      ms(byClient.cypher),
      ms(byClient.httpCypher),
      ms(byClient.ours),
      ms(byClient.peer),
      ratio(byClient.ours?.p50, byClient.httpCypher?.p50),
      ratio(byClient.ours?.p50, byClient.cypher?.p50),
      ratio(byClient.peer?.p50, byClient.ours?.p50),
      (g.plans[op]?.scans ?? []).join(",") || "none",
    ]);
  }
  return `${title}: ${g.graph.nodes} nodes, ${g.graph.relationships} relationships (sequential)\n${table(rows)}`;
}

const cpu = (c: CpuFigures, process: string): string => (c.msPerRequest[process] === undefined ? "-" : String(c.msPerRequest[process]));

function loadTable(g: GraphResult): string {
  const rows = [["under load", "connections", "requests/s", "p50/p95/p99 ms", "errors", "CPU ms/request: server", "Neo4j", "bench (client)"]];
  for (const [client, r] of Object.entries(g.load))
    rows.push([
      client,
      String(r.connections),
      String(r.requestsPerSecond),
      ms(r.latency),
      String(r.errors),
      client === "cypher" ? "(in bench)" : cpu(r.cpu, "server"),
      cpu(r.cpu, "neo4j"),
      cpu(r.cpu, "bench"),
    ]);
  const m = g.memory;
  const memory = `\nafter load: our API RSS ${m.oursRssMiB} MiB, peer RSS ${m.peerRssMiB} MiB, HTTP floor RSS ${m.floorRssMiB} MiB, Neo4j heap used ${m.neo4jHeapUsedMiB} of ${m.neo4jHeapCommittedMiB} MiB committed`;
  return `${table(rows)}${memory}`;
}

function profileTable(p: BenchResults["profile"]): string {
  const head = `our API under --cpu-prof (${p.graph} graph, cache off): ${p.requests} requests in ${p.seconds} s; CPU ${p.cpuMsPerRequest} ms/request (/proc); main thread sampled busy ${p.sampledBusyMsPerRequest} ms/request (wall clock)`;
  const items = (title: string, list: ProfilePhase["topPackages"]): string =>
    table([
      [title, "sampled self ms", "% of busy samples", "CPU ms/request (share of /proc)"],
      ...list.map((i) => [i.name, String(i.selfMs), String(i.percent), String(i.cpuMsPerRequest)]),
    ]);
  return [head, items("top packages", p.topPackages), items("top functions", p.topFunctions)].join("\n\n");
}

function ingestOneTable(c: IngestOneComparison): string {
  const rows = [["ingest one report", "median ms", "each ms", "near-duplicates", "lookup candidates", "lookup db hits"]];
  for (const [graph, g] of [
    ["small", c.small],
    ["large", c.large],
  ] as const) {
    rows.push([
      `${graph} (${c.document})`,
      String(g.medianMs),
      g.ms.join(", "),
      String(g.nearDuplicates),
      String(g.lookup.candidates),
      String(g.lookup.dbHits),
    ]);
  }
  return table(rows);
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function deepPagesTable(title: string, g: GraphResult): string {
  const rows = [["deep pages, " + title, "items", "page", "page 1 p50 ms", "page N p50 ms", "N ÷ 1"]];
  for (const d of g.deepPages)
    rows.push([d.operation, String(d.items), String(d.pageN), String(round2(d.page1P50)), String(round2(d.pageNP50)), String(d.ratio)]);
  return table(rows);
}

export function renderReport(r: BenchResults): string {
  const verdict = (name: keyof typeof TARGETS, value: number): string => (targetMet(name, value) ? "met" : "MISSED");
  const headline = [
    ["figure", "value", "target", ""],
    [
      "ratio_p50_vs_http_cypher (worst)",
      `${r.ratio_p50_vs_http_cypher.value} (${r.ratio_p50_vs_http_cypher.operation})`,
      "≤ 1.25",
      verdict("ratio_p50_vs_http_cypher", r.ratio_p50_vs_http_cypher.value),
    ],
    ["ratio_p50_vs_cypher (worst, in-process floor)", `${r.ratio_p50_vs_cypher.value} (${r.ratio_p50_vs_cypher.operation})`, "reported beside", ""],
    [
      "ratio_throughput_vs_peer (lower, cache off)",
      `${r.ratio_throughput_vs_peer} (small ${r.ratio_throughput_vs_peer_by_graph.small}, large ${r.ratio_throughput_vs_peer_by_graph.large})`,
      "≥ 1.5",
      verdict("ratio_throughput_vs_peer", r.ratio_throughput_vs_peer),
    ],
    [
      "ratio_throughput_vs_peer_cached (lower)",
      `${r.ratio_throughput_vs_peer_cached} (small ${r.ratio_throughput_vs_peer_cached_by_graph.small}, large ${r.ratio_throughput_vs_peer_cached_by_graph.large})`,
      "separate figure",
      "",
    ],
    [
      "cpu_ms_per_request (server processes)",
      (["small", "large"] as const)
        .map(
          (g) =>
            `${g}: ${Object.entries(r.cpu_ms_per_request[g])
              .map(([client, value]) => `${client} ${value}`)
              .join(", ")}`,
        )
        .join("; "),
      "",
      "",
    ],
    [
      "ratio_p50_large_vs_small (worst)",
      `${r.ratio_p50_large_vs_small.value} (${r.ratio_p50_large_vs_small.operation})`,
      "≤ 1.5",
      verdict("ratio_p50_large_vs_small", r.ratio_p50_large_vs_small.value),
    ],
    [
      "ratio_deep_page_vs_first (worst keyset list)",
      `${r.ratio_deep_page_vs_first.value} (${r.ratio_deep_page_vs_first.operation})`,
      "≤ 1.5",
      verdict("ratio_deep_page_vs_first", r.ratio_deep_page_vs_first.value),
    ],
    [
      "ratio_ingest_vs_raw",
      `${r.ratio_ingest_vs_raw} (${Math.round(r.ingest.ours.rowsPerSecond)} vs ${Math.round(r.ingest.bare.rowsPerSecond)} rows/s)`,
      "≥ 0.8",
      verdict("ratio_ingest_vs_raw", r.ratio_ingest_vs_raw),
    ],
    [
      "ratio_ingest_one_large_vs_small",
      `${r.ratio_ingest_one_large_vs_small} (${r.ingestOne.document}: ${r.ingestOne.large.medianMs} vs ${r.ingestOne.small.medianMs} ms median)`,
      "≤ 1.5",
      verdict("ratio_ingest_one_large_vs_small", r.ratio_ingest_one_large_vs_small),
    ],
    ["roundtrips_per_root_field", String(r.roundtrips_per_root_field), "1", verdict("roundtrips_per_root_field", r.roundtrips_per_root_field)],
    ["large_nodes", `${r.large_nodes} (${r.large_relationships} relationships)`, "", ""],
  ];
  return [
    graphTable("small graph", r.small),
    loadTable(r.small),
    deepPagesTable("small graph", r.small),
    graphTable("large graph", r.large),
    loadTable(r.large),
    deepPagesTable("large graph", r.large),
    profileTable(r.profile),
    ingestOneTable(r.ingestOne),
    table(headline),
    `${r.mode} run, ${r.seconds} s`,
  ]
    .filter((s) => s.length > 0)
    .join("\n\n");
}
