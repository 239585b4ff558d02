/**
 * Soak: 8 connections of mixed reads and curators' ingests against a running service, sampled every
 * minute (RSS of the API process and of the Neo4j JVM, p50/p99 latency, errors), printed as a
 * markdown table. Every document it ingests has a fresh id and is removed at the end.
 *   npm run bench:soak -- [--url http://127.0.0.1:4000 | --start [--port 4200]] [--minutes 30]
 *     [--connections 8] [--ingesting 1] [--api-pid N] [--neo4j-pid N] [--seed 1]
 * Of the connections, `--ingesting` send ingests one after another (a fresh document id each, text
 * drawn from the corpus's clauses) and the rest send reads (entity, search, observations, documents
 * with their passages) at random.
 * Ingests need CURATOR_TOKEN (the service's); without it only reads run. `--start` runs `npm start`
 * with this environment (PORT from --port, NEO4J_BOLT_PORT, NEO4J_DATA_DIR, ENV_FILE …) and stops it
 * afterwards. Removing the documents connects to the service's Neo4j as `npm run ingest` does
 * (NEO4J_URI, or the embedded server of NEO4J_BOLT_PORT with the password in ENV_FILE or .env).
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { cypher } from "../src/db/cypher-query.js";
import { withNeo4j } from "../src/neo4j/cli-connection.js";
import { PROJECT_ROOT } from "../src/neo4j/paths.js";
import { startService, type ServiceProcess, waitForReady } from "../test/helpers/service-process.js";
import { readProcMemoryMiB } from "./measure/memory.js";
import { percentile } from "./measure/stats.js";

const CORPUS_DIR = path.join(PROJECT_ROOT, "data", "corpus");

/** mulberry32: a small seeded generator, so a seed always gives the same texts. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let clauses: string[] | undefined;

/** The corpus's clauses (between ，。；！？ and line breaks) of 6 to 60 characters with some Chinese in them. */
function corpusClauses(): string[] {
  clauses ??= [
    ...new Set(
      readdirSync(CORPUS_DIR)
        .filter((f) => f.endsWith(".txt"))
        .sort()
        .flatMap((f) => readFileSync(path.join(CORPUS_DIR, f), "utf8").split(/[，。；！？\n]/u))
        .map((c) => c.trim())
        .filter((c) => c.length >= 6 && c.length <= 60 && /\p{Script=Han}{4}/u.test(c)),
    ),
  ];
  return clauses;
}

/**
 * A report-like text of about `bytes` UTF-8 bytes: paragraphs of sentences, each 3 to 5 corpus
 * clauses drawn at random. Sentences rarely share more than one clause, so the text is not one
 * long run of near-duplicate passages (as a corpus file repeated would be).
 */
export function variedReport(seed: number, bytes: number): string {
  const next = random(seed);
  const pool = corpusClauses();
  const pick = (): string => pool[Math.floor(next() * pool.length)] as string;
  const parts = [`市北区政府工作报告（汇编第${seed}号）`, ""];
  let size = Buffer.byteLength(parts.join("\n"));
  while (size < bytes) {
    const sentences = Array.from({ length: 2 + Math.floor(next() * 4) }, () => `${Array.from({ length: 3 + Math.floor(next() * 3) }, pick).join("，")}。`);
    const paragraph = `${sentences.join("")}\n`;
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph) + 1;
  }
  return `${parts.join("\n")}\n`;
}

interface Sample {
  op: string;
  ms: number;
  error?: string;
}

interface MinuteRow {
  minute: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  ingests: number;
  ingestP50: number;
  apiRss: number | undefined;
  neo4jRss: number | undefined;
}

/** Socket inodes of TCP ports in LISTEN state, from /proc/net/tcp and tcp6. */
function listeningInode(port: number): string | undefined {
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      const local = cols[1];
      if (!local || cols[3] !== "0A") continue;
      if (Number.parseInt(local.split(":")[1] ?? "", 16) === port) return cols[9];
    }
  }
  return undefined;
}

