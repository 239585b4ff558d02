import { ENTITY_KIND_LABEL, ENTITY_LABELS, type EntityKind } from "../vocabulary.js";

/** GraphQL object type of each entity kind: the node label, from the one vocabulary. */
export const ENTITY_TYPE: Readonly<Record<EntityKind, string>> = ENTITY_KIND_LABEL;
export const ENTITY_TYPES: readonly string[] = ENTITY_LABELS;

/** Types that are not entities but can be fetched by id. */
export const PROVENANCE_TYPES = ["Document", "Article", "Passage", "Observation", "Post"] as const;

/** Abstract types and the concrete types they can be. */
export const POSSIBLE_TYPES: Record<string, readonly string[]> = {
  Entity: ENTITY_TYPES,
  Node: [...ENTITY_TYPES, ...PROVENANCE_TYPES],
  SearchHit: [...ENTITY_TYPES, "Passage"],
};

/** Interfaces and unions a concrete type belongs to: selections on them apply to it too. */
export function supertypes(typeName: string): string[] {
  return Object.entries(POSSIBLE_TYPES)
    .filter(([, members]) => members.includes(typeName))
    .map(([abstract]) => abstract);
}

export function isEntityType(typeName: string): boolean {
  return ENTITY_TYPES.includes(typeName);
}

/** Node label of a concrete type (the same name, from this fixed list). */
export function labelOf(typeName: string): string {
  if (!ENTITY_TYPES.includes(typeName) && !(PROVENANCE_TYPES as readonly string[]).includes(typeName)) {
    throw new Error(`no label for ${typeName}`);
  }
  return typeName;
}

/** Id prefixes of global ids and the type they denote; Document ids are bare file stems. A Map: the prefix comes from the request. */
export const ID_PREFIX: ReadonlyMap<string, string> = new Map([
  ...Object.entries(ENTITY_TYPE).map(([kind, type]): [string, string] => [kind.toLowerCase(), type]),
  ["article", "Article"],
  ["passage", "Passage"],
  ["observation", "Observation"],
  ["post", "Post"],
]);

/** Relationship types between entities a client may filter `relations` by. */
export { ENTITY_RELATION_TYPES } from "../vocabulary.js";
