import { Field, ID, InterfaceType } from "type-graphql";

/** Every object with an id resolves its concrete type from the `__typename` the translated query returns. */
export function typenameOf(value: unknown): string {
  return (value as { __typename: string }).__typename;
}

@InterfaceType({ description: "Anything with a global id; `node(id:)` fetches it.", resolveType: typenameOf })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
