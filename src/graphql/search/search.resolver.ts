import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Info, Int, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../context.js";
import { MAX_SEARCH_LENGTH } from "../../translate/limits.js";
import { EntityKind } from "../common/enums.js";
import { search } from "./search.service.js";
import { SearchConnection } from "./search.type.js";

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description: "Chinese full-text search over entity names, aliases and passage text (words are matched as phrases; Lucene syntax is escaped).",
  })
  search(
    @Arg("query", () => String, { description: `At most ${MAX_SEARCH_LENGTH} characters.` }) query: string,
    @Arg("kinds", () => [EntityKind], { nullable: true, description: "Only entities of these kinds (and no passages)." }) kinds: EntityKind[] | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size: default 20, at most 100." }) _first: number | null,
    @Arg("after", () => String, { nullable: true }) _after: string | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchConnection> {
    return search(ctx.executor, info, query, kinds);
  }
}
