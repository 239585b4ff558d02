import { afterAll, describe, expect, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CORPUS_DIR, ingestCorpus, ingestDeps } from "../../src/ingest/pipeline.js";
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
      cypher("MATCH (d:Document)-[:HAS_ARTICLE]->(:Article)-[:HAS_PASSAGE]->(p:Passage) RETURN d.id AS doc, p.start AS start, p.end AS end, p.text AS text, d.text AS docText"),
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
});
