import type { CypherQuery } from "../db/cypher-query.js";
import { BadUserInputError } from "../errors/client-errors.js";
import { page } from "./cursor.js";
import { CypherBuilder } from "./cypher-builder.js";
import { phrase, planSearch } from "./lucene.js";
import { ID_PREFIX, labelOf } from "./model.js";
import { connection, project } from "./projections.js";
import { type FieldSelection, fieldsFor } from "./selection.js";

/**
 * Root fields → one parameterised Cypher statement each, returning a single column `result`.
 * Pure: no IO here; `src/db/executor.ts` runs what these return.
 */

/** Entities whose id, canonical name or alias is `value`, bound to `e`. Alias lookups go through the full-text index. */
function entityLookup(b: CypherBuilder, value: string): string {
  const v = b.param(value);
  const branches = [`MATCH (e:Entity {id: ${v}}) RETURN e`, `MATCH (e:Entity {name: ${v}}) RETURN e`];
  // A six-digit value is also a place's GB/T 2260 code.
  if (/^\d{6}$/u.test(value)) branches.push(`MATCH (e:Entity {code: ${v}}) RETURN e`);
  if (value.includes("/")) branches.push(`MATCH (e:Entity {path: ${v}}) RETURN e`);
  // A value with no letter or digit has no token to search for; exact matches only.
  if (/[\p{L}\p{N}]/u.test(value)) {
    branches.push(`CALL db.index.fulltext.queryNodes('entity_search', ${b.param(phrase(value))}) YIELD node WHERE ${v} IN node.aliases RETURN node AS e`);
  }
  return `CALL () { ${branches.join(" UNION ")} }`;
}

export function translateEntity(selection: FieldSelection, args: { name: string; kind?: string | null }): CypherQuery {
  const b = new CypherBuilder();
  const lookup = entityLookup(b, args.name);
  const kind = b.param(args.kind ?? null);
  const name = b.param(args.name);
  return b.build(`
${lookup}
WITH DISTINCT e WHERE ${kind} IS NULL OR e.kind = ${kind}
WITH e ORDER BY CASE WHEN e.name = ${name} THEN 0 ELSE 1 END, e.id LIMIT 1
RETURN ${project(b, "e", "Entity", selection)} AS result`);
}

export function translateEntities(selection: FieldSelection, args: { kind?: string | null }): CypherQuery {
  const b = new CypherBuilder();
  // Ids are "kind:name": a prefix range on the unique id index hands rows over in id order, so a
  // page reads its offset plus one page, not every entity of the kind.
  const where = args.kind
    ? ` WHERE e.id STARTS WITH ${b.param(`${args.kind.toLowerCase()}:`)} AND e.kind = ${b.param(args.kind)}`
    : " WHERE e.id IS NOT NULL";
  return b.build(`RETURN ${connection(b, selection, {
    connectionType: "EntityConnection",
    edgeType: "EntityEdge",
    pattern: `MATCH (e:Entity)${where}`,
    carry: "e",
    order: "e.id",
    edge: (fields) => edgeNode(b, fields, "e", "Entity"),
  })} AS result`);
}

export function translateDocuments(selection: FieldSelection): CypherQuery {
  const b = new CypherBuilder();
  return b.build(`RETURN ${connection(b, selection, {
    connectionType: "DocumentConnection",
    edgeType: "DocumentEdge",
    pattern: "MATCH (d:Document)",
    carry: "d",
    order: "d.id",
    edge: (fields) => edgeNode(b, fields, "d", "Document"),
  })} AS result`);
}

/** Any node by its global id: the id's prefix names the type (a fixed list); a bare id is a document. */
export function translateNode(selection: FieldSelection, id: string): CypherQuery {
  const b = new CypherBuilder();
  const prefix = id.includes(":") ? id.slice(0, id.indexOf(":")) : "";
  const typeName = id.includes(":") ? ID_PREFIX[prefix] : "Document";
  if (!typeName) throw new BadUserInputError(`"${id}" is not an id of this API`, { argument: "id" });
  return b.build(`MATCH (n:${labelOf(typeName)} {id: ${b.param(id)}}) RETURN ${project(b, "n", typeName, selection)} AS result`);
}

/** Hits as (node, score) rows: full-text relevance, or for one character, shorter names and texts first. */
function searchHits(b: CypherBuilder, query: string, kinds: string): string {
  const plan = planSearch(query);
  if (plan.mode === "contains") {
    const c = b.param(plan.text);
    return `
  MATCH (node:Entity) WHERE node.name CONTAINS ${c} AND (${kinds} IS NULL OR node.kind IN ${kinds})
  RETURN node, 1.0 / size(node.name) AS score
  UNION ALL
  MATCH (node:Passage) WHERE ${kinds} IS NULL AND node.text CONTAINS ${c}
  RETURN node, 0.1 / size(node.text) AS score`;
  }
  const q = b.param(plan.lucene);
  return `
  CALL db.index.fulltext.queryNodes('entity_search', ${q}) YIELD node, score
  WITH node, score WHERE ${kinds} IS NULL OR node.kind IN ${kinds}
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('passage_search', ${q}) YIELD node, score
  WITH node, score WHERE ${kinds} IS NULL
  RETURN node, score`;
}

