import type { GraphQLFieldResolver } from "graphql";
import { isProjection } from "../translate/shape.js";

/**
 * The resolver of every field without its own: a map a root's Cypher query returned holds each
 * field under its response key (aliases may ask one field twice with different arguments), so it is
 * read by that key, as an own property only (an alias may be `toString` or `__proto__`); an object
 * built in code (service info, an ingest result) is read by field name, as graphql-js would.
 */
export const projectionFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) => {
  if (typeof source !== "object" || source === null) return undefined;
  if (isProjection(source)) {
    const key = String(info.path.key);
    return Object.hasOwn(source, key) ? source[key] : undefined;
  }
  return (source as Record<string, unknown>)[info.fieldName];
};
