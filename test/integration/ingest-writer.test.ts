import type { Plan } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { district, districtDocuments } from "../../bench/data/generate.js";
import { loadThroughWriter, wipe } from "../../bench/data/load.js";
import { cypher } from "../../src/db/cypher-query.js";
import type { Executor } from "../../src/db/executor.js";
import { GRAPH_VERSION_LABEL } from "../../src/db/graph-version.js";
import { type GraphRows, strongerMethod } from "../../src/ingest/graph.js";
import { FIXED_PLAN, writeStatements } from "../../src/ingest/write.js";
import type { FactMethod } from "../../src/ingest/types.js";
import { startThrowawayDatabase } from "../helpers/throwaway-neo4j.js";

// Its own database: the tests compare whole graphs and wipe between loads.
let db: Awaited<ReturnType<typeof startThrowawayDatabase>>;
let executor: Executor;

const METHODS: FactMethod[] = ["RULE", "REFERENCE", "CURATED"];

/**
 * Generated documents made to disagree with each other the way real ones do: entities named with
 * other aliases, found by other methods, described and given properties by some documents only;
 * relations found by other methods; a citation given twice; two figures of one fact in one document.
 */
function varied(d: GraphRows, k: number): GraphRows {
  const [first] = d.observations;
  const twin = first && { ...first, id: `${first.id}-twin`, value: first.value + 1, normalizedValue: first.normalizedValue + 1 };
  const twinCitation = d.observationCitations.find((c) => c.nodeId === first?.id);
  return {
    ...d,
    entities: d.entities.map((e) => ({
      ...e,
      aliases: [...e.aliases, `别名${k % 3}`],
      method: METHODS[(k + e.id.length) % 3] as FactMethod,
      description: k % 4 === 0 ? `描述${k}` : e.description,
      properties: { ...e.properties, [`p${k % 2}`]: k },
    })),
    relations: d.relations.map((r) => ({ ...r, method: METHODS[k % 3] as FactMethod, reference: k % 5 === 0 ? `ref${k}` : r.reference })),
    mentions: d.mentions.length > 0 ? [...d.mentions, { ...(d.mentions[0] as GraphRows["mentions"][number]), quote: `again${k}` }] : d.mentions,
    observations: twin && k % 2 === 0 ? [...d.observations, twin] : d.observations,
    observationCitations: twin && twinCitation && k % 2 === 0 ? [...d.observationCitations, { ...twinCitation, nodeId: twin.id }] : d.observationCitations,
  };
}

let k = 0;
const pool = (first: number, districts: number): GraphRows[] =>
  Array.from({ length: districts }, (_, i) => [...districtDocuments(7, district(7, first + i))])
    .flat()
    .map((d) => varied(d, k++));
const A = pool(0, 2);
const B = pool(2, 2);

const sorted = (value: unknown): unknown =>
  value && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : value;
const canonical = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => sorted(v));

/** Every node with an id and every relationship between two of them, one line each, sorted: equal lines, equal graphs. */
async function graph(): Promise<string[]> {
  // The graph version node counts transactions, which differ by design.
  const nodes = await executor.read(
    cypher(`MATCH (n) WHERE n.id IS NOT NULL AND NOT n:${GRAPH_VERSION_LABEL} RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties`),
  );
  const relationships = await executor.read(
    cypher("MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS properties"),
  );
  return [
    ...nodes.map((n) => `node ${canonical({ ...n, labels: [...(n.labels as string[])].sort() })}`),
    ...relationships.map((r) => `relationship ${canonical(r)}`),
  ].sort();
}

async function written(transactions: GraphRows[][]): Promise<string[]> {
  await wipe(executor);
  for (const docs of transactions) await executor.writeAll(writeStatements(...docs), 300_000);
  return graph();
}

beforeAll(async () => {
  db = await startThrowawayDatabase("1g");
  executor = db.executor;
}, 300_000);

afterAll(async () => {
  await db?.close();
});