/** The process that holds a socket (Linux /proc; only processes this user may read). */
function pidOfSocket(inode: string): number | undefined {
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch (error) {
      // Another user's process, or one that just exited.
      if (["EACCES", "ENOENT", "EPERM"].includes((error as NodeJS.ErrnoException).code ?? "")) continue;
      throw error;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch (error) {
        if (["EACCES", "ENOENT", "EPERM"].includes((error as NodeJS.ErrnoException).code ?? "")) continue;
        throw error;
      }
      if (target === `socket:[${inode}]`) return Number(entry);
    }
  }
  return undefined;
}

/** Local ports the API process is connected to (its Bolt connections among them). */
function remotePortsOf(pid: number): number[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    const target = readlinkSync(`/proc/${pid}/fd/${fd}`, { encoding: "utf8" });
    const m = /^socket:\[(\d+)\]$/.exec(target);
    if (m?.[1]) inodes.add(m[1]);
  }
  const ports = new Set<number>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === "01" && inodes.has(cols[9] ?? "")) ports.add(Number.parseInt(cols[2]?.split(":")[1] ?? "", 16));
    }
  }
  return [...ports];
}

const comm = (pid: number): string => readFileSync(`/proc/${pid}/comm`, "utf8").trim();

/** The pid of the process listening on a local TCP port, when this user may see it. */
export function pidListeningOn(port: number): number | undefined {
  const inode = listeningInode(port);
  return inode ? pidOfSocket(inode) : undefined;
}

/** The API's pid (listening on the URL's port) and the Neo4j JVM's (a java process it is connected to). */
function discoverPids(url: string): { api: number | undefined; neo4j: number | undefined } {
  const api = pidListeningOn(Number(new URL(url).port || 80));
  if (api === undefined) return { api, neo4j: undefined };
  for (const port of remotePortsOf(api)) {
    const pid = pidListeningOn(port);
    if (pid !== undefined && comm(pid) === "java") return { api, neo4j: pid };
  }
  return { api, neo4j: undefined };
}

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Sample["error"]> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length) return `${body.errors[0]?.extensions?.code ?? response.status}: ${body.errors[0]?.message.slice(0, 120)}`;
  return response.ok ? undefined : `HTTP ${response.status}`;
}

const READS = {
  entity: `query ($n: String!) { entity(name: $n) { id name aliases mentions(first: 5) { totalCount edges { node { quote } } } relations(first: 10) { totalCount edges { type node { id name } } } } }`,
  search: `query ($q: String!) { search(query: $q, first: 10) { totalCount edges { score node { __typename ... on Passage { id text } ... on Entity { id name } } } } }`,
  observations: `query ($s: String!) { observations(filter: { subject: $s }, first: 20) { totalCount edges { node { id period kind value unit indicator { name } citations { quote document { id } } } } } }`,
  documents: `{ documents(first: 5) { totalCount edges { node { id title passages(first: 20) { totalCount edges { node { id start end text } } } } } } }`,
} as const;
const INGEST = `mutation ($t: String!, $m: DocumentMetadataInput!) { ingestDocument(text: $t, metadata: $m) { documentId status } }`;
const SEARCH_TERMS = ["新增城镇就业", "生产总值", "老旧小区", "海洋", "科技创新", "营商环境", "乡村振兴", "招商引资"];

async function namesOf(url: string, kind?: string): Promise<string[]> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `query ($k: EntityKind) { entities(first: 100, kind: $k) { edges { node { name } } } }`, variables: { k: kind ?? null } }),
  });
  const body = (await response.json()) as { data?: { entities: { edges: Array<{ node: { name: string } }> } } };
  return body.data?.entities.edges.map((e) => e.node.name) ?? [];
}

/** Removes a soak document and what only it cited, as test/helpers/documents.ts does, plus what that left uncited. */
const REMOVE = `
MATCH (d:Document {id: $id})
OPTIONAL MATCH (d)-[:HAS_ARTICLE]->(a)-[:HAS_PASSAGE]->(p)
OPTIONAL MATCH (x)-[:CITED_IN]->(p) WHERE NOT EXISTS { MATCH (x)-[:CITED_IN]->(q:Passage) WHERE q.documentId <> $id }
OPTIONAL MATCH (x)-[:ABOUT|OF_INDICATOR]->(e:Entity)
WITH d, collect(DISTINCT a) AS articles, collect(DISTINCT p) AS passages, collect(DISTINCT x) AS only, collect(DISTINCT e.id) AS about
FOREACH (n IN only | DETACH DELETE n)
FOREACH (n IN passages | DETACH DELETE n)
FOREACH (n IN articles | DETACH DELETE n)
DETACH DELETE d
WITH about
UNWIND about AS id
MATCH (e:Entity {id: id}) WHERE NOT (e)-[:CITED_IN]->() AND e.method <> 'REFERENCE' AND NOT (:Observation)-[:ABOUT|OF_INDICATOR]->(e)
DETACH DELETE e`;

