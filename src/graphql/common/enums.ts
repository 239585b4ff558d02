import { registerEnumType } from "type-graphql";
import { ENTITY_KINDS, FACT_METHODS, MEASURES } from "../../ingest/types.js";

export const EntityKind = Object.fromEntries(ENTITY_KINDS.map((k) => [k, k])) as { [K in (typeof ENTITY_KINDS)[number]]: K };
export type EntityKind = (typeof ENTITY_KINDS)[number];
registerEnumType(EntityKind, { name: "EntityKind", description: "What kind of real-world thing an entity is." });

export enum Direction {
  OUT = "OUT",
  IN = "IN",
  BOTH = "BOTH",
}
registerEnumType(Direction, { name: "Direction", description: "Which way a relationship points, seen from the entity asked about." });

export enum ObservationKind {
  TARGET = "TARGET",
  ESTIMATE = "ESTIMATE",
  ACTUAL = "ACTUAL",
}
registerEnumType(ObservationKind, {
  name: "ObservationKind",
  description: "A planned value (力争, 以上), an estimate for a year not yet closed (预计), or a result.",
});

export enum Qualifier {
  EXACT = "EXACT",
  APPROX = "APPROX",
  AT_LEAST = "AT_LEAST",
  MORE_THAN = "MORE_THAN",
  NEARLY = "NEARLY",
  EXCEEDS = "EXCEEDS",
  AT_MOST = "AT_MOST",
}
registerEnumType(Qualifier, {
  name: "Qualifier",
  description: "How the text qualifies the number: 左右/约 APPROX, 以上/不低于 AT_LEAST, 超过/余/多 MORE_THAN, 近 NEARLY, 突破 EXCEEDS, 以下/以内 AT_MOST.",
});

export const Measure = Object.fromEntries(MEASURES.map((k) => [k, k])) as { [K in (typeof MEASURES)[number]]: K };
export type Measure = (typeof MEASURES)[number];
registerEnumType(Measure, {
  name: "Measure",
  description: "A level (an amount, a count, a share), a rate of change (增长5.5%), or an average annual rate over periodStart–period (年均增长).",
});

export const FactMethod = Object.fromEntries(FACT_METHODS.map((k) => [k, k])) as { [K in (typeof FACT_METHODS)[number]]: K };
export type FactMethod = (typeof FACT_METHODS)[number];
registerEnumType(FactMethod, {
  name: "FactMethod",
  description: "Found by the extraction rules, stated in the reviewed registry, or taken from reference data (the national gazetteer, the indicator vocabulary).",
});
