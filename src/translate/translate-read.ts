import type { CypherQuery } from "../db/cypher-query.js";
import { BadUserInputError } from "../errors/client-errors.js";
import { CypherBuilder } from "./cypher-builder.js";
import { entityLookup, entityRank, firstEntity, namedEntities } from "./entity-lookup.js";
import { clip, limited } from "./limits.js";
import { planSearch } from "./lucene.js";
import { ID_PREFIX, labelOf } from "./model.js";
import { asked, connection, edgeEntries, mapOf, observationOrder, project } from "./projections.js";
import type { FieldSelection } from "./selection.js";

/**
 * Root fields → one parameterised Cypher statement each, returning a single column `result`.
 * Pure: no IO here; `src/db/executor.ts` runs what these return.
 */

export function translateEntity(selection: FieldSelection, args: { name: string; kind?: string | null }): CypherQuery {
  const b = new CypherBuilder();
  return b.build(`
${firstEntity(b, args.name, "name", b.param(args.kind ?? null))}
RETURN ${project(b, "e", "Entity", selection)} AS result`);
}

export function translateEntities(selection: FieldSelection, args: { name?: string | null; kind?: string | null }): CypherQuery {
  const b = new CypherBuilder();
  const edge = (fields: FieldSelection[]): Array<[string, string]> => edgeEntries(b, fields, "e", "Entity");
  if (typeof args.name === "string") {
    // Every entity the name identifies, in the order entity(name:) picks from.
    const lookup = entityLookup(b, args.name, "name");
    const kind = b.param(args.kind ?? null);
    return b.build(`
WITH ${lookup} AS matches
RETURN ${connection(b, selection, {
      connectionType: "EntityConnection",
      edgeType: "EntityEdge",
      match: "UNWIND matches AS e WITH e",
      where: [`${kind} IS NULL OR e.kind = ${kind}`],
      carry: "e",
      order: entityRank("e", b.param(args.name)),
      edge,
    })} AS result`);
  }
  // Ids are "kind:name", so the kind's ids are the range `kind:` ≤ id < `kind;` (';' follows ':') of the
  // unique id index, handed over in id order. The index seeks that range and a cursor's `id > after`
  // together (of a STARTS WITH it would seek the prefix and filter the cursor's bound row by row),
  // so a page reads one page of rows, not every entity of the kind before it.
  const prefix = args.kind?.toLowerCase();
  const where = prefix ? [`e.id >= ${b.param(`${prefix}:`)}`, `e.id < ${b.param(`${prefix};`)}`, `e.kind = ${b.param(args.kind)}`] : ["e.id IS NOT NULL"];
  return b.build(
    `RETURN ${connection(b, selection, {
      connectionType: "EntityConnection",
      edgeType: "EntityEdge",
      match: "MATCH (e:Entity)",
      where,
      carry: "e",
      order: { list: args.kind ? `entities.${args.kind}` : "entities", keys: [{ expr: "e.id", type: "string" }] },
      edge,
    })} AS result`,
  );
}

export function translateDocuments(selection: FieldSelection): CypherQuery {
  const b = new CypherBuilder();
  return b.build(
    `RETURN ${connection(b, selection, {
      connectionType: "DocumentConnection",
      edgeType: "DocumentEdge",
      match: "MATCH (d:Document)",
      carry: "d",
      order: "d.id",
      edge: (fields) => edgeEntries(b, fields, "d", "Document"),
    })} AS result`,
  );
}

/** Any node by its global id: the id's prefix names the type (a fixed list); a bare id is a document. */
export function translateNode(selection: FieldSelection, id: string): CypherQuery {
  const b = new CypherBuilder();
  limited(id, "id");
  const typeName = id.includes(":") ? ID_PREFIX.get(id.slice(0, id.indexOf(":"))) : "Document";
  if (!typeName) throw new BadUserInputError(`"${clip(id)}" is not an id of this API`, { argument: "id" });
  return b.build(`MATCH (n:${labelOf(typeName)} {id: ${b.param(id)}}) RETURN ${project(b, "n", typeName, selection)} AS result`);
}

