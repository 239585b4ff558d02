import type { CypherBuilder } from "./cypher-builder.js";
import { limited } from "./limits.js";
import { phrase } from "./lucene.js";
import { ENTITY_TYPE } from "./model.js";

/** How a name becomes entities, for reads and curators' writes alike. */

/** A lookup's branches, each a subquery body that leaves what it finds as `e`: the exact ones, and the alias one (none for a value without a letter or digit). */
function lookupBranches(b: CypherBuilder, value: string, argument: string, kind?: string): { exact: string[]; alias: string | undefined } {
  const v = b.param(limited(value, argument));
  const ofKind = kind === undefined ? "" : ` WHERE ${kind} IS NULL OR e.kind = ${kind}`;
  const exact = [`MATCH (e:Entity {id: ${v}})${ofKind}`, `MATCH (e:Entity {name: ${v}})${ofKind}`];
  if (/^\d{6}$/u.test(value)) exact.push(`MATCH (e:Entity {code: ${v}})${ofKind}`);
  if (value.includes("/")) exact.push(`MATCH (e:Entity {path: ${v}})${ofKind}`);
  // Aliases are whole terms of the keyword index; a value with no letter or digit is never an alias (addAlias refuses those).
  const alias = /[\p{L}\p{N}]/u.test(value)
    ? `CALL db.index.fulltext.queryNodes('entity_alias', ${b.param(phrase(value))}) YIELD node WITH node AS e WHERE ${v} IN e.aliases${kind === undefined ? "" : ` AND (${kind} IS NULL OR e.kind = ${kind})`}`
    : undefined;
  return { exact, alias };
}

/**
 * The entities `value` identifies, as a list expression: by id, canonical name, alias, and for a
 * six-digit value a place's GB/T 2260 code, for a value with `/` a gazetteer path. An expression,
 * not a CALL: a value that identifies nothing gives an empty list, never removes the row.
 */
export function entityLookup(b: CypherBuilder, value: string, argument: string): string {
  const { exact, alias } = lookupBranches(b, value, argument);
  return `COLLECT { ${[...exact, ...(alias === undefined ? [] : [alias])].map((branch) => `${branch} RETURN e`).join(" UNION ")} }`;
}

/**
 * The entities a filter's `value` names, as a list expression: those it identifies exactly (id,
 * canonical name, code, path), or when there are none, those that have it as an alias — the rule
 * `entity(name:)` follows, and the one addAlias keeps (an alias may not be another entity's name).
 * The alias index is asked only when nothing is named exactly. `kind` (a parameter) limits both.
 */
export function namedEntities(b: CypherBuilder, value: string, argument: string, kind?: string): string {
  const { exact, alias } = lookupBranches(b, value, argument, kind);
  const exactly = exact.map((branch) => `${branch} RETURN e`).join(" UNION ");
  if (alias === undefined) return `COLLECT { ${exactly} }`;
  return `COLLECT { ${exactly} UNION WITH COLLECT { ${exactly} } AS exact WITH exact WHERE size(exact) = 0 ${alias} RETURN e }`;
}

/**
 * Clauses that leave as `e` the one entity of `kind` (a parameter; null for any) that `value`
 * names (namedEntities), first by entityRank; no row when none. Exact matches rank before alias
 * matches, so this is the first of every match, without asking the alias index when one is exact.
 */
export function firstEntity(b: CypherBuilder, value: string, argument: string, kind: string): string {
  return `UNWIND ${namedEntities(b, value, argument, kind)} AS e\nWITH e ORDER BY ${entityRank("e", b.param(value))} LIMIT 1`;
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
