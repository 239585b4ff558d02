import type { FieldNode, GraphQLResolveInfo } from "graphql";
import type { CypherQuery } from "../db/cypher-query.js";
import type { Executor } from "../db/executor.js";
import { type FieldSelection, selectionOf } from "../translate/selection.js";
import { shape } from "../translate/shape.js";
import { projectionFieldResolver } from "./field-resolver.js";

/** Translations kept per root field node and variables; a root field of one document rarely varies more. */
const PER_FIELD = 32;
/** Variables longer than this as JSON (pasted text) are translated every time instead of kept. */
const MAX_KEY_LENGTH = 4096;

/**
 * Apollo keeps each parsed, validated document (its documentStore, by query hash), so the same query
 * arrives with the same field nodes: their translation for the same variables is the same statement.
 * Keyed weakly by node, so a document dropped from Apollo's store takes its translations with it.
 */
const translations = new WeakMap<FieldNode, Map<string, CypherQuery>>();

/** The root field's statement: translated once per document and variables, then reused. */
export function translatedOnce(info: GraphQLResolveInfo, translate: (selection: FieldSelection) => CypherQuery): CypherQuery {
  const [node] = info.fieldNodes;
  const key = JSON.stringify(info.variableValues);
  if (!node || key.length > MAX_KEY_LENGTH) return translate(selectionOf(info));
  let byVariables = translations.get(node);
  const known = byVariables?.get(key);
  if (known) return known;
  const query = translate(selectionOf(info));
  if (!byVariables) {
    byVariables = new Map();
    translations.set(node, byVariables);
  }
  if (byVariables.size >= PER_FIELD) byVariables.delete(byVariables.keys().next().value as string);
  byVariables.set(key, query);
  return query;
}

/** Runs a root field's one translated statement and shapes what it returns for the schema's types. */
export async function readRoot<T>(executor: Executor, info: GraphQLResolveInfo, translate: (selection: FieldSelection) => CypherQuery): Promise<T | null> {
  const rows = await executor.read<{ result: unknown }>(translatedOnce(info, translate));
  const result = rows[0]?.result;
  return result === undefined || result === null ? null : (shape(result) as T);
}

/** A field already fetched by its root's query, under its response key (its alias, if any). */
export function projected<T>(root: object, info: GraphQLResolveInfo): T {
  return projectionFieldResolver(root, {}, undefined, info) as T;
}
