import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import type { Executor } from "../../src/db/executor.js";
import { IngestInputError } from "../../src/errors/client-errors.js";
import { exportGraph } from "../../src/export/export.js";
import { importGraph } from "../../src/export/import.js";
import { openExport } from "../../src/export/readers.js";
import { ingestCorpus, ingestDeps } from "../../src/ingest/pipeline.js";
import { runCliScript } from "../helpers/cli.js";
import { startThrowawayDatabase } from "../helpers/throwaway-neo4j.js";

// Its own database: the shared one takes other files' writes mid-export, and import needs an empty one.
let db: Awaited<ReturnType<typeof startThrowawayDatabase>>;
let executor: Executor;
const out = mkdtempSync(path.join(tmpdir(), "export-test-"));
const dir = (name: string) => path.join(out, name);

interface Citation {
  cited: string;
  passage: string;
  start: number;
  end: number;
  quote: string;
}
const CITATIONS = cypher(`MATCH (x)-[c:CITED_IN]->(p:Passage)
RETURN coalesce(x.id, x.factKey, x.name) AS cited, p.id AS passage, c.start AS start, c.end AS end, c.quote AS quote
ORDER BY cited, passage, start`);
const citations = () => executor.read<Citation>(CITATIONS);
const nodeCount = async () => (await executor.read<{ n: number }>(cypher("MATCH (n) WHERE NOT n:GraphVersion RETURN count(n) AS n")))[0]?.n;
const wipe = () => executor.autoCommit(cypher("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"), 120_000);
const lines = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.length > 0).length;

/**
 * A digest of the graph in an export that ignores element ids: each node as its labels and typed
 * properties, each relationship as its type, properties and the canonical forms of its two ends.
 */
async function canonicalDigest(exportDir: string): Promise<{ nodes: number; relationships: number; sha256: string }> {
  const source = openExport(exportDir);
  const canonical = new Map<string, string>();
  const sorted = (o: Record<string, unknown>) => JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  for await (const n of source.nodes()) canonical.set(n.id, JSON.stringify([[...n.labels].sort(), sorted(n.properties), [...n.integers].sort()]));
  const relationships: string[] = [];
  for await (const r of source.relationships())
    relationships.push(JSON.stringify([r.type, canonical.get(r.start), canonical.get(r.end), sorted(r.properties), [...r.integers].sort()]));
  const hash = createHash("sha256");
  for (const item of [...[...canonical.values()].sort(), "--", ...relationships.sort()]) hash.update(`${item}\n`);
  return { nodes: canonical.size, relationships: relationships.length, sha256: hash.digest("hex") };
}

let original: Awaited<ReturnType<typeof canonicalDigest>>;
let originalCitations: Citation[];

beforeAll(async () => {
  db = await startThrowawayDatabase("512m");
  executor = db.executor;
  await ingestCorpus(ingestDeps(executor));
  for (const format of ["jsonl", "csv", "graphml"] as const) await exportGraph(executor, format, dir(format));
  original = await canonicalDigest(dir("jsonl"));
  originalCitations = await citations();
}, 300_000);

afterAll(async () => {
  await db?.close();
  rmSync(out, { recursive: true, force: true });
});

describe("npm run export", () => {
  it("writes one JSON line per node and per relationship, with provenance", async () => {
    const counts = (
      await executor.read<{ nodes: number; relationships: number }>(
        cypher("MATCH (n) WHERE NOT n:GraphVersion OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS relationships"),
      )
    )[0];
    expect(original).toMatchObject(counts ?? {});
    expect(lines(dir("jsonl/nodes.jsonl"))).toBe(counts?.nodes);
    expect(lines(dir("jsonl/relationships.jsonl"))).toBe(counts?.relationships);
    expect(originalCitations.length).toBeGreaterThan(500);
    const cited = readFileSync(dir("jsonl/relationships.jsonl"), "utf8")
      .split("\n")
      .find((l) => l.includes('"CITED_IN"') && l.includes("高效实施总投资330亿元的20个省市级重点项目"));
    expect(JSON.parse(cited ?? "{}")).toMatchObject({
      type: "CITED_IN",
      integers: expect.arrayContaining(["start", "end"]),
      properties: { quote: expect.stringContaining("高效实施总投资330亿元") },
    });
  });

  it("writes CSV that reads back as the same graph", async () => {
    expect(await canonicalDigest(dir("csv"))).toEqual(original);
    expect(readFileSync(dir("csv/nodes.csv"), "utf8").split("\n")[0]).toBe("id,labels,properties,integers");
  });

  it("writes well-formed GraphML with typed keys for graph tools", () => {
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ["key", "node", "edge", "data"].includes(name),
    });
    const graphml = xml.parse(readFileSync(dir("graphml/graph.graphml"), "utf8")).graphml as {
      key: { id: string; for: string; "attr.name": string; "attr.type": string }[];
      graph: { node: unknown[]; edge: { data: { key: string; "#text": string | number }[] }[] };
    };
    expect(graphml.graph.node).toHaveLength(original.nodes);
    expect(graphml.graph.edge).toHaveLength(original.relationships);
    const key = (kind: string, name: string) => graphml.key.find((k) => k.for === kind && k["attr.name"] === name);
    expect(key("edge", "start")?.["attr.type"]).toBe("long");
    expect(key("node", "name")?.["attr.type"]).toBe("string");
    const quoteKey = key("edge", "quote")?.id;
    const quotes = graphml.graph.edge.flatMap((e) => e.data.filter((d) => d.key === quoteKey).map((d) => String(d["#text"])));
    expect(quotes.sort()).toEqual(originalCitations.map((c) => c.quote).sort());
  });

  it("answers a bad format with its usage and exits 1", () => {
    const result = runCliScript("src/export/export-cli.ts", ["--format", "xml"], db.target);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("error: usage: npm run export -- --format jsonl|csv|graphml [--out DIR]");
  });
});

