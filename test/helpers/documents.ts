import { cypher } from "../../src/db/cypher-query.js";
import type { Executor } from "../../src/db/executor.js";

/** Removes a test document and everything only it introduced (its articles, passages and what only they cite). */
export async function removeDocument(executor: Executor, id: string): Promise<void> {
  await executor.write(
    cypher(
      `MATCH (d:Document {id: $id}) OPTIONAL MATCH (d)-[:HAS_ARTICLE]->(a)-[:HAS_PASSAGE]->(p)
       OPTIONAL MATCH (x)-[:CITED_IN]->(p) WHERE NOT EXISTS { MATCH (x)-[:CITED_IN]->(q:Passage) WHERE q.documentId <> $id }
       DETACH DELETE x, p, a, d`,
      { id },
    ),
  );
}
