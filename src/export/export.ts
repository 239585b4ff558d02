import { mkdirSync } from "node:fs";
import { cypher } from "../db/cypher-query.js";
import type { Executor } from "../db/executor.js";
import { GRAPH_VERSION_LABEL } from "../db/graph-version.js";
import { type ExportedNode, type ExportedRelationship, type Format, portabilityProblem, UnsupportedValueError } from "./records.js";
import { type GraphmlType, type PropertyTypes, writerFor } from "./writers.js";

/** A whole-graph export can take long; each pass is one read transaction. */
const EXPORT_TIMEOUT_MS = 60 * 60 * 1000;

export interface ExportResult {
  format: Format;
  nodes: number;
  relationships: number;
  files: string[];
}

// The graph version is the service's bookkeeping (src/db/graph-version.ts), not part of the graph.
const NODES = cypher(`MATCH (n) WHERE NOT n:${GRAPH_VERSION_LABEL}
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties,
       [k IN keys(n) WHERE valueType(n[k]) STARTS WITH 'INTEGER' OR valueType(n[k]) STARTS WITH 'LIST<INTEGER' | k] AS integers`);
const RELATIONSHIPS = cypher(`MATCH (a)-[r]->(b)
RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS start, elementId(b) AS end, properties(r) AS properties,
       [k IN keys(r) WHERE valueType(r[k]) STARTS WITH 'INTEGER' OR valueType(r[k]) STARTS WITH 'LIST<INTEGER' | k] AS integers`);
const NODE_PROPERTY_TYPES = cypher(
  `MATCH (n) WHERE NOT n:${GRAPH_VERSION_LABEL} UNWIND keys(n) AS key RETURN key, collect(DISTINCT valueType(n[key])) AS types ORDER BY key`,
);
const RELATIONSHIP_PROPERTY_TYPES = cypher("MATCH ()-[r]->() UNWIND keys(r) AS key RETURN key, collect(DISTINCT valueType(r[key])) AS types ORDER BY key");

/** The GraphML type that holds every value a property takes (Cypher's valueType names). */
export function graphmlType(valueTypes: string[]): GraphmlType {
  const bases = new Set(valueTypes.map((t) => t.replace(/ NOT NULL$/u, "")));
  if ([...bases].every((t) => t === "BOOLEAN")) return "boolean";
  if ([...bases].every((t) => t === "INTEGER")) return "long";
  if ([...bases].every((t) => t === "INTEGER" || t === "FLOAT")) return "double";
  return "string";
}

async function propertyTypes(executor: Executor): Promise<PropertyTypes> {
  const read = async (query: typeof NODE_PROPERTY_TYPES) =>
    new Map((await executor.read<{ key: string; types: string[] }>(query, EXPORT_TIMEOUT_MS)).map((r) => [r.key, graphmlType(r.types)] as const));
  return { node: await read(NODE_PROPERTY_TYPES), edge: await read(RELATIONSHIP_PROPERTY_TYPES) };
}

function portable<T extends ExportedNode | ExportedRelationship>(record: T): T {
  const problem = portabilityProblem(record.properties, record.integers);
  if (problem) throw new UnsupportedValueError(`${record.id}: ${problem}`);
  return record;
}

/** Streams every node and relationship, with all their properties (citations included), to `dir`. */
export async function exportGraph(executor: Executor, format: Format, dir: string): Promise<ExportResult> {
  mkdirSync(dir, { recursive: true });
  const writer = writerFor(format, dir);
  await writer.begin(writer.needsPropertyTypes ? await propertyTypes(executor) : { node: new Map(), edge: new Map() });
  // Both passes in one transaction: the smallest window Neo4j (read committed) leaves for concurrent writes.
  const [nodes = 0, relationships = 0] = await executor.stream(
    [
      { query: NODES, each: (n) => writer.node(portable(n as ExportedNode)) },
      { query: RELATIONSHIPS, each: (r) => writer.relationship(portable(r as ExportedRelationship)) },
    ],
    EXPORT_TIMEOUT_MS,
  );
  return { format, nodes, relationships, files: await writer.end() };
}
