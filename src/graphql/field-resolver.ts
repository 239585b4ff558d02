import type { GraphQLFieldResolver } from "graphql";

/**
 * The default for every field without its own resolver: read the value the root's Cypher query
 * put under the field's response key (aliases may ask one field twice with different arguments),
 * falling back to the field name for objects built in code.
 */
export const projectionFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) => {
  if (typeof source !== "object" || source === null) return undefined;
  const record = source as Record<string, unknown>;
  const value = record[String(info.path.key)];
  return value === undefined ? record[info.fieldName] : value;
};
