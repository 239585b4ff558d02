import { registerEnumType } from "type-graphql";
import { DIRECTIONS, ENTITY_KINDS, FACT_METHODS, MEASURES, OBSERVATION_KINDS, QUALIFIERS, SKIP_REASONS } from "../../vocabulary.js";

/** A GraphQL enum object from a vocabulary list: each value names itself. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const EntityKind = enumOf(ENTITY_KINDS);
export type EntityKind = (typeof ENTITY_KINDS)[number];
registerEnumType(EntityKind, { name: "EntityKind", description: "What kind of real-world thing an entity is." });

export const Direction = enumOf(DIRECTIONS);
export type Direction = (typeof DIRECTIONS)[number];
registerEnumType(Direction, { name: "Direction", description: "Which way a relationship points, seen from the entity asked about." });

export const ObservationKind = enumOf(OBSERVATION_KINDS);
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];
registerEnumType(ObservationKind, {
  name: "ObservationKind",
  description: "A planned value (力争, 以上), an estimate for a year not yet closed (预计), or a result.",
});

export const Qualifier = enumOf(QUALIFIERS);
export type Qualifier = (typeof QUALIFIERS)[number];
registerEnumType(Qualifier, {
  name: "Qualifier",
  description: "How the text qualifies the number: 左右/约 APPROX, 以上/不低于 AT_LEAST, 超过/余/多 MORE_THAN, 近 NEARLY, 突破 EXCEEDS, 以下/以内 AT_MOST.",
});

export const Measure = enumOf(MEASURES);
export type Measure = (typeof MEASURES)[number];
registerEnumType(Measure, {
  name: "Measure",
  description: "A level (an amount, a count, a share), a rate of change (增长5.5%), or an average annual rate over periodStart–period (年均增长).",
});

export const FactMethod = enumOf(FACT_METHODS);
export type FactMethod = (typeof FACT_METHODS)[number];
registerEnumType(FactMethod, {
  name: "FactMethod",
  description:
    "Found by the extraction rules, stated in the reviewed registry, or taken from reference data (the national gazetteer, the indicator vocabulary).",
});

export const SkipReason = enumOf(SKIP_REASONS);
export type SkipReason = (typeof SKIP_REASONS)[number];
registerEnumType(SkipReason, {
  name: "SkipReason",
  description:
    "Why a figure was left out: NO_SUBJECT (nothing says which place it is about), NO_PERIOD (nor which year), NO_INDICATOR (what it measures would be a name).",
});
