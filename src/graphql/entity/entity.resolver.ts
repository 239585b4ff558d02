import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../context.js";
import { Direction, EntityKind, ObservationKind } from "../common/enums.js";
import { Node } from "../common/node.type.js";
import { ObservationConnection } from "../observation/observation.type.js";
import { CitationConnection } from "../provenance/provenance.type.js";
import { MAX_NAME_LENGTH } from "../../translate/limits.js";
import { projected } from "../read-root.js";
import { findEntity, findNode, listEntities } from "./entity.service.js";
import { Entity, EntityConnection, RelationConnection } from "./entity.type.js";

@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, {
    nullable: true,
    description:
      "An entity by id, canonical name or any alias (市北, 邮轮母港), a place by its GB/T 2260 code (370203) or gazetteer path (北京市/朝阳区), optionally of one kind. " +
      "When the name identifies several entities, the first of `entities(name:)` is returned: one identified exactly (id, canonical name, code, path) before one by an alias; " +
      "then by kind: places (province, city, district, county, subdistrict), zones, projects, organizations, people, events, policies, and indicators last; " +
      "then by how it was established: CURATED, then REFERENCE, then RULE; then by id.",
  })
  entity(
    @Arg("name", () => String, { description: `At most ${MAX_NAME_LENGTH} characters.` }) name: string,
    @Arg("kind", () => EntityKind, { nullable: true }) kind: EntityKind | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Entity | null> {
    return findEntity(ctx.executor, info, name, kind);
  }

  @Query(() => EntityConnection, {
    description:
      "All entities, or those of one kind, by id; with `name`, every entity the name identifies (as `entity(name:)` reads it), in the order `entity(name:)` picks from.",
  })
  entities(
    @Arg("name", () => String, { nullable: true, description: `Id, canonical name, alias, code or path; at most ${MAX_NAME_LENGTH} characters.` }) name:
      | string
      | null,
    @Arg("kind", () => EntityKind, { nullable: true }) kind: EntityKind | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size: default 20, at most 100." }) _first: number | null,
    @Arg("after", () => String, { nullable: true }) _after: string | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EntityConnection> {
    return listEntities(ctx.executor, info, name, kind);
  }

  @Query(() => Node, { nullable: true, description: "Any object by its global id." })
  node(
    @Arg("id", () => ID, { description: `At most ${MAX_NAME_LENGTH} characters.` }) id: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Node | null> {
    return findNode(ctx.executor, info, id);
  }

  @FieldResolver(() => CitationConnection, { description: "Where the texts name it." })
  mentions(
    @Root() root: Entity,
    @Arg("first", () => Int, { nullable: true }) _first: number | null,
    @Arg("after", () => String, { nullable: true }) _after: string | null,
    @Info() info: GraphQLResolveInfo,
  ): CitationConnection {
    return projected(root, info);
  }

  @FieldResolver(() => RelationConnection, { description: "Its relationships to other entities, each with the sentences that state it." })
  relations(
    @Root() root: Entity,
    @Arg("types", () => [String], {
      nullable: true,
      description: "PART_OF, LOCATED_IN, PARTNER_OF, SUB_ORGANIZATION_OF, PARTICIPATED_IN, APPLIES_TO; all when omitted.",
    })
    _types: string[] | null,
    @Arg("direction", () => Direction, { defaultValue: Direction.BOTH }) _direction: Direction,
    @Arg("first", () => Int, { nullable: true }) _first: number | null,
    @Arg("after", () => String, { nullable: true }) _after: string | null,
    @Info() info: GraphQLResolveInfo,
  ): RelationConnection {
    return projected(root, info);
  }

  @FieldResolver(() => ObservationConnection, { description: "Figures about it (for an indicator: figures of it)." })
  observations(
    @Root() root: Entity,
    @Arg("period", () => Int, { nullable: true }) _period: number | null,
    @Arg("kind", () => ObservationKind, { nullable: true }) _kind: ObservationKind | null,
    @Arg("first", () => Int, { nullable: true }) _first: number | null,
    @Arg("after", () => String, { nullable: true }) _after: string | null,
    @Arg("newestFirst", () => Boolean, { defaultValue: false, description: "Latest year first (then kind and id) instead of oldest first." })
    _newestFirst: boolean,
    @Info() info: GraphQLResolveInfo,
  ): ObservationConnection {
    return projected(root, info);
  }

  @FieldResolver(() => [Int], {
    description: "The years its figures refer to, newest first; of one kind when `kind` is given (the years it has targets for: `periods(kind: TARGET)`).",
  })
  periods(
    @Root() root: Entity,
    @Arg("kind", () => ObservationKind, { nullable: true }) _kind: ObservationKind | null,
    @Info() info: GraphQLResolveInfo,
  ): number[] {
    return projected(root, info);
  }
}
