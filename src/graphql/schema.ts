import "reflect-metadata";
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { ServiceResolver } from "./service/service.resolver.js";

export const RESOLVERS = [ServiceResolver] as const;

export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...RESOLVERS], validate: false });
}

/** The SDL committed in schema/schema.graphql: sorted, so reviews show real changes only. */
export async function printGraphQLSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildGraphQLSchema()))}\n`;
}
