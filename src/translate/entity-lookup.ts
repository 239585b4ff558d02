import type { CypherBuilder } from "./cypher-builder.js";
import { limited } from "./limits.js";
import { phrase } from "./lucene.js";
import { ENTITY_TYPE } from "./model.js";

/** How a name becomes entities, for reads and curators' writes alike. */

/**
 * The entities `value` identifies, as a list expression: by id, canonical name, alias, and for a
 * six-digit value a place's GB/T 2260 code, for a value with `/` a gazetteer path. An expression,
 * not a CALL: a value that identifies nothing gives an empty list, never removes the row.
 */
export function entityLookup(b: CypherBuilder, value: string, argument: string): string {
  const v = b.param(limited(value, argument));
  const branches = [`MATCH (e:Entity {id: ${v}}) RETURN e`, `MATCH (e:Entity {name: ${v}}) RETURN e`];
  if (/^\d{6}$/u.test(value)) branches.push(`MATCH (e:Entity {code: ${v}}) RETURN e`);
  if (value.includes("/")) branches.push(`MATCH (e:Entity {path: ${v}}) RETURN e`);
  // Aliases go through the full-text index; a value with no letter or digit has no token to search for.
  if (/[\p{L}\p{N}]/u.test(value)) {
    branches.push(`CALL db.index.fulltext.queryNodes('entity_search', ${b.param(phrase(value))}) YIELD node WHERE ${v} IN node.aliases RETURN node AS e`);
  }
  return `COLLECT { ${branches.join(" UNION ")} }`;
}

/** Kinds in the order a name shared by several entities is settled: places, zones, projects … policies, indicators last. */
const KIND_ORDER = Object.keys(ENTITY_TYPE);
const METHOD_ORDER = ["CURATED", "REFERENCE", "RULE"];

/**
 * The order of the entities a name identifies, first the one `entity(name:)` returns: identified
 * exactly (id, canonical name, code or path) before by an alias; then by kind (KIND_ORDER); then by
 * how the entity was established (curated, reference data, extraction rules); then by id.
 */
export function entityRank(e: string, v: string): string {
  const exact = `CASE WHEN ${e}.id = ${v} OR ${e}.name = ${v} OR ${e}.code = ${v} OR ${e}.path = ${v} THEN 0 ELSE 1 END`;
  const kind = `CASE ${e}.kind ${KIND_ORDER.map((k, i) => `WHEN '${k}' THEN ${i}`).join(" ")} ELSE ${KIND_ORDER.length} END`;
  const method = `CASE ${e}.method ${METHOD_ORDER.map((m, i) => `WHEN '${m}' THEN ${i}`).join(" ")} ELSE ${METHOD_ORDER.length} END`;
  return `${exact}, ${kind}, ${method}, ${e}.id`;
}
