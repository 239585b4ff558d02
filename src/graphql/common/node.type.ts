import { Field, ID, InterfaceType } from "type-graphql";
import { TYPENAME_KEY } from "../../translate/shape.js";

/** Every object with an id resolves its concrete type from the type name the translated query returns under TYPENAME_KEY. */
export function typenameOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || !Object.hasOwn(value, TYPENAME_KEY)) return undefined;
  const name = (value as Record<string, unknown>)[TYPENAME_KEY];
  return typeof name === "string" ? name : undefined;
}

@InterfaceType({ description: "Anything with a global id; `node(id:)` fetches it.", resolveType: typenameOf })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