/** Added to the relevance of an entity whose name or an alias is exactly the query. */
export const EXACT_NAME_BONUS = 1000.0;

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
  const exact = b.param(plan.text);
  // An entity named exactly what was typed (name or alias) is the best hit, before any sentence that contains it.
  return `
  CALL db.index.fulltext.queryNodes('entity_search', ${q}) YIELD node, score
  WITH node, score WHERE ${kinds} IS NULL OR node.kind IN ${kinds}
  RETURN node, score + CASE WHEN node.name = ${exact} OR ${exact} IN node.aliases THEN ${EXACT_NAME_BONUS} ELSE 0.0 END AS score
  UNION ALL
  CALL db.index.fulltext.queryNodes('passage_search', ${q}) YIELD node, score
  WITH node, score WHERE ${kinds} IS NULL
  RETURN node, score`;
}

export function translateSearch(selection: FieldSelection, args: { query: string; kinds?: readonly string[] | null }): CypherQuery {
  const b = new CypherBuilder();
  const kinds = b.param(args.kinds && args.kinds.length > 0 ? [...new Set(args.kinds)] : null);
  // All hits are ranked once; the page is a range of positions in that ranking.
  return b.build(`
CALL () {${searchHits(b, args.query, kinds)}
}
WITH node, score ORDER BY score DESC, node.id
WITH collect({node: node, score: score}) AS hits
RETURN ${connection(b, selection, {
    connectionType: "SearchConnection",
    edgeType: "SearchEdge",
    match: "UNWIND range(0, size(hits) - 1) AS i",
    carry: "i, hits[i].node AS node, hits[i].score AS score",
    order: "i",
    total: "size(hits)",
    edge: (fields) => edgeEntries(b, fields, "node", "SearchHit", new Map([["score", () => "score"]])),
  })} AS result`);
}

export interface ObservationFilter {
  subject?: string | null;
  indicator?: string | null;
  period?: number | null;
  kind?: string | null;
}

export function translateObservations(selection: FieldSelection, filter: ObservationFilter): CypherQuery {
  const b = new CypherBuilder();
  const lists: string[] = [];
  const conditions: string[] = [];
  // Subject and indicator are lists (empty when the name identifies nothing): the walk starts from the narrower one given.
  let start = "MATCH (o:Observation)";
  if (typeof filter.subject === "string") {
    lists.push(`${namedEntities(b, filter.subject, "subject")} AS subjects`);
    start = "UNWIND subjects AS s MATCH (o:Observation)-[:ABOUT]->(s)";
  }
  if (typeof filter.indicator === "string") {
    lists.push(`${namedEntities(b, filter.indicator, "indicator", b.param("INDICATOR"))} AS indicators`);
    if (typeof filter.subject === "string") conditions.push("EXISTS { (o)-[:OF_INDICATOR]->(i) WHERE i IN indicators }");
    else start = "UNWIND indicators AS i MATCH (o:Observation)-[:OF_INDICATOR]->(i)";
  }
  if (typeof filter.period === "number") conditions.push(`o.period = ${b.param(filter.period)}`);
  if (typeof filter.kind === "string") conditions.push(`o.kind = ${b.param(filter.kind)}`);
  // A name may identify several entities, and one observation may be about two of them: it is listed once.
  const distinct = lists.length > 0;
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(" AND ")}` : "";
  return b.build(`
${lists.length > 0 ? `WITH ${lists.join(", ")}\n` : ""}RETURN ${connection(b, selection, {
    connectionType: "ObservationConnection",
    edgeType: "ObservationEdge",
    match: start,
    where: conditions,
    carry: distinct ? "DISTINCT o" : "o",
    order: observationOrder("o", "observations"),
    ...(distinct ? { total: `COUNT { ${start}${where} RETURN DISTINCT o }` } : {}),
    edge: (fields) => edgeEntries(b, fields, "o", "Observation"),
  })} AS result`);
}

/**
 * Each target of the subject for the year beside the result for the same indicator, measure and
 * unit (the most cited one if several). `met` compares normalised values: at most for AT_MOST
 * targets, at least otherwise; null without a result. `matched` tells an unknown subject apart.
 * The subject's results for the year are read once and each target picks from them: a subject's
 * observations of every year are walked twice, not once per target.
 */
export function translateTargetAttainment(selection: FieldSelection, args: { subject: string; period: number }): CypherQuery {
  const b = new CypherBuilder();
  const lookup = namedEntities(b, args.subject, "subject");
  const period = b.param(args.period);
  const item = mapOf(
    asked(selection, "Attainment").map((f): [string, string] => {
      switch (f.field) {
        case "indicator":
          return [f.key, project(b, "i", "Indicator", f)];
        case "target":
          return [f.key, project(b, "t", "Observation", f)];
        case "actual":
          return [f.key, `CASE WHEN a IS NULL THEN null ELSE ${project(b, "a", "Observation", f)} END`];
        case "met":
          return [
            f.key,
            `CASE WHEN a IS NULL THEN null WHEN t.qualifier = 'AT_MOST' THEN a.normalizedValue <= t.normalizedValue ELSE a.normalizedValue >= t.normalizedValue END`,
          ];
        default:
          throw new Error(`Attainment.${f.field} has no translation`);
      }
    }),
  );
  return b.build(`
