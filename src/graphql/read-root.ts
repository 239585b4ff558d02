import type { GraphQLResolveInfo } from "graphql";
import type { CypherQuery } from "../db/cypher-query.js";
import type { Executor } from "../db/executor.js";
import { shape } from "../translate/shape.js";
import { projectionFieldResolver } from "./field-resolver.js";

/** Runs a root field's one translated statement and shapes what it returns for the schema's types. */
export async function readRoot<T>(executor: Executor, query: CypherQuery): Promise<T | null> {
  const rows = await executor.read<{ result: unknown }>(query);
  const result = rows[0]?.result;
  return result === undefined || result === null ? null : (shape(result) as T);
}

/** A field already fetched by its root's query, under its response key (its alias, if any). */
export function projected<T>(root: object, info: GraphQLResolveInfo): T {
  return projectionFieldResolver(root, {}, undefined, info) as T;
}
