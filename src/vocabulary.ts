/**
 * The graph's closed vocabularies, each declared once: the ingestion writer, the Cypher translation,
 * the GraphQL enums and the metadata and gold validators all derive from these lists.
 */

/** Entity kinds and the node label (also the GraphQL object type) of each. */
export const ENTITY_KIND_LABEL = {
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
} as const;
export type EntityKind = keyof typeof ENTITY_KIND_LABEL;
export type EntityLabel = (typeof ENTITY_KIND_LABEL)[EntityKind];
export const ENTITY_KINDS = Object.keys(ENTITY_KIND_LABEL) as EntityKind[];
export const ENTITY_LABELS = Object.values(ENTITY_KIND_LABEL) as EntityLabel[];

/** RULE: found by the extraction rules; CURATED: the reviewed registry; REFERENCE: reference data (the gazetteer, the indicator vocabulary). */
export const FACT_METHODS = ["RULE", "CURATED", "REFERENCE"] as const;
export type FactMethod = (typeof FACT_METHODS)[number];

/** A planned value, an estimate for a year not yet closed, or a result. */
export const OBSERVATION_KINDS = ["TARGET", "ESTIMATE", "ACTUAL"] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

/** A level, a rate of change over the period, or an average annual rate over a span of years (年均增长). */
export const MEASURES = ["LEVEL", "GROWTH_RATE", "AVERAGE_GROWTH_RATE"] as const;
export type Measure = (typeof MEASURES)[number];

/** How the text qualifies a number: 左右/约, 以上/不低于, 超过/余/多, 近, 突破, 以下/以内. */
export const QUALIFIERS = ["EXACT", "APPROX", "AT_LEAST", "MORE_THAN", "NEARLY", "EXCEEDS", "AT_MOST"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Why a figure was left out: no place says whose it is, no year, or what it measures is a name. */
export const SKIP_REASONS = ["NO_SUBJECT", "NO_PERIOD", "NO_INDICATOR"] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Relationship types between entities (the writer's allow-list, and the `relations(types:)` filter). */
export const ENTITY_RELATION_TYPES = ["PART_OF", "LOCATED_IN", "PARTNER_OF", "SUB_ORGANIZATION_OF", "PARTICIPATED_IN", "APPLIES_TO"] as const;
export type EntityRelationType = (typeof ENTITY_RELATION_TYPES)[number];

/** Which way a relationship points, seen from the entity asked about. */
export const DIRECTIONS = ["OUT", "IN", "BOTH"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** True when `value` is one of `list`: narrows request text to a vocabulary member. */
export function isMember<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (list as readonly string[]).includes(value);
}
