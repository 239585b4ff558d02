import { cypher, type CypherQuery } from "../../src/db/cypher-query.js";
import type { Executor } from "../../src/db/executor.js";
import type { CitationRow, GraphRows } from "../../src/ingest/graph.js";
import { bandProperties } from "../../src/ingest/dedupe.js";
import { FIXED_PLAN, writeStatements } from "../../src/ingest/write.js";

const WRITE_TIMEOUT_MS = 10 * 60 * 1000;
/** Rows per statement of the bare loader: the same batch size as our writer's. */
const BARE_BATCH = 500;
/** Documents pooled per write by both loaders, so both send full batches. */
export const POOL = 50;

export interface LoadResult {
  documents: number;
  rows: number;
  ms: number;
  rowsPerSecond: number;
}

/** Rows a document sends to the database, counted the same for every loader. */
export function rowCount(r: GraphRows): number {
  return (
    1 +
    r.articles.length +
    r.passages.length +
    r.entities.length +
    r.mentions.length +
    r.observations.length +
    r.observationCitations.length +
    r.posts.length +
    r.postCitations.length +
    r.relations.length +
    r.authorship.length +
    r.nearDuplicates.length
  );
}

/** Feeds documents to `write` in pools of POOL, timing the whole load. */
async function timed(documents: Iterable<GraphRows>, write: (pool: GraphRows[]) => Promise<void>, onDocument?: (done: number) => void): Promise<LoadResult> {
  const started = performance.now();
  let count = 0;
  let rows = 0;
  let pool: GraphRows[] = [];
  for (const doc of documents) {
    pool.push(doc);
    count += 1;
    rows += rowCount(doc);
    if (pool.length === POOL) {
      await write(pool);
      pool = [];
      onDocument?.(count);
    }
  }
  if (pool.length > 0) await write(pool);
  onDocument?.(count);
  const ms = performance.now() - started;
  return { documents: count, rows, ms, rowsPerSecond: rows / (ms / 1000) };
}

// As ingestion claims a document (pipeline.ts): MERGE on its id inside the write transaction; only a node made here lacks the text.
const CLAIM = `${FIXED_PLAN}
UNWIND $docs AS doc
MERGE (d:Document {id: doc.id})
ON CREATE SET d.sha256 = doc.sha256
RETURN doc.id AS id, d.text IS NULL AS created, d.sha256 = doc.sha256 AS sameText`;

/**
 * Writes a pool as ingestion would: the documents are claimed in the write transaction, one already
 * in the graph with the same text is left as it is (ingestion's UNCHANGED), another text under its
 * id is refused, and the new ones go through the writer in the same transaction.
 */
function writePool(executor: Executor, pool: GraphRows[]): Promise<void> {
  const unique = [...new Map(pool.map((d) => [d.document.id, d])).values()];
  return executor.writeSteps(async (run) => {
    const claims = await run<{ id: string; created: boolean; sameText: boolean }>(
      cypher(CLAIM, { docs: unique.map((d) => ({ id: d.document.id, sha256: d.document.sha256 })) }),
    );
    const refused = claims.find((c) => !c.sameText);
    if (refused) throw new Error(`document ${refused.id} is already in the graph with different content`);
    const created = new Set(claims.filter((c) => c.created).map((c) => c.id));
    for (const statement of writeStatements(...unique.filter((d) => created.has(d.document.id)))) await run(statement);
  }, WRITE_TIMEOUT_MS);
}

/** Loads documents with ingestion's writer (claims, MERGE on ids, conflict checks), POOL documents per transaction. */
export function loadThroughWriter(executor: Executor, documents: Iterable<GraphRows>, onDocument?: (done: number) => void): Promise<LoadResult> {
  return timed(documents, (pool) => writePool(executor, pool), onDocument);
}

