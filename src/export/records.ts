import neo4j from "neo4j-driver";
import { InternalError } from "../errors/internal-errors.js";

/**
 * One node as exported. `integers` names the properties that are Cypher INTEGERs: JSON has one
 * number type, and without it an import would turn every offset into a FLOAT.
 */
export interface ExportedNode {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
  integers: string[];
}

export interface ExportedRelationship {
  id: string;
  type: string;
  start: string;
  end: string;
  properties: Record<string, unknown>;
  integers: string[];
}

export const FORMATS = ["jsonl", "csv", "graphml"] as const;
export type Format = (typeof FORMATS)[number];

/** The formats an import reads back; GraphML is for graph tools (Gephi, yEd, Cytoscape). */
export const IMPORT_FORMATS = ["jsonl", "csv"] as const satisfies readonly Format[];
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The temporary label the importer keys nodes by; an export may not use it. */
export const IMPORT_KEY_LABEL = "ImportKey";

/** An export cannot carry this property value (temporal and spatial types are not in this graph). */
export class UnsupportedValueError extends InternalError {}

const isScalar = (v: unknown): boolean => v === null || ["string", "number", "boolean"].includes(typeof v);

/** Why these properties cannot travel through an export, or undefined when they can. */
export function portabilityProblem(properties: Record<string, unknown>, integers: readonly string[]): string | undefined {
  for (const [key, value] of Object.entries(properties)) {
    if (!isScalar(value) && !(Array.isArray(value) && value.every(isScalar))) {
      return `property ${key} has a type an export does not carry (only strings, numbers, booleans and lists of them)`;
    }
  }
  for (const key of integers) {
    const value = properties[key];
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((v) => Number.isSafeInteger(v))) return `property ${key} is listed in integers but is not a whole number`;
  }
  return undefined;
}

/** Properties ready for the driver: the keys named in `integers` become Cypher INTEGERs again. */
export function typedProperties(properties: Record<string, unknown>, integers: readonly string[]): Record<string, unknown> {
  const typed = { ...properties };
  for (const key of integers) {
    const value = typed[key];
    typed[key] = Array.isArray(value) ? value.map((v) => neo4j.int(v as number)) : neo4j.int(value as number);
  }
  return typed;
}