describe("the ingestion writer", () => {
  it("finds every node by index, planned on an empty graph, so its plans need no replanning as the graph grows", async () => {
    const operators = (p: Plan): string[] => [p.operatorType.replace(/@.*/, ""), ...p.children.flatMap(operators)];
    const statements = [...new Map(writeStatements(...A).map((s) => [s.cypher, s])).values()];
    expect(statements.length).toBeGreaterThan(10);
    for (const statement of statements) {
      expect(statement.cypher.startsWith(FIXED_PLAN)).toBe(true);
      const { plan } = await executor.explain(statement);
      const used = plan ? operators(plan) : [];
      expect(
        used.filter((o) => /Scan/.test(o)),
        statement.cypher,
      ).toEqual([]);
      expect(
        used.some((o) => o.includes("IndexSeek")),
        statement.cypher,
      ).toBe(true);
    }
  });

  it("writes from a pool of documents the graph they write one transaction each", async () => {
    const oneByOne = await written([...A, ...B].map((d) => [d]));
    const pooled = await written([A, B]);
    expect(pooled.length).toBeGreaterThan(5_000);
    expect(pooled).toEqual(oneByOne);
  }, 300_000);

  it("keeps each entity once with every alias once, the strongest method, and every document's citations of a relationship", async () => {
    await written([[...A, ...B]]);
    const [entities] = await executor.read<{ nodes: number; ids: number; repeated: number }>(
      cypher(`MATCH (e:Entity)
              RETURN count(e) AS nodes, count(DISTINCT e.id) AS ids,
                     count(CASE WHEN size(e.aliases) <> size(reduce(s = [], a IN e.aliases | CASE WHEN a IN s THEN s ELSE s + a END)) THEN 1 END) AS repeated`),
    );
    expect(entities?.nodes).toBe(entities?.ids);
    expect(entities?.repeated).toBe(0);
    const rows = [...A, ...B];
    const districtId = rows[0]?.entities.find((e) => e.kind === "DISTRICT")?.id as string;
    const given = rows.flatMap((d) => d.entities.filter((e) => e.id === districtId));
    expect(given.length).toBeGreaterThan(3);
    const [stored] = await executor.read<{ aliases: string[]; method: string }>(
      cypher("MATCH (e:Entity {id: $id}) RETURN e.aliases AS aliases, e.method AS method", { id: districtId }),
    );
    expect([...(stored?.aliases ?? [])].sort()).toEqual([...new Set(given.flatMap((e) => e.aliases))].sort());
    expect(stored?.method).toBe(given.map((e) => e.method).reduce(strongerMethod));
    const relation = rows.flatMap((d) => d.relations).find((r, _, all) => all.filter((o) => o.fromId === r.fromId && o.toId === r.toId).length > 1);
    expect(relation).toBeDefined();
    const cited = rows.flatMap((d) => d.relations.filter((r) => r.type === relation?.type && r.fromId === relation.fromId && r.toId === relation.toId));
    const [kept] = await executor.read<{ n: number; citations: string[] }>(
      cypher(`MATCH (:Entity {id: $from})-[r:${relation?.type}]->(:Entity {id: $to}) RETURN count(r) AS n, collect(r.citations)[0] AS citations`, {
        from: relation?.fromId,
        to: relation?.toId,
      }),
    );
    expect(kept?.n).toBe(1);
    expect(kept?.citations).toEqual([...new Set(cited.flatMap((r) => r.citations))]);
  }, 300_000);

  it("links every two figures of one fact that different documents state, and no two that one document states", async () => {
    await written([A, B]);
    const facts = await executor.read<{ id: string; factKey: string; conflicting: boolean; documents: string[] }>(
      cypher(
        "MATCH (o:Observation) RETURN o.id AS id, o.factKey AS factKey, o.conflicting AS conflicting, COLLECT { MATCH (o)-[:CITED_IN]->(p:Passage) RETURN DISTINCT p.documentId } AS documents",
      ),
    );
    const expected = new Set<string>();
    for (const x of facts)
      for (const y of facts) if (x.factKey === y.factKey && x.id < y.id && !x.documents.some((d) => y.documents.includes(d))) expected.add(`${x.id} ${y.id}`);
    const linked = await executor.read<{ x: string; y: string }>(
      cypher("MATCH (x:Observation)-[:CONFLICTS_WITH]->(y:Observation) RETURN x.id AS x, y.id AS y"),
    );
    expect(expected.size).toBeGreaterThan(0);
    expect(new Set(linked.map((l) => `${l.x} ${l.y}`))).toEqual(expected);
    const inConflict = new Set([...expected].flatMap((pair) => pair.split(" ")));
    for (const f of facts) expect(f.conflicting, f.id).toBe(inConflict.has(f.id));
    const twins = facts.filter((f) => f.id.endsWith("-twin"));
    expect(twins.length).toBeGreaterThan(0);
    const links = new Set(linked.map((l) => `${l.x} ${l.y}`));
    for (const twin of twins) expect(links.has(`${twin.id.replace(/-twin$/, "")} ${twin.id}`)).toBe(false);
  }, 300_000);

  it("loads the same documents again without changing the graph, and refuses another text under a taken id", async () => {
    await wipe(executor);
    await loadThroughWriter(executor, [...A, ...B]);
    const once = await graph();
    await loadThroughWriter(executor, [...B, ...A]);
    expect(await graph()).toEqual(once);
    const [changed] = A;
    if (!changed) throw new Error("no documents");
    await expect(loadThroughWriter(executor, [{ ...changed, document: { ...changed.document, sha256: "another text" } }])).rejects.toThrow(
      /already in the graph with different content/,
    );
    expect(await graph()).toEqual(once);
  }, 300_000);
});
