import type { CypherQuery } from "../db/cypher-query.js";
import { CypherBuilder } from "./cypher-builder.js";
import { entityLookup, entityRank } from "./entity-lookup.js";
import { ENTITY_RELATION_TYPES } from "./model.js";
import { project } from "./projections.js";
import type { FieldSelection } from "./selection.js";

/** Curators' writes as parameterised statements; `src/graphql/curation/curation.service.ts` runs them in one transaction. */

/** Ids and kinds of the entities `value` identifies, in the order `entity(name:)` picks from (see entity-lookup.ts). */
export function lookupEntity(value: string): CypherQuery {
  const b = new CypherBuilder();
  return b.build(
    `UNWIND ${entityLookup(b, value, "entity")} AS e WITH e ORDER BY ${entityRank("e", b.param(value))} RETURN e.id AS id, e.kind AS kind, e.name AS name`,
  );
}

export function addAliasStatement(id: string, alias: string, selection: FieldSelection): CypherQuery {
  const b = new CypherBuilder();
  const a = b.param(alias);
  return b.build(`
MATCH (e:Entity {id: ${b.param(id)}})
SET e.aliases = CASE WHEN ${a} IN coalesce(e.aliases, []) OR e.name = ${a} THEN coalesce(e.aliases, []) ELSE coalesce(e.aliases, []) + ${a} END
SET e.searchText = reduce(s = e.name, x IN e.aliases | s + ' ' + x)
RETURN ${project(b, "e", "Entity", selection)} AS result`);
}

export function readEntityStatement(id: string, selection: FieldSelection): CypherQuery {
  const b = new CypherBuilder();
  return b.build(`MATCH (e:Entity {id: ${b.param(id)}}) RETURN ${project(b, "e", "Entity", selection)} AS result`);
}

/**
 * Everything that points at `remove` moves to `keep`, then `remove` goes: its names become
 * aliases of `keep`, citations and facts follow, relationships merge their citations.
 * Relationship types come from the fixed list below, one statement each.
 */
export function mergeEntitiesStatements(keepId: string, removeId: string): CypherQuery[] {
  const b = new CypherBuilder();
  const keep = b.param(keepId);
  const remove = b.param(removeId);
  const params = { [keep.slice(1)]: keepId, [remove.slice(1)]: removeId };
  const q = (cypher: string): CypherQuery => ({ cypher: cypher.trim(), params });
  const entityRelations = ENTITY_RELATION_TYPES.flatMap((type) => [
    q(`MATCH (r:Entity {id: ${remove}})-[old:${type}]->(other:Entity), (k:Entity {id: ${keep}}) WHERE other <> k
       MERGE (k)-[new:${type}]->(other)
       SET new.citations = coalesce(new.citations, []) + [c IN coalesce(old.citations, []) WHERE NOT c IN coalesce(new.citations, [])],
           new.method = CASE WHEN new.method = 'CURATED' OR old.method = 'CURATED' THEN 'CURATED' ELSE coalesce(new.method, old.method) END`),
    q(`MATCH (other:Entity)-[old:${type}]->(r:Entity {id: ${remove}}), (k:Entity {id: ${keep}}) WHERE other <> k
       MERGE (other)-[new:${type}]->(k)
       SET new.citations = coalesce(new.citations, []) + [c IN coalesce(old.citations, []) WHERE NOT c IN coalesce(new.citations, [])],
           new.method = CASE WHEN new.method = 'CURATED' OR old.method = 'CURATED' THEN 'CURATED' ELSE coalesce(new.method, old.method) END`),
  ]);
  return [
    q(`MATCH (r:Entity {id: ${remove}})-[c:CITED_IN]->(p:Passage), (k:Entity {id: ${keep}})
       MERGE (k)-[n:CITED_IN {start: c.start, end: c.end}]->(p) SET n.quote = c.quote, n.method = c.method`),
    q(`MATCH (o:Observation)-[:ABOUT]->(r:Entity {id: ${remove}}), (k:Entity {id: ${keep}})
       MERGE (o)-[:ABOUT]->(k)
       SET o.factKey = k.id + substring(o.factKey, size(r.id))`),
    q(`MATCH (o:Observation)-[:OF_INDICATOR]->(r:Entity {id: ${remove}}), (k:Entity {id: ${keep}})
       MERGE (o)-[:OF_INDICATOR]->(k)
       WITH o, r, k, split(o.factKey, '|') AS parts
       SET o.factKey = parts[0] + '|' + k.id + substring(o.factKey, size(parts[0]) + 1 + size(r.id))`),
    q(`MATCH (r:Entity {id: ${remove}})-[:HOLDS]->(post:Post), (k:Entity {id: ${keep}}) MERGE (k)-[:HOLDS]->(post)`),
    q(`MATCH (post:Post)-[:POST_IN]->(r:Entity {id: ${remove}}), (k:Entity {id: ${keep}}) MERGE (post)-[:POST_IN]->(k)`),
    q(`MATCH (a:Article)-[:WRITTEN_BY]->(r:Entity {id: ${remove}}), (k:Entity {id: ${keep}}) MERGE (a)-[:WRITTEN_BY]->(k)`),
    q(`MATCH (a:Article)-[:PHOTOGRAPHED_BY]->(r:Entity {id: ${remove}}), (k:Entity {id: ${keep}}) MERGE (a)-[:PHOTOGRAPHED_BY]->(k)`),
    ...entityRelations,
    q(`MATCH (r:Entity {id: ${remove}}), (k:Entity {id: ${keep}})
       SET k.aliases = reduce(acc = coalesce(k.aliases, []), x IN [r.name] + coalesce(r.aliases, []) | CASE WHEN x = k.name OR x IN acc THEN acc ELSE acc + x END)
       SET k.searchText = reduce(s = k.name, x IN k.aliases | s + ' ' + x)
       DETACH DELETE r`),
    // Facts that became the same fact (same key and value) fold into one with all their citations.
    q(`MATCH (o:Observation) WHERE EXISTS { (o)-[:ABOUT|OF_INDICATOR]->(:Entity {id: ${keep}}) }
       WITH o.factKey AS key, o.qualifier AS qualifier, o.normalizedValue AS value, collect(o) AS same WHERE size(same) > 1
       WITH head(same) AS first, tail(same) AS duplicates
       UNWIND duplicates AS dup
       OPTIONAL MATCH (dup)-[c:CITED_IN]->(p:Passage)
       FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END |
         MERGE (first)-[n:CITED_IN {start: c.start, end: c.end}]->(p) SET n.quote = c.quote, n.method = c.method)
       WITH DISTINCT dup DETACH DELETE dup`),
  ];
}
