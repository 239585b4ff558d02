import { createUnionType, Field, Float, ObjectType } from "type-graphql";
import { connectionOf } from "../common/connection.type.js";
import { typenameOf } from "../common/node.type.js";
import { ENTITY_CLASSES } from "../entity/entity.type.js";
import { Passage } from "../provenance/provenance.type.js";

export const SearchHit = createUnionType({
  name: "SearchHit",
  description: "An entity found by its name or an alias, or a passage found by its text.",
  types: () => [...ENTITY_CLASSES, Passage] as const,
  resolveType: typenameOf,
});

@ObjectType()
export class SearchEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Float, { description: "Lucene relevance, plus 1000 for an entity whose name or an alias is exactly the query; higher is better." })
  score!: number;

  @Field(() => SearchHit)
  node!: typeof SearchHit;
}
export const SearchConnection = connectionOf("SearchConnection", () => SearchEdge, "Search hits, best first.");
export type SearchConnection = InstanceType<typeof SearchConnection>;
