import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../context.js";
import { projected } from "../read-root.js";
import { listDocuments } from "./provenance.service.js";
import { Document, DocumentConnection, PassageConnection } from "./provenance.type.js";

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
