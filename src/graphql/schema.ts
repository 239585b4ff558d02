import "reflect-metadata";
import { type GraphQLSchema, isObjectType, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema, getMetadataStorage } from "type-graphql";
import { CurationResolver } from "./curation/curation.resolver.js";
import { EntityResolver } from "./entity/entity.resolver.js";
import { ENTITY_CLASSES } from "./entity/entity.type.js";
import { projectionFieldResolver } from "./field-resolver.js";
import { ObservationResolver } from "./observation/observation.resolver.js";
import { ArticleResolver, ProvenanceResolver } from "./provenance/provenance.resolver.js";
import { SearchResolver } from "./search/search.resolver.js";
import { ServiceResolver } from "./service/service.resolver.js";

export const RESOLVERS = [EntityResolver, ObservationResolver, ProvenanceResolver, ArticleResolver, SearchResolver, ServiceResolver, CurationResolver] as const;

/** Whether `typeName.fieldName` has a @FieldResolver method, on the type's class or on an interface it implements. */
function hasFieldResolver(typeName: string, fieldName: string): boolean {
  const storage = getMetadataStorage();
  const classes = new Set<unknown>();
  const add = (target: unknown): void => {
    if (target === undefined || classes.has(target)) return;
    classes.add(target);
    const meta = storage.objectTypes.find((o) => o.target === target) ?? storage.interfaceTypes.find((i) => i.target === target);
    for (const parent of meta?.interfaceClasses ?? []) add(parent);
  };
  add(storage.objectTypes.find((o) => o.name === typeName)?.target);
  return storage.fieldResolvers.some((r) => r.schemaName === fieldName && r.getObjectType !== undefined && classes.has(r.getObjectType()));
}

/**
 * type-graphql gives every plain field a resolver reading `root[fieldName]`, which ignores aliases;
 * the maps a translated query returns are keyed by response key, so those fields read with the
 * projection resolver instead (objects built in code still read by field name).
 */
function readFieldsByResponseKey(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || roots.has(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!hasFieldResolver(type.name, field.name)) field.resolve = projectionFieldResolver;
    }
  }
  return schema;
}

export async function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return readFieldsByResponseKey(await buildSchema({ resolvers: [...RESOLVERS], orphanedTypes: [...ENTITY_CLASSES], validate: false }));
}

/** The SDL committed in schema/schema.graphql: sorted, so reviews show real changes only. */
export async function printGraphQLSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildGraphQLSchema()))}\n`;
}