const BARE = {
  documents: "UNWIND $rows AS row CREATE (d:Document) SET d = row",
  articles: "UNWIND $rows AS row MATCH (d:Document {id: row.documentId}) CREATE (d)-[:HAS_ARTICLE]->(a:Article) SET a = row",
  passages: "UNWIND $rows AS row MATCH (a:Article {id: row.articleId}) CREATE (a)-[:HAS_PASSAGE]->(p:Passage) SET p = row",
  entities: "UNWIND $rows AS row CREATE (e:Entity) SET e = row.properties, e:$(row.label)",
  observations:
    "UNWIND $rows AS row MATCH (s:Entity {id: row.subjectId}) MATCH (i:Entity {id: row.indicatorId}) CREATE (s)<-[:ABOUT]-(o:Observation)-[:OF_INDICATOR]->(i) SET o = row",
  posts:
    "UNWIND $rows AS row MATCH (a:Entity {id: row.personId}) MATCH (b:Entity {id: row.organizationId}) CREATE (a)-[:HOLDS]->(p:Post)-[:POST_IN]->(b) SET p = row",
  citations: (label: string) =>
    `UNWIND $rows AS row MATCH (n:${label} {id: row.nodeId}) MATCH (p:Passage {id: row.passageId}) CREATE (n)-[:CITED_IN {start: row.start, end: row.end, quote: row.quote, method: row.method}]->(p)`,
  relations:
    "UNWIND $rows AS row MATCH (a:Entity {id: row.fromId}) MATCH (b:Entity {id: row.toId}) CREATE (a)-[r:$(row.type)]->(b) SET r.citations = row.citations",
};

/**
 * The floor for ingestion: the same rows with plain CREATE statements, pooled across documents
 * into full batches, entities and facts de-duplicated in memory first (`seen`: ids already in the
 * database), a pool's relationships folded into one each, no MERGE, no conflict check.
 */
export function loadBare(executor: Executor, documents: Iterable<GraphRows>, seen = new Set<string>()): Promise<LoadResult> {
  const fresh = <T extends { id: string }>(rows: T[]): T[] =>
    rows.filter((r) => {
      if (seen.has(r.id)) return false;
      seen.add(r.id);
      return true;
    });
  return timed(documents, async (all) => {
    const statements: CypherQuery[] = [];
    const add = <T>(statement: string, rows: T[]): void => {
      // Planned once, as our writer's statements are: the comparison is about what each writes, not about replanning.
      for (let i = 0; i < rows.length; i += BARE_BATCH) statements.push(cypher(`${FIXED_PLAN} ${statement}`, { rows: rows.slice(i, i + BARE_BATCH) }));
    };
    const citations = (label: string, pick: (r: GraphRows) => CitationRow[]): void => add(BARE.citations(label), all.flatMap(pick));
    add(
      BARE.documents,
      all.map((r) => r.document),
    );
    add(
      BARE.articles,
      all.flatMap((r) => r.articles),
    );
    // The same properties as our writer sets, band keys included (each band has an index).
    add(
      BARE.passages,
      all.flatMap((r) => r.passages).map(({ bands, ...p }) => ({ ...p, ...bandProperties(bands) })),
    );
    add(
      BARE.entities,
      fresh(all.flatMap((r) => r.entities)).map((e) => ({
        label: e.label,
        properties: { id: e.id, name: e.name, kind: e.kind, aliases: e.aliases, searchText: e.searchText, method: e.method },
      })),
    );
    add(BARE.observations, fresh(all.flatMap((r) => r.observations)));
    add(BARE.posts, fresh(all.flatMap((r) => r.posts)));
    citations("Entity", (r) => r.mentions);
    citations("Observation", (r) => r.observationCitations);
    citations("Post", (r) => r.postCitations);
    // One relationship per type and ends in the pool, with every citation, as the graph holds it.
    const relations = new Map<string, { type: string; fromId: string; toId: string; citations: string[] }>();
    for (const r of all.flatMap((d) => d.relations)) {
      const key = `${r.type}|${r.fromId}|${r.toId}`;
      const seen = relations.get(key);
      if (seen) seen.citations.push(...r.citations.filter((c) => !seen.citations.includes(c)));
      else relations.set(key, { type: r.type, fromId: r.fromId, toId: r.toId, citations: [...r.citations] });
    }
    add(BARE.relations, [...relations.values()]);
    await executor.writeAll(statements, WRITE_TIMEOUT_MS);
  });
}

/** Deletes everything, in batches (schema stays). */
export function wipe(executor: Executor): Promise<void> {
  return executor.autoCommit(cypher("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"), WRITE_TIMEOUT_MS);
}
