import { cypher } from "../../src/db/cypher-query.js";
import type { Executor } from "../../src/db/executor.js";

/** Removes a test document and everything only it introduced (its articles, passages, what only they cite, relationships only it stated). */
export async function removeDocument(executor: Executor, id: string): Promise<void> {
  // Relationships between entities that stay (历史城区 PART_OF 崂山区 from a test excerpt) would otherwise outlive their only citation.
  await executor.write(
    cypher(
      `MATCH (:Entity)-[r]->(:Entity) WHERE any(c IN coalesce(r.citations, []) WHERE c STARTS WITH $prefix)
       SET r.citations = [c IN r.citations WHERE NOT c STARTS WITH $prefix]
       WITH r WHERE size(r.citations) = 0 AND coalesce(r.method, '') <> 'REFERENCE'
       DELETE r`,
      { prefix: `passage:${id}:` },
    ),
  );
  await executor.write(
    cypher(
      `MATCH (d:Document {id: $id}) OPTIONAL MATCH (d)-[:HAS_ARTICLE]->(a)-[:HAS_PASSAGE]->(p)
       OPTIONAL MATCH (x)-[:CITED_IN]->(p) WHERE NOT EXISTS { MATCH (x)-[:CITED_IN]->(q:Passage) WHERE q.documentId <> $id }
       DETACH DELETE x, p, a, d`,
      { id },
    ),
  );
}

/** What the graph holds under one document id: counted there, so files writing meanwhile do not change it. */
export async function documentFootprint(executor: Executor, id: string): Promise<{ documents: number; passages: number; citations: number; facts: number }> {
  const [row] = await executor.read<{ documents: number; passages: number; citations: number; facts: number }>(
    cypher(
      `RETURN COUNT { MATCH (d:Document {id: $id}) } AS documents,
              COUNT { MATCH (p:Passage {documentId: $id}) } AS passages,
              COUNT { MATCH ()-[c:CITED_IN]->(p:Passage {documentId: $id}) } AS citations,
              COUNT { MATCH (o:Observation)-[:CITED_IN]->(p:Passage {documentId: $id}) } AS facts`,
      { id },
    ),
  );
  if (!row) throw new Error("the footprint query returned no row");
  return row;
}