function table(rows: MinuteRow[]): string {
  const cell = (v: number | undefined): string => (v === undefined || Number.isNaN(v) ? "–" : String(Math.round(v)));
  return [
    "| minute | requests | errors | p50 ms | p99 ms | ingests | ingest p50 ms | API RSS MiB | Neo4j RSS MiB |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.minute} | ${r.requests} | ${r.errors} | ${cell(r.p50)} | ${cell(r.p99)} | ${r.ingests} | ${cell(r.ingestP50)} | ${cell(r.apiRss)} | ${cell(r.neo4jRss)} |`,
    ),
  ].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      start: { type: "boolean", default: false },
      port: { type: "string", default: "4200" },
      minutes: { type: "string", default: "30" },
      connections: { type: "string", default: "8" },
      ingesting: { type: "string", default: "1" },
      "api-pid": { type: "string" },
      "neo4j-pid": { type: "string" },
      seed: { type: "string", default: "1" },
    },
  });
  const minutes = Number(values.minutes);
  const connections = Number(values.connections);
  const ingesting = Number(values.ingesting);
  if (!(minutes > 0) || !(connections >= 1) || !(ingesting >= 0 && ingesting <= connections)) {
    throw new Error("--minutes and --connections must be positive numbers, --ingesting at most --connections");
  }

  let service: ServiceProcess | undefined;
  let url = values.url ?? "http://127.0.0.1:4000";
  if (values.start) {
    process.env.CURATOR_TOKEN ??= randomBytes(24).toString("base64url");
    process.env.PORT = values.port;
    url = `http://127.0.0.1:${values.port}`;
    service = startService({ PORT: values.port, CURATOR_TOKEN: process.env.CURATOR_TOKEN });
    process.stderr.write(`starting npm start on ${url} …\n`);
  }
  try {
    if (service) await waitForReady(`${url}/readyz`, service, 600_000);
    await soak(url, { minutes, connections, ingesting, seed: Number(values.seed), apiPid: values["api-pid"], neo4jPid: values["neo4j-pid"] });
  } finally {
    if (service) {
      service.interrupt();
      await service.exited;
      const log = path.join(tmpdir(), `soak-service-${Date.now().toString(36)}.log`);
      writeFileSync(log, service.output());
      process.stderr.write(`the service's log: ${log}\n`);
    }
  }
}

interface SoakOptions {
  minutes: number;
  connections: number;
  ingesting: number;
  seed: number;
  apiPid: string | undefined;
  neo4jPid: string | undefined;
}

