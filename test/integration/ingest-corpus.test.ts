import { afterAll, describe, expect, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CORPUS_DIR, ingestCorpus, ingestDeps } from "../../src/ingest/pipeline.js";
import { loadRegistry } from "../../src/ingest/registry.js";
import { testDatabase } from "../helpers/neo4j.js";

const { driver, executor } = testDatabase(60_000);
afterAll(() => driver.close());

// global-setup.ts loaded the corpus into the run's Neo4j.
describe("the corpus graph", () => {
  it("every citation's quote is the document text at its offsets", async () => {
    const rows = await executor.read<{ doc: string; start: number; end: number; quote: string }>(
      cypher("MATCH ()-[c:CITED_IN]->(p:Passage) RETURN p.documentId AS doc, c.start AS start, c.end AS end, c.quote AS quote"),
    );
    expect(rows.length).toBeGreaterThan(1000);
    const texts = new Map<string, string>();
    const bad = rows.filter((r) => {
      const text = texts.get(r.doc) ?? readFileSync(path.join(CORPUS_DIR, `${r.doc}.txt`), "utf8");
      texts.set(r.doc, text);
      return text.slice(r.start, r.end) !== r.quote;
    });
    expect(bad).toEqual([]);
  });

  it("every passage is the document text at its offsets", async () => {
    const rows = await executor.read<{ doc: string; start: number; end: number; text: string; docText: string }>(
      cypher(
        "MATCH (d:Document)-[:HAS_ARTICLE]->(:Article)-[:HAS_PASSAGE]->(p:Passage) RETURN d.id AS doc, p.start AS start, p.end AS end, p.text AS text, d.text AS docText",
      ),
    );
    expect(rows.filter((r) => r.docText.slice(r.start, r.end) !== r.text)).toEqual([]);
  });

  it("ingesting the corpus again changes nothing", async () => {
    const count = cypher("MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels");
    const before = await executor.read(count);
    const results = await ingestCorpus(ingestDeps(executor));
    expect(results.map((r) => r.status)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged", "unchanged"]);
    expect(await executor.read(count)).toEqual(before);
  });

  it("leaves no entity, observation, post or relationship without a citation or its reference data", async () => {
    const [row] = await executor.read<Record<string, number>>(
      cypher(`CALL () { MATCH (e:Entity) WHERE NOT (e)-[:CITED_IN]->(:Passage) AND (e.method <> 'REFERENCE' OR e.reference IS NULL) RETURN count(e) AS entities }
              CALL () { MATCH (o:Observation) WHERE NOT (o)-[:CITED_IN]->(:Passage) RETURN count(o) AS observations }
              CALL () { MATCH (p:Post) WHERE NOT (p)-[:CITED_IN]->(:Passage) RETURN count(p) AS posts }
              CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE size(coalesce(r.citations, [])) = 0 AND (r.method <> 'REFERENCE' OR r.reference IS NULL) RETURN count(r) AS relationships }
              CALL () { MATCH (e:Entity {method: 'REFERENCE'}) WHERE e.code IS NOT NULL RETURN count(e) AS places }
              RETURN entities, observations, posts, relationships, places > 0 AS gazetteerPlaces`),
    );
    expect(row).toEqual({ entities: 0, observations: 0, posts: 0, relationships: 0, gazetteerPlaces: true });
  });

  it("relationship citations point at passages whose text holds the quote", async () => {
    const rows = await executor.read<{ cite: string; ok: boolean }>(
      cypher(`MATCH (:Entity)-[r]->(:Entity) UNWIND r.citations AS cite
              WITH cite, split(cite, '#') AS parts
              MATCH (p:Passage {id: parts[0]})
              WITH cite, p, [x IN split(parts[1], '-') | toInteger(x)] AS span
              RETURN cite, span[0] >= p.start AND span[1] <= p.end AS ok`),
    );
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => !r.ok)).toEqual([]);
  });

  it("states every reviewed relation of the registry, citing the corpus", async () => {
    const expected = loadRegistry().entries.flatMap((e) => e.relations.map((r) => `${e.id}|${r.type}|${r.target}`));
    const rows = await executor.read<{ key: string }>(
      cypher("MATCH (a:Entity)-[r]->(b:Entity) WHERE r.method = 'CURATED' RETURN a.id + '|' + type(r) + '|' + b.id AS key"),
    );
    const present = new Set(rows.map((r) => r.key));
    expect(expected.filter((k) => !present.has(k))).toEqual([]);
  });

  it("makes one fact of a target stated in two papers, with a citation in each", async () => {
    const rows = await executor.read<{ docs: string[] }>(
      cypher(`MATCH (o:Observation {period: 2023, kind: 'TARGET', measure: 'GROWTH_RATE'})-[:ABOUT]->(:District {name: '市北区'}),
                    (o)-[:OF_INDICATOR]->(:Indicator {name: '地区生产总值'})
              RETURN o.value AS value, [(o)-[:CITED_IN]->(p) | p.documentId] AS docs`),
    );
    expect(rows).toHaveLength(1);
    expect(new Set(rows[0]?.docs)).toEqual(new Set(["000_44ac3f7d2d8bc0f5", "004_ee312a2f878f1b90"]));
  });

  it("keeps both values where the re-typeset copy disagrees, and flags the conflict", async () => {
    const rows = await executor.read<{ a: string; b: string; conflicting: boolean[] }>(
      cypher(`MATCH (x:Observation)-[:CONFLICTS_WITH]->(y:Observation)
              RETURN x.text AS a, y.text AS b, [x.conflicting, y.conflicting] AS conflicting`),
    );
    expect(rows).toContainEqual({ a: expect.stringMatching(/60余?家/), b: expect.stringMatching(/60余?家/), conflicting: [true, true] });
  });

  it("finds the re-typeset half of 001 in 003 as near-duplicate passages", async () => {
    const [row] = await executor.read<{ n: number; minSimilarity: number }>(
      cypher(`MATCH (a:Passage {documentId: '003_e9034d67261caf9e'})-[r:NEAR_DUPLICATE_OF]->(b:Passage {documentId: '001_b0e5e1e4ebf92b9c'})
              RETURN count(r) AS n, min(r.similarity) AS minSimilarity`),
    );
    expect(row?.n).toBeGreaterThan(60);
    expect(row?.minSimilarity).toBeGreaterThanOrEqual(0.6);
  });

  it("knows who held which post, as of when, and who held one no more", async () => {
    const rows = await executor.read<{ person: string; title: string; org: string; asOf: string; current: boolean }>(
      cypher(`MATCH (p:Person)-[:HOLDS]->(post:Post)-[:POST_IN]->(o:Organization)
              WHERE p.name IN ['刘新学', '唐进倬']
              RETURN p.name AS person, post.title AS title, o.name AS org, post.asOf AS asOf, post.current AS current ORDER BY person, title`),
    );
    expect(rows).toEqual([
      { person: "刘新学", title: "副书记", org: "中共青岛市市北区委员会", asOf: "2023-01", current: true },
      { person: "刘新学", title: "区长", org: "青岛市市北区人民政府", asOf: "2023-01", current: true },
      { person: "唐进倬", title: "主任", org: "青岛市科学技术委员会", asOf: "2023-01", current: false },
      { person: "唐进倬", title: "党组书记", org: "青岛市科学技术委员会", asOf: "2023-01", current: false },
    ]);
  });
});