describe("npm run import", () => {
  it("refuses a database that is not empty, and changes nothing", async () => {
    const before = await nodeCount();
    await expect(importGraph(executor, dir("jsonl"))).rejects.toThrow(`the database holds ${before} nodes; import only into an empty database`);
    expect(await nodeCount()).toBe(before);
  });

  it("round-trips JSON Lines through the command line: same graph, same citations, integers still integers", async () => {
    await wipe();
    const imported = runCliScript("src/export/import-cli.ts", [dir("jsonl")], db.target);
    expect(imported.stderr).toBe("");
    expect(JSON.parse(imported.stdout)).toMatchObject({ format: "jsonl", nodes: original.nodes, relationships: original.relationships });
    const exported = runCliScript("src/export/export-cli.ts", ["--format", "jsonl", "--out", dir("jsonl-again")], db.target);
    expect(JSON.parse(exported.stdout)).toMatchObject({ format: "jsonl", nodes: original.nodes, relationships: original.relationships });
    expect(await canonicalDigest(dir("jsonl-again"))).toEqual(original);
    expect(await citations()).toEqual(originalCitations);
    const types = await executor.read<{ types: string[] }>(cypher("MATCH ()-[c:CITED_IN]->() RETURN collect(DISTINCT valueType(c.start)) AS types"));
    expect(types[0]?.types).toEqual(["INTEGER NOT NULL"]);
    expect(await executor.read(cypher("MATCH (n:ImportKey) RETURN n LIMIT 1"))).toEqual([]);
  }, 120_000);

  it("round-trips CSV", async () => {
    await wipe();
    expect(await importGraph(executor, dir("csv"))).toEqual({ format: "csv", nodes: original.nodes, relationships: original.relationships });
    await exportGraph(executor, "jsonl", dir("csv-again"));
    expect(await canonicalDigest(dir("csv-again"))).toEqual(original);
    expect(await citations()).toEqual(originalCitations);
  }, 120_000);

  it("leaves the database empty when the export breaks part-way", async () => {
    await wipe();
    cpSync(dir("jsonl"), dir("dangling"), { recursive: true });
    appendFileSync(
      dir("dangling/relationships.jsonl"),
      `${JSON.stringify({ id: "r-x", type: "MENTIONS", start: "nope", end: "nope", properties: {}, integers: [] })}\n`,
    );
    await expect(importGraph(executor, dir("dangling"))).rejects.toThrow("relationship r-x joins nope to nope, but the export has no such node");
    expect(await nodeCount()).toBe(0);

    cpSync(dir("jsonl"), dir("malformed"), { recursive: true });
    appendFileSync(dir("malformed/nodes.jsonl"), "{not json\n");
    const error = await importGraph(executor, dir("malformed")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestInputError);
    expect((error as Error).message).toMatch(new RegExp(`nodes\\.jsonl:${original.nodes + 1}: not JSON`));
    expect(await nodeCount()).toBe(0);
  }, 120_000);

  it("refuses labels that are not plain identifiers before writing anything", async () => {
    cpSync(dir("jsonl"), dir("bad-label"), { recursive: true });
    writeFileSync(dir("bad-label/nodes.jsonl"), `${JSON.stringify({ id: "n1", labels: ["Entity`) DETACH DELETE n //"], properties: {}, integers: [] })}\n`);
    await expect(importGraph(executor, dir("bad-label"))).rejects.toThrow(/nodes\.jsonl:1: not an exported node/);
    expect(await nodeCount()).toBe(0);
  });

  it("names the formats it reads when the directory holds none", async () => {
    await expect(importGraph(executor, dir("graphml"))).rejects.toThrow(
      /no export found \(expected nodes\.jsonl and relationships\.jsonl, or nodes\.csv and relationships\.csv\)/,
    );
  });
});