async function soak(url: string, { minutes, connections, ingesting, seed, ...pids }: SoakOptions): Promise<void> {
  const token = process.env.CURATOR_TOKEN;
  if (!token) process.stderr.write("CURATOR_TOKEN is not set: reads only, no ingests\n");

  const found = discoverPids(url);
  const apiPid = pids.apiPid ? Number(pids.apiPid) : found.api;
  const neo4jPid = pids.neo4jPid ? Number(pids.neo4jPid) : found.neo4j;
  process.stderr.write(`API pid ${apiPid ?? "not found"}, Neo4j pid ${neo4jPid ?? "not found"}; ${connections} connections for ${minutes} min\n`);

  const entities = await namesOf(url);
  const places = await namesOf(url, "DISTRICT");
  if (entities.length === 0) throw new Error(`${url} answers no entities: is the corpus loaded?`);
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const ingested: string[] = [];
  let ingestCount = 0;
  const next = random(seed);
  const any = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;

  let bucket: Sample[] = [];
  const all: Sample[] = [];
  const rows: MinuteRow[] = [];
  const started = Date.now();
  const deadline = started + minutes * 60_000;

  const closeMinute = (): void => {
    const samples = bucket;
    bucket = [];
    const reads = samples
      .filter((s) => s.op !== "ingest")
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    const ingests = samples
      .filter((s) => s.op === "ingest")
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    const row: MinuteRow = {
      minute: rows.length + 1,
      requests: samples.length,
      errors: samples.filter((s) => s.error).length,
      p50: reads.length ? percentile(reads, 0.5) : NaN,
      p99: reads.length ? percentile(reads, 0.99) : NaN,
      ingests: ingests.length,
      ingestP50: ingests.length ? percentile(ingests, 0.5) : NaN,
      apiRss: apiPid === undefined ? undefined : readProcMemoryMiB(apiPid),
      neo4jRss: neo4jPid === undefined ? undefined : readProcMemoryMiB(neo4jPid),
    };
    rows.push(row);
    process.stderr.write(`${table([row]).split("\n")[2]}\n`);
  };
  const errors = new Map<string, number>();

  async function connection(ingest: boolean): Promise<void> {
    while (Date.now() < deadline) {
      const op = ingest ? "ingest" : any(Object.keys(READS) as Array<keyof typeof READS>);
      const t0 = performance.now();
      let error: string | undefined;
      try {
        if (op === "ingest") {
          const n = ++ingestCount;
          const id = `soak-${runId}-${n}`;
          ingested.push(id);
          error = await post(
            url,
            INGEST,
            {
              t: variedReport(seed * 100_000 + n, 12_000 + Math.floor(next() * 24_000)),
              m: { id, publishedOn: "2024-01-08", reportYear: 2023 },
            },
            { authorization: `Bearer ${token}` },
          );
        } else if (op === "entity") error = await post(url, READS.entity, { n: any(entities) });
        else if (op === "search") error = await post(url, READS.search, { q: any(SEARCH_TERMS) });
        else if (op === "observations") error = await post(url, READS.observations, { s: any(places.length ? places : entities) });
        else error = await post(url, READS.documents, {});
      } catch (failure) {
        error = `request failed: ${(failure as Error).message}`;
      }
      const sample = { op, ms: performance.now() - t0, ...(error ? { error } : {}) };
      bucket.push(sample);
      all.push(sample);
      if (error) errors.set(error, (errors.get(error) ?? 0) + 1);
    }
  }

  let removed = 0;
  let left = 0;
  try {
    // The last minute is closed when the connections stop, so a 1-minute run gives one row.
    const ticker = setInterval(() => Date.now() < deadline - 5_000 && closeMinute(), 60_000);
    await Promise.all(Array.from({ length: connections }, (_, i) => connection(token !== undefined && i < ingesting)));
    clearInterval(ticker);
    closeMinute();
  } finally {
    // Whatever happened, the documents this run wrote go.
    if (ingested.length > 0) {
      await withNeo4j(async (executor) => {
        for (const id of ingested) {
          await executor.write(cypher(REMOVE, { id }));
          removed += 1;
        }
        const [row] = await executor.read<{ n: number }>(
          cypher("MATCH (d:Document) WHERE d.id STARTS WITH $prefix RETURN count(d) AS n", { prefix: `soak-${runId}-` }),
        );
        left = row?.n ?? 0;
      });
    }
  }

  const ingestingNow = token === undefined ? 0 : ingesting;
  console.log(
    `\nSoak of ${url}: ${connections} connections (${ingestingNow} ingesting, ${connections - ingestingNow} reading), ${minutes} min; ${ingestCount} documents ingested, ${removed} removed, ${left} left\n`,
  );
  console.log(table(rows));
  console.log("\n| operation | requests | errors | p50 ms | p99 ms |\n| --- | ---: | ---: | ---: | ---: |");
  for (const op of ["entity", "search", "observations", "documents", "ingest"]) {
    const ms = all
      .filter((x) => x.op === op)
      .map((x) => x.ms)
      .sort((a, b) => a - b);
    if (ms.length === 0) continue;
    console.log(
      `| ${op} | ${ms.length} | ${all.filter((x) => x.op === op && x.error).length} | ${Math.round(percentile(ms, 0.5))} | ${Math.round(percentile(ms, 0.99))} |`,
    );
  }
  if (errors.size > 0) {
    console.log("\nerrors:");
    for (const [message, count] of [...errors].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`- ${count}× ${message}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
