import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLContext } from "../context.js";
import { Entity } from "../entity/entity.type.js";
import { addAlias, ingestText, mergeEntities } from "./curation.service.js";
import { DocumentMetadataInput, IngestResult } from "./curation.type.js";

/** Curators' writes: each needs the bearer token (CURATOR_TOKEN) and runs in one transaction. */
@Resolver()
export class CurationResolver {
  @Mutation(() => IngestResult, {
    description:
      "Ingests a document's text: all of it or nothing. The same text and metadata again change nothing; the same text with new metadata updates it. With `dryRun: true` nothing is written: the result says what would be, with a preview of every entity, figure, post and relation at its offsets, and the figures left out.",
  })
  ingestDocument(
    @Arg("text", () => String) text: string,
    @Arg("metadata", () => DocumentMetadataInput) metadata: DocumentMetadataInput,
    @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IngestResult> {
    return ingestText(ctx, text, metadata, dryRun);
  }

  @Mutation(() => Entity, {
    description: "Adds another name for an entity (NFKC, invisible characters removed); refused if it already names another one, or has no letter or digit.",
  })
  addAlias(
    @Arg("entity", () => String, { description: "Id, canonical name or alias." }) entity: string,
    @Arg("alias", () => String) alias: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Entity> {
    return addAlias(ctx, info, entity, alias);
  }

  @Mutation(() => Entity, { description: "Folds `remove` into `keep`: names, citations, facts and relationships move; `remove` is deleted." })
  mergeEntities(
    @Arg("keep", () => String) keep: string,
    @Arg("remove", () => String) remove: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Entity> {
    return mergeEntities(ctx, info, keep, remove);
  }
}