WITH ${lookup} AS subjects
RETURN {matched: size(subjects), items: COLLECT {
  UNWIND subjects AS s
  WITH s, COLLECT {
    MATCH (s)<-[:ABOUT]-(a:Observation)-[:OF_INDICATOR]->(ai:Indicator)
    WHERE a.kind = 'ACTUAL' AND a.period = ${period}
    WITH a, ai ORDER BY COUNT { (a)-[:CITED_IN]->() } DESC, a.id
    RETURN {a: a, i: ai, measure: a.measure, unit: a.normalizedUnit}
  } AS actuals
  MATCH (s)<-[:ABOUT]-(t:Observation)-[:OF_INDICATOR]->(i:Indicator)
  WHERE t.kind = 'TARGET' AND t.period = ${period}
  WITH t, i, head([x IN actuals WHERE x.i = i AND x.measure = t.measure AND x.unit = t.normalizedUnit | x.a]) AS a
  WITH t, i, a ORDER BY i.name, t.id
  RETURN ${item}
}} AS result`);
}

/**
 * Observations matched by one statement, with how many entities each name identified (`counts`, so
 * the service can tell "unknown name" from "no figures").
 */
function observationList(b: CypherBuilder, selection: FieldSelection, spec: { lookups: string; counts: string; match: string; order: string }): CypherQuery {
  return b.build(`
WITH ${spec.lookups}
RETURN {${spec.counts}, items: COLLECT {
  ${spec.match}
  WITH o ORDER BY ${spec.order}
  RETURN ${project(b, "o", "Observation", selection)}
}} AS result`);
}

/** One indicator in one year across subjects (all kinds unless one is given), by subject name. */
export function translateCompare(selection: FieldSelection, args: { indicator: string; period: number; kind?: string | null }): CypherQuery {
  const b = new CypherBuilder();
  const kind = b.param(args.kind ?? null);
  return observationList(b, selection, {
    lookups: `[e IN ${namedEntities(b, args.indicator, "indicator", b.param("INDICATOR"))} WHERE e:Indicator] AS indicators`,
    counts: "indicators: size(indicators)",
    match: `UNWIND indicators AS i
  MATCH (o:Observation {period: ${b.param(args.period)}})-[:OF_INDICATOR]->(i)
  WHERE ${kind} IS NULL OR o.kind = ${kind}
  MATCH (o)-[:ABOUT]->(s)
  WITH o, s`,
    order: "s.name, s.id, o.kind, o.measure, o.id",
  });
}

/** One subject's figures of one indicator over the years, oldest first. */
export function translateSeries(selection: FieldSelection, args: { subject: string; indicator: string }): CypherQuery {
  const b = new CypherBuilder();
  return observationList(b, selection, {
    lookups: `${namedEntities(b, args.subject, "subject")} AS subjects, [e IN ${namedEntities(b, args.indicator, "indicator", b.param("INDICATOR"))} WHERE e:Indicator] AS indicators`,
    counts: "subjects: size(subjects), indicators: size(indicators)",
    match: `UNWIND subjects AS s
  MATCH (o:Observation)-[:ABOUT]->(s)
  WHERE EXISTS { (o)-[:OF_INDICATOR]->(i) WHERE i IN indicators }`,
    order: "o.period, o.kind, o.measure, o.id",
  });
}
