import type { EntityKind } from "../ingest/types.js";

/** GraphQL object type of each entity kind; also the node label (`KIND_LABEL` in the writer). */
export const ENTITY_TYPE: Record<EntityKind, string> = {
  PROVINCE: "Province",
  CITY: "City",
  DISTRICT: "District",
  COUNTY: "County",
  SUBDISTRICT: "Subdistrict",
  ZONE: "Zone",
  PROJECT: "Project",
  ORGANIZATION: "Organization",
  PERSON: "Person",
  EVENT: "Event",
  POLICY: "Policy",
  INDICATOR: "Indicator",
};
export const ENTITY_TYPES = Object.values(ENTITY_TYPE);

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

/** Id prefixes of global ids and the type they denote; Document ids are bare file stems. */
export const ID_PREFIX: Record<string, string> = {
  ...Object.fromEntries(Object.entries(ENTITY_TYPE).map(([kind, type]) => [kind.toLowerCase(), type])),
  article: "Article",
  passage: "Passage",
  observation: "Observation",
  post: "Post",
};

/** Relationship types between entities a client may filter `relations` by. */
export const ENTITY_RELATION_TYPES = ["PART_OF", "LOCATED_IN", "PARTNER_OF", "SUB_ORGANIZATION_OF", "PARTICIPATED_IN", "APPLIES_TO"] as const;
