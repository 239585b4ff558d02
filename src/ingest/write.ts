import { cypher, type CypherQuery } from "../db/cypher-query.js";
import { type CitationRow, type EntityRow, type GraphRows, type RelationRow, strongerMethod } from "./graph.js";
import type { FactMethod } from "./types.js";
import { bandProperty, LSH_BANDS } from "./dedupe.js";
import { RELATION_TYPES, type RelationType } from "./extract/relations.js";

/** Rows per UNWIND statement: big enough to amortise round trips, small enough for the heap. */
export const BATCH_SIZE = 500;

function batches<T>(rows: T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Every statement here finds its nodes by a uniquely constrained id (or the fact-key index), so its
 * plan does not depend on statistics: replanning it each time the growing graph's counts drift buys
 * nothing and cost 0.3–0.9 s per statement of ten rows on two cores. Checked on an empty graph by
 * test/integration/ingest-writer.test.ts.
 */
export const FIXED_PLAN = "CYPHER replan=skip";

function unwind<T>(statement: string, rows: T[]): CypherQuery[] {
  return batches(rows).map((chunk) => cypher(`${FIXED_PLAN}${statement}`, { rows: chunk }));
}

const DOCUMENTS = `
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d += row, d.length = toInteger(row.length), d.reportYear = toInteger(row.reportYear)`;

/** The place a document reports on, with how it was found (GIVEN, TITLE, HEADING …). */
const SUBJECTS = `
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
MATCH (e:Entity {id: row.subjectId})
CREATE (d)-[:REPORTS_ON {source: row.subjectSource}]->(e)`;

const ARTICLES = `
UNWIND $rows AS row
MATCH (d:Document {id: row.documentId})
MERGE (a:Article {id: row.id})
SET a += row, a.index = toInteger(row.index), a.start = toInteger(row.start), a.end = toInteger(row.end)
MERGE (d)-[:HAS_ARTICLE]->(a)`;

// Band keys come as a list of plain numbers (structured-cloneable from the extraction worker) and are stored as INTEGER lsh00 … lsh1f.
const PASSAGES = `
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MERGE (p:Passage {id: row.id})
SET p += row {.*, bands: null}, p.index = toInteger(row.index), p.paragraph = toInteger(row.paragraph), p.start = toInteger(row.start), p.end = toInteger(row.end),
    ${Array.from({ length: LSH_BANDS }, (_, band) => `p.${bandProperty(band)} = toInteger(row.bands[${band}])`).join(", ")}
CREATE (a)-[:HAS_PASSAGE]->(p)`;

// JavaScript numbers reach Neo4j as floats: offsets, indexes and years are cast to integers here.

/** The most trusted of two methods, in Cypher (the same order as `strongerMethod` in graph.ts). */
const STRONGER_METHOD = (a: string, b: string): string =>
  `CASE WHEN 'CURATED' IN [${a}, ${b}] THEN 'CURATED' WHEN 'REFERENCE' IN [${a}, ${b}] THEN 'REFERENCE' ELSE 'RULE' END`;

// Labels come from the KIND_LABEL allow-list, never from the text.
const ENTITIES = `
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.name = row.name, e.kind = row.kind, e.method = row.method, e.aliases = []
SET e:$(row.labels),
    e.aliases = e.aliases + [a IN row.aliases WHERE NOT a IN e.aliases],
    e.method = ${STRONGER_METHOD("e.method", "row.method")},
    e.description = coalesce(row.description, e.description)
SET e.searchText = reduce(s = e.name, a IN e.aliases | s + ' ' + a)
SET e += row.properties`;

/** One statement per cited label, so each lookup uses that label's id constraint. */
const CITATIONS = {
  Entity: citationStatement("Entity"),
  Observation: citationStatement("Observation"),
  Post: citationStatement("Post"),
} as const;

function citationStatement(label: "Entity" | "Observation" | "Post"): string {
  return `
UNWIND $rows AS row
MATCH (n:${label} {id: row.nodeId})
MATCH (p:Passage {id: row.passageId})
CREATE (n)-[:CITED_IN {start: toInteger(row.start), end: toInteger(row.end), quote: row.quote, method: row.method}]->(p)`;
}

const OBSERVATIONS = `
UNWIND $rows AS row
MATCH (s:Entity {id: row.subjectId})
MATCH (i:Entity {id: row.indicatorId})
MERGE (o:Observation {id: row.id})
ON CREATE SET o += row, o.period = toInteger(row.period), o.periodStart = toInteger(row.periodStart), o.conflicting = false
MERGE (o)-[:ABOUT]->(s)
MERGE (o)-[:OF_INDICATOR]->(i)`;

const POSTS = `
UNWIND $rows AS row
MATCH (person:Entity {id: row.personId})
MATCH (org:Entity {id: row.organizationId})
MERGE (post:Post {id: row.id})
ON CREATE SET post += row
MERGE (person)-[:HOLDS]->(post)
MERGE (post)-[:POST_IN]->(org)`;

/**
 * One statement per relationship type (from RELATION_TYPES, never from the text): with the type
 * known, MERGE looks only at that type's relationships of a node, not at the thousands of
 * citations of a place named all through a long report. The stored citations are read once (read
 * inside the filter, a list of thousands would be read again for every citation).
 */
function relationStatement(type: RelationType): string {
  return `
UNWIND $rows AS row
MATCH (a:Entity {id: row.fromId})
MATCH (b:Entity {id: row.toId})
MERGE (a)-[r:${type}]->(b)
ON CREATE SET r.citations = [], r.method = row.method
WITH r, row, r.citations AS stored
SET r.citations = stored + [c IN row.citations WHERE NOT c IN stored],
    r.method = ${STRONGER_METHOD("r.method", "row.method")},
    r.reference = coalesce(row.reference, r.reference)`;
}

const RELATIONS = Object.fromEntries(RELATION_TYPES.map((type) => [type, relationStatement(type)])) as Record<RelationType, string>;

const AUTHORSHIP = `
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MATCH (p:Entity {id: row.personId})
CREATE (a)-[:$(row.role)]->(p)`;

const NEAR_DUPLICATES = `
UNWIND $rows AS row
MATCH (a:Passage {id: row.fromId})
MATCH (b:Passage {id: row.toId})
MERGE (a)-[r:NEAR_DUPLICATE_OF]->(b)
SET r.similarity = row.similarity`;

// Two sources disagree when they give different values for the same subject, indicator, period,
// kind, measure and unit. Within one document such pairs are different sub-items (供地面积 of two
// kinds of land), so only observations stated in different documents count.
// A key with one observation has nothing to disagree with: its citations are not read.
const CONFLICTS = `
UNWIND $rows AS key
MATCH (o:Observation {factKey: key})
WITH key, collect(o) AS observations
WHERE size(observations) > 1
WITH [o IN observations | {o: o, docs: COLLECT { MATCH (o)-[:CITED_IN]->(p:Passage) RETURN DISTINCT p.documentId }}] AS same
UNWIND same AS a
UNWIND same AS b
WITH a, b WHERE a.o.id < b.o.id AND none(d IN a.docs WHERE d IN b.docs)
WITH a.o AS x, b.o AS y
MERGE (x)-[:CONFLICTS_WITH]->(y)
SET x.conflicting = true, y.conflicting = true`;

/** Re-checks the given fact keys for disagreements between documents (after a write or a merge). */
export function conflictStatements(factKeys: string[]): CypherQuery[] {
  return unwind(CONFLICTS, factKeys);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function citations(label: keyof typeof CITATIONS, rows: CitationRow[]): CypherQuery[] {
  return unwind(CITATIONS[label], rows);
}

/** An entity as the writer sends it: every row of one id in a pool folded into one. */
export interface EntityWrite {
  id: string;
  kind: EntityRow["kind"];
  /** From the KIND_LABEL allow-list. */
  labels: string[];
  name: string;
  aliases: string[];
  method: FactMethod;
  description: string | null;
  properties: Record<string, string | number | boolean>;
}

/** What a pool of documents writes, each node and relationship once, in the order the statements take them. */
export type PooledRows = Pick<
  GraphRows,
  "mentions" | "observations" | "observationCitations" | "posts" | "postCitations" | "relations" | "authorship" | "nearDuplicates" | "factKeys"
> & { entities: EntityWrite[] };

/** Rows grouped by key in first-seen order; `fold` merges each later row into the first one's copy. */
function grouped<T, W>(rows: T[], key: (row: T) => string, start: (row: T) => W, fold?: (into: W, row: T) => void): W[] {
  const out = new Map<string, W>();
  for (const row of rows) {
    const k = key(row);
    const seen = out.get(k);
    if (seen === undefined) out.set(k, start(row));
    else fold?.(seen, row);
  }
  return [...out.values()];
}

const addNew = (into: string[], more: string[]): void => {
  for (const x of more) if (!into.includes(x)) into.push(x);
};

/**
 * Folds the rows of a pool the way the statements would apply them one after another: an entity
 * keeps its first name and kind, gains every alias once and the strongest method, the last
 * description and properties given; a fact keeps its first row (ON CREATE); a relationship gathers
 * its citations in order; a citation, near-duplicate link or authorship appears once. The graph
 * written is the one the rows give document by document, with fewer rows to MERGE.
 */
export function pooledRows(docs: GraphRows[]): PooledRows {
  const all = <T>(pick: (d: GraphRows) => T[]): T[] => docs.flatMap(pick);
  // Shared nodes are locked in id order, the same in every transaction: two concurrent ingests wait instead of deadlocking.
  const byId = <T extends { id: string }>(rows: T[]): T[] => rows.sort((a, b) => compare(a.id, b.id));
  // A fact or post stated by several documents of the pool: the first statement's row stands for all.
  const firstById = <T extends { id: string }>(rows: T[]): T[] =>
    byId(
      grouped(
        rows,
        (r) => r.id,
        (r) => r,
      ),
    );
  const citationKey = (c: CitationRow): string => `${c.nodeId}\u0000${c.passageId}\u0000${c.start}\u0000${c.end}`;
  // SET c.quote, c.method: the last row of a citation decides them.
  const uniqueCitations = (rows: CitationRow[]): CitationRow[] =>
    grouped(
      rows,
      citationKey,
      (c) => ({ ...c }),
      (into, c) => Object.assign(into, { quote: c.quote, method: c.method }),
    );
  return {
    entities: byId(
      grouped(
        all((d) => d.entities),
        (e) => e.id,
        (e): EntityWrite => ({
          id: e.id,
          kind: e.kind,
          labels: [e.label],
          name: e.name,
          aliases: [...new Set(e.aliases)],
          method: e.method,
          description: e.description,
          properties: { ...e.properties },
        }),
        (into, e) => {
          addNew(into.labels, [e.label]);
          addNew(into.aliases, e.aliases);
          into.method = strongerMethod(into.method, e.method);
          into.description = e.description ?? into.description;
          Object.assign(into.properties, e.properties);
        },
      ),
    ),
    mentions: uniqueCitations(all((d) => d.mentions)),
    observations: firstById(all((d) => d.observations)),
    observationCitations: uniqueCitations(all((d) => d.observationCitations)),
    posts: firstById(all((d) => d.posts)),
    postCitations: uniqueCitations(all((d) => d.postCitations)),
    relations: grouped(
      all((d) => d.relations),
      (r) => `${r.type}|${r.fromId}|${r.toId}`,
      (r): RelationRow => ({ ...r, citations: [...new Set(r.citations)] }),
      (into, r) => {
        addNew(into.citations, r.citations);
        into.method = strongerMethod(into.method, r.method);
        into.reference = r.reference ?? into.reference;
      },
    ).sort((a, b) => compare(`${a.fromId}|${a.toId}`, `${b.fromId}|${b.toId}`)),
    authorship: grouped(
      all((d) => d.authorship),
      (a) => `${a.articleId}|${a.personId}|${a.role}`,
      (a) => a,
    ),
    // SET r.similarity: the last row of a pair decides it.
    nearDuplicates: grouped(
      all((d) => d.nearDuplicates),
      (n) => `${n.fromId}|${n.toId}`,
      (n) => ({ ...n }),
      (into, n) => {
        into.similarity = n.similarity;
      },
    ),
    factKeys: [...new Set(all((d) => d.factKeys))],
  };
}

/**
 * The statements that write these documents, in dependency order; run them in one transaction.
 * Bulk loads pass many documents at once: full batches and one commit (full-text index updates
 * are paid per commit) instead of a dozen half-empty statements and a commit per document.
 * Nodes and shared relationships are MERGEd on their ids; what belongs to a document alone (its
 * citations, subject, authorship, passages' membership) is CREATEd: the documents must be new to
 * the graph, claimed in this transaction, or cleared of those by `beforeRewrite`.
 */
export function writeStatements(...docs: GraphRows[]): CypherQuery[] {
  const rows = pooledRows(docs);
  return [
    ...unwind(
      DOCUMENTS,
      docs.map((d) => d.document),
    ),
    ...unwind(
      ARTICLES,
      docs.flatMap((d) => d.articles),
    ),
    ...unwind(
      PASSAGES,
      docs.flatMap((d) => d.passages),
    ),
    ...unwind(ENTITIES, rows.entities),
    ...unwind(
      SUBJECTS,
      docs.map((d) => d.document).filter((d) => d.subjectId !== null),
    ),
    ...citations("Entity", rows.mentions),
    ...unwind(OBSERVATIONS, rows.observations),
    ...citations("Observation", rows.observationCitations),
    ...unwind(POSTS, rows.posts),
    ...citations("Post", rows.postCitations),
    ...RELATION_TYPES.flatMap((type) =>
      unwind(
        RELATIONS[type],
        rows.relations.filter((r) => r.type === type),
      ),
    ),
    ...unwind(AUTHORSHIP, rows.authorship),
    ...unwind(NEAR_DUPLICATES, rows.nearDuplicates),
    ...conflictStatements(rows.factKeys),
  ];
}

/** The id that ingestion uses for each merged-away entity id among `ids` (see mergeEntities). */
export function redirectLookup(ids: string[]): CypherQuery {
  return cypher(
    `MATCH (e:Entity) WHERE e.mergedIds IS NOT NULL
     UNWIND e.mergedIds AS old
     WITH old, e WHERE old IN $ids
     RETURN old, e.id AS id`,
    { ids },
  );
}

/** What a document's passages cite, read before it is re-read with new metadata. */
export interface CitedByDocument {
  entities: string[];
  observations: string[];
  posts: string[];
  factKeys: string[];
}

export function citedByDocument(documentId: string): CypherQuery {
  return cypher(
    `OPTIONAL MATCH (p:Passage {documentId: $id})<-[:CITED_IN]-(x)
     WITH DISTINCT x
     RETURN [n IN collect(x) WHERE n:Entity | n.id] AS entities,
            [n IN collect(x) WHERE n:Observation | n.id] AS observations,
            [n IN collect(x) WHERE n:Post | n.id] AS posts,
            [k IN collect(DISTINCT CASE WHEN x:Observation THEN x.factKey END) WHERE k IS NOT NULL] AS factKeys`,
    { id: documentId },
  );
}

/**
 * Before the same text is written again with new metadata: its citations, subject, authorship and
 * article membership go (the write puts back what the new reading finds), and so do the passages
 * and articles the new reading lacks. `stripRelations` takes this document's citations out of
 * relationships and returns the ids of those it touched, for `afterRewrite`.
 */
export function beforeRewrite(
  documentId: string,
  layout: { articleIds: string[]; passageIds: string[] },
  cited: CitedByDocument,
): { statements: CypherQuery[]; stripRelations: CypherQuery } {
  const params = { id: documentId, prefix: `passage:${documentId}:`, ...layout, entities: cited.entities };
  return {
    statements: [
      cypher(`MATCH (p:Passage {documentId: $id})<-[c:CITED_IN]-() DELETE c`, params),
      cypher(`MATCH (d:Document {id: $id})-[r:REPORTS_ON]->() DELETE r`, params),
      cypher(`MATCH (:Document {id: $id})-[:HAS_ARTICLE]->(a:Article) OPTIONAL MATCH (a)-[r:HAS_PASSAGE|WRITTEN_BY|PHOTOGRAPHED_BY]->() DELETE r`, params),
      cypher(`MATCH (p:Passage {documentId: $id}) WHERE NOT p.id IN $passageIds DETACH DELETE p`, params),
      cypher(`MATCH (:Document {id: $id})-[:HAS_ARTICLE]->(a:Article) WHERE NOT a.id IN $articleIds DETACH DELETE a`, params),
    ],
    stripRelations: cypher(
      `UNWIND $entities AS eid
       MATCH (:Entity {id: eid})-[r]-(:Entity) WHERE any(c IN coalesce(r.citations, []) WHERE c STARTS WITH $prefix)
       WITH DISTINCT r
       SET r.citations = [c IN r.citations WHERE NOT c STARTS WITH $prefix]
       RETURN collect(elementId(r)) AS touched`,
      params,
    ),
  };
}

/**
 * After the rewrite: facts and entities the old reading alone cited, and relationships it alone
 * stated, go (reference data stays, and so does an entity others were merged into); disagreements
 * among the fact keys of both readings are worked out again.
 */
export function afterRewrite(cited: CitedByDocument, touched: string[], factKeys: string[]): CypherQuery[] {
  const params = { observations: cited.observations, posts: cited.posts, entities: cited.entities, touched, keys: factKeys };
  return [
    cypher(`UNWIND $observations AS oid MATCH (o:Observation {id: oid}) WHERE NOT (o)-[:CITED_IN]->() DETACH DELETE o`, params),
    cypher(`UNWIND $posts AS pid MATCH (p:Post {id: pid}) WHERE NOT (p)-[:CITED_IN]->() DETACH DELETE p`, params),
    cypher(`MATCH ()-[r]->() WHERE elementId(r) IN $touched AND size(r.citations) = 0 AND coalesce(r.method, '') <> 'REFERENCE' DELETE r`, params),
    cypher(
      `UNWIND $entities AS eid MATCH (e:Entity {id: eid})
       WHERE NOT (e)-[:CITED_IN]->() AND e.method <> 'REFERENCE' AND e.mergedIds IS NULL
       DETACH DELETE e`,
      params,
    ),
    cypher(`UNWIND $keys AS key MATCH (o:Observation {factKey: key}) OPTIONAL MATCH (o)-[c:CONFLICTS_WITH]-() DELETE c SET o.conflicting = false`, params),
    ...conflictStatements(factKeys),
  ];
}
