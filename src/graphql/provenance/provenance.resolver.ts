import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../context.js";
import { Entity, Person } from "../entity/entity.type.js";
import { projected } from "../read-root.js";
import { listDocuments } from "./provenance.service.js";
import { Article, Document, DocumentConnection, PassageConnection } from "./provenance.type.js";

@Resolver(() => Document)
export class ProvenanceResolver {
  @Query(() => DocumentConnection, { description: "The source documents, by id." })
  documents(
    @Arg("first", () => Int, { nullable: true, description: "Page size: default 20, at most 100." }) _first: number | null,
    @Arg("after", () => String, { nullable: true }) _after: string | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DocumentConnection> {
    return listDocuments(ctx.executor, info);
  }

  // Entity-typed fields are declared here, not in provenance.type.ts: entity.type.ts imports that file for Citation.
  @FieldResolver(() => Entity, {
    nullable: true,
    description:
      "The place the document is about: given at ingest, or found in its title, heading, signature or opening words; null when the text does not say.",
  })
  subject(@Root() root: Document, @Info() info: GraphQLResolveInfo): Entity | null {
    return projected(root, info);
  }

  @FieldResolver(() => PassageConnection, { description: "Its sentences in text order." })
  passages(
    @Root() root: Document,
    @Arg("first", () => Int, { nullable: true }) _first: number | null,
    @Arg("after", () => String, { nullable: true }) _after: string | null,
    @Info() info: GraphQLResolveInfo,
  ): PassageConnection {
    return projected(root, info);
  }
}

@Resolver(() => Article)
export class ArticleResolver {
  @FieldResolver(() => [Person], { description: "By id." })
  reporters(@Root() root: Article, @Info() info: GraphQLResolveInfo): Person[] {
    return projected(root, info);
  }

  @FieldResolver(() => [Person], { description: "By id." })
  photographers(@Root() root: Article, @Info() info: GraphQLResolveInfo): Person[] {
    return projected(root, info);
  }
}
