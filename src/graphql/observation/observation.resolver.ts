import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Info, Int, Query, Resolver } from "type-graphql";
import { MAX_NAME_LENGTH } from "../../translate/limits.js";
import type { GraphQLContext } from "../context.js";
import { compare, listObservations, series, targetAttainment } from "./observation.service.js";
import { ObservationKind } from "../common/enums.js";
import { Attainment, Observation, ObservationConnection, ObservationFilter } from "./observation.type.js";

/** How a filter argument names entities (translate/entity-lookup.ts: namedEntities). */
const NAMED = `Id, canonical name or alias (an alias counts only when no entity has the id or name); at most ${MAX_NAME_LENGTH} characters.`;

@Resolver()
export class ObservationResolver {
  @Query(() => ObservationConnection, { description: "Figures: targets, estimates and results, filtered by subject, indicator, year and kind." })
  observations(
    @Arg("filter", () => ObservationFilter, { nullable: true }) filter: ObservationFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size: default 20, at most 100." }) _first: number | null,
    @Arg("after", () => String, { nullable: true }) _after: string | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ObservationConnection> {
    return listObservations(ctx.executor, info, filter);
  }

  @Query(() => [Attainment], { description: "Each target of the subject for the year beside the result for the same indicator." })
  targetAttainment(
    @Arg("subject", () => String, { description: NAMED }) subject: string,
    @Arg("period", () => Int) period: number,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Attainment[]> {
    return targetAttainment(ctx.executor, info, subject, period);
  }

  @Query(() => [Observation], {
    description: "One indicator in one year across places and other subjects, by subject name: to compare them. All kinds unless `kind` is given.",
  })
  compare(
    @Arg("indicator", () => String, { description: NAMED }) indicator: string,
    @Arg("period", () => Int) period: number,
    @Arg("kind", () => ObservationKind, { nullable: true }) kind: string | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Observation[]> {
    return compare(ctx.executor, info, { indicator, period, kind });
  }

  @Query(() => [Observation], { description: "One subject's figures of one indicator over the years: oldest first, then by kind and measure." })
  series(
    @Arg("subject", () => String, { description: NAMED }) subject: string,
    @Arg("indicator", () => String, { description: NAMED }) indicator: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Observation[]> {
    return series(ctx.executor, info, { subject, indicator });
  }
}