export function translateSearch(selection: FieldSelection, args: { query: string; kinds?: string[] | null }): CypherQuery {
  const b = new CypherBuilder();
  const kinds = b.param(args.kinds && args.kinds.length > 0 ? args.kinds : null);
  const fields = fieldsFor(selection, "SearchConnection", []);
  const edges = fields.filter((f) => f.field === "edges");
  const edgeFields = edges.flatMap((e) => fieldsFor(e, "SearchEdge", []));
  const { offset, first } = page(selection.args);
  const off = b.param(offset);
  const lim = b.param(first);
  // The range reads one hit past the page: its presence is hasNextPage (shape.ts).
  return b.build(`
CALL () {${searchHits(b, args.query, kinds)}
}
WITH node, score ORDER BY score DESC, node.id
WITH collect({node: node, score: score}) AS hits
RETURN {__connection: true, offset: ${off}, first: ${lim}, totalCount: size(hits), items: COLLECT {
  UNWIND range(toInteger(${off}), toInteger(${off}) + toInteger(${lim})) AS i
  WITH i, hits[i] AS hit WHERE hit IS NOT NULL
  WITH i, hit.node AS node, hit.score AS score ORDER BY i
  RETURN ${edgeNodeWith(b, edgeFields, "node", "SearchHit", { score: "score" })}
}} AS result`);
}

export interface ObservationFilter {
  subject?: string | null;
  indicator?: string | null;
  period?: number | null;
  kind?: string | null;
}

export function translateObservations(selection: FieldSelection, filter: ObservationFilter): CypherQuery {
  const b = new CypherBuilder();
  const prelude: string[] = [];
  const conditions: string[] = [];
  let start = "MATCH (o:Observation)";
  if (filter.subject) {
    prelude.push(`${entityLookup(b, filter.subject)} WITH collect(DISTINCT e) AS subjects`);
    start = "UNWIND subjects AS s MATCH (o:Observation)-[:ABOUT]->(s)";
  }
  if (filter.indicator) {
    prelude.push(`${entityLookup(b, filter.indicator)} WITH ${filter.subject ? "subjects, " : ""}collect(DISTINCT e) AS indicators`);
    conditions.push("EXISTS { (o)-[:OF_INDICATOR]->(i) WHERE i IN indicators }");
  }
  if (typeof filter.period === "number") conditions.push(`o.period = ${b.param(filter.period)}`);
  if (filter.kind) conditions.push(`o.kind = ${b.param(filter.kind)}`);
  const pattern = `${start}${conditions.length > 0 ? ` WHERE ${conditions.join(" AND ")}` : ""}`;
  return b.build(`
${prelude.join("\n")}
RETURN ${connection(b, selection, {
    connectionType: "ObservationConnection",
    edgeType: "ObservationEdge",
    pattern,
    carry: "o",
    order: "o.period, o.kind, o.id",
    edge: (fields) => edgeNode(b, fields, "o", "Observation"),
  })} AS result`);
}

/**
 * Each target of the subject for the year beside the result for the same indicator, measure and
 * unit (the most cited one if several). `met` compares normalised values: at most for AT_MOST
 * targets, at least otherwise; null without a result. `matched` tells an unknown subject apart.
 */
export function translateTargetAttainment(selection: FieldSelection, args: { subject: string; period: number }): CypherQuery {
  const b = new CypherBuilder();
  const lookup = entityLookup(b, args.subject);
  const period = b.param(args.period);
  const fields = fieldsFor(selection, "Attainment", []);
  const item = `{${fields
    .map((f) => {
      const k = `\`${f.key}\``;
      switch (f.field) {
        case "indicator":
          return `${k}: ${project(b, "i", "Indicator", f)}`;
        case "target":
          return `${k}: ${project(b, "t", "Observation", f)}`;
        case "actual":
          return `${k}: CASE WHEN a IS NULL THEN null ELSE ${project(b, "a", "Observation", f)} END`;
        case "met":
          return `${k}: CASE WHEN a IS NULL THEN null WHEN t.qualifier = 'AT_MOST' THEN a.normalizedValue <= t.normalizedValue ELSE a.normalizedValue >= t.normalizedValue END`;
        default:
          throw new Error(`Attainment.${f.field} has no translation`);
      }
    })
    .join(", ")}}`;
  return b.build(`
${lookup}
WITH collect(DISTINCT e) AS subjects
RETURN {matched: size(subjects), items: COLLECT {
  UNWIND subjects AS s
  MATCH (t:Observation {kind: 'TARGET', period: ${period}})-[:ABOUT]->(s)
  MATCH (t)-[:OF_INDICATOR]->(i:Indicator)
  OPTIONAL CALL (t, i, s) {
    MATCH (a:Observation {kind: 'ACTUAL', period: t.period})-[:ABOUT]->(s)
    WHERE a.measure = t.measure AND a.normalizedUnit = t.normalizedUnit AND (a)-[:OF_INDICATOR]->(i)
    RETURN a ORDER BY COUNT { (a)-[:CITED_IN]->() } DESC, a.id LIMIT 1
  }
  WITH t, i, a ORDER BY i.name, t.id
  RETURN ${item}
}} AS result`);
}

/** An edge map holding only `node`. */
function edgeNode(b: CypherBuilder, fields: FieldSelection[], variable: string, typeName: string): string {
  return edgeNodeWith(b, fields, variable, typeName, {});
}

function edgeNodeWith(b: CypherBuilder, fields: FieldSelection[], variable: string, typeName: string, extra: Record<string, string>): string {
  const entries = fields
    .filter((f) => f.field !== "cursor")
    .map((f) => {
      if (f.field === "node") return `\`${f.key}\`: ${project(b, variable, typeName, f)}`;
      const expression = extra[f.field];
      if (!expression) throw new Error(`edge field ${f.field} has no translation`);
      return `\`${f.key}\`: ${expression}`;
    });
  return `{${entries.join(", ")}}`;
}
