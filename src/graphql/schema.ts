import "reflect-metadata";
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { CurationResolver } from "./curation/curation.resolver.js";
import { EntityResolver } from "./entity/entity.resolver.js";
import { ENTITY_CLASSES } from "./entity/entity.type.js";
import { ObservationResolver } from "./observation/observation.resolver.js";
import { ProvenanceResolver } from "./provenance/provenance.resolver.js";
import { SearchResolver } from "./search/search.resolver.js";
import { ServiceResolver } from "./service/service.resolver.js";

export const RESOLVERS = [EntityResolver, ObservationResolver, ProvenanceResolver, SearchResolver, ServiceResolver, CurationResolver] as const;

export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...RESOLVERS], orphanedTypes: [...ENTITY_CLASSES], validate: false });
}

/** The SDL committed in schema/schema.graphql: sorted, so reviews show real changes only. */
export async function printGraphQLSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildGraphQLSchema()))}\n`;
}
