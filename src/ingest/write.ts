import { cypher, type CypherQuery } from "../db/cypher-query.js";
import type { CitationRow, GraphRows } from "./graph.js";
import { bandProperties } from "./dedupe.js";

/** Rows per UNWIND statement: big enough to amortise round trips, small enough for the heap. */
export const BATCH_SIZE = 500;

function batches<T>(rows: T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function unwind<T>(statement: string, rows: T[]): CypherQuery[] {
  return batches(rows).map((chunk) => cypher(statement, { rows: chunk }));
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
MERGE (d)-[r:REPORTS_ON]->(e)
SET r.source = row.subjectSource`;

const ARTICLES = `
UNWIND $rows AS row
MATCH (d:Document {id: row.documentId})
MERGE (a:Article {id: row.id})
SET a += row, a.index = toInteger(row.index), a.start = toInteger(row.start), a.end = toInteger(row.end)
MERGE (d)-[:HAS_ARTICLE]->(a)`;

const PASSAGES = `
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MERGE (p:Passage {id: row.id})
SET p += row, p.index = toInteger(row.index), p.paragraph = toInteger(row.paragraph), p.start = toInteger(row.start), p.end = toInteger(row.end)
MERGE (a)-[:HAS_PASSAGE]->(p)`;

// JavaScript numbers reach Neo4j as floats: offsets, indexes and years are cast to integers here.

/** The most trusted of two methods, in Cypher (the same order as `strongerMethod` in graph.ts). */
const STRONGER_METHOD = (a: string, b: string): string =>
  `CASE WHEN 'CURATED' IN [${a}, ${b}] THEN 'CURATED' WHEN 'REFERENCE' IN [${a}, ${b}] THEN 'REFERENCE' ELSE 'RULE' END`;

// Labels come from the KIND_LABEL allow-list, never from the text.
const ENTITIES = `
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.name = row.name, e.kind = row.kind, e.method = row.method, e.aliases = []
SET e:$(row.label),
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
MERGE (n)-[c:CITED_IN {start: toInteger(row.start), end: toInteger(row.end)}]->(p)
SET c.quote = row.quote, c.method = row.method`;
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

// Relationship types come from RELATION_TYPES, never from the text.
const RELATIONS = `
UNWIND $rows AS row
MATCH (a:Entity {id: row.fromId})
MATCH (b:Entity {id: row.toId})
MERGE (a)-[r:$(row.type)]->(b)
ON CREATE SET r.citations = [], r.method = row.method
SET r.citations = r.citations + [c IN row.citations WHERE NOT c IN r.citations],
    r.method = ${STRONGER_METHOD("r.method", "row.method")},
    r.reference = coalesce(row.reference, r.reference)`;

const AUTHORSHIP = `
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MATCH (p:Entity {id: row.personId})
MERGE (a)-[:$(row.role)]->(p)`;

const NEAR_DUPLICATES = `
UNWIND $rows AS row
MATCH (a:Passage {id: row.fromId})
MATCH (b:Passage {id: row.toId})
MERGE (a)-[r:NEAR_DUPLICATE_OF]->(b)
SET r.similarity = row.similarity`;

// Two sources disagree when they give different values for the same subject, indicator, period,
// kind, measure and unit. Within one document such pairs are different sub-items (供地面积 of two
// kinds of land), so only observations stated in different documents count.
const CONFLICTS = `
UNWIND $rows AS key
MATCH (o:Observation {factKey: key})
WITH key, collect({o: o, docs: [(o)-[:CITED_IN]->(p:Passage) | p.documentId]}) AS same
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

function citations(label: keyof typeof CITATIONS, rows: CitationRow[]): CypherQuery[] {
  return unwind(CITATIONS[label], rows);
}

/**
 * The statements that write these documents, in dependency order; run them in one transaction.
 * Bulk loads pass many documents at once: full batches and one commit (full-text index updates
 * are paid per commit) instead of a dozen half-empty statements and a commit per document.
 */
export function writeStatements(...docs: GraphRows[]): CypherQuery[] {
  const all = <T>(pick: (d: GraphRows) => T[]): T[] => docs.flatMap(pick);
  return [
    ...unwind(DOCUMENTS, docs.map((d) => d.document)),
    ...unwind(ARTICLES, all((d) => d.articles)),
    ...unwind(PASSAGES, all((d) => d.passages).map(({ bands, ...passage }) => ({ ...passage, ...bandProperties(bands) }))),
    ...unwind(ENTITIES, all((d) => d.entities)),
    ...unwind(SUBJECTS, docs.map((d) => d.document).filter((d) => d.subjectId !== null)),
    ...citations("Entity", all((d) => d.mentions)),
    ...unwind(OBSERVATIONS, all((d) => d.observations)),
    ...citations("Observation", all((d) => d.observationCitations)),
    ...unwind(POSTS, all((d) => d.posts)),
    ...citations("Post", all((d) => d.postCitations)),
    ...unwind(RELATIONS, all((d) => d.relations)),
    ...unwind(AUTHORSHIP, all((d) => d.authorship)),
    ...unwind(NEAR_DUPLICATES, all((d) => d.nearDuplicates)),
    ...conflictStatements([...new Set(all((d) => d.factKeys))]),
  ];
}
