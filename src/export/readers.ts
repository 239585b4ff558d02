import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";
import { IngestInputError } from "../errors/client-errors.js";
import { type ExportedNode, type ExportedRelationship, IMPORT_FORMATS, IMPORT_KEY_LABEL, type ImportFormat, portabilityProblem } from "./records.js";
import { CSV_LIST_SEPARATOR, CSV_NODE_COLUMNS, CSV_RELATIONSHIP_COLUMNS } from "./writers.js";

/** Where an export's records come from: nodes and relationships, read lazily. */
export interface ExportSource {
  format: ImportFormat;
  nodes(): AsyncIterable<ExportedNode>;
  relationships(): AsyncIterable<ExportedRelationship>;
}

function bad(file: string, line: number, message: string): IngestInputError {
  return new IngestInputError(`${file}:${line}: ${message}`);
}

function parseJson<T>(text: string, file: string, line: number): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw bad(file, line, `not JSON (${(error as Error).message})`);
  }
}

/** Label and type names an import may create: plain identifiers, and never the importer's own key label. */
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/u;
const isName = (name: unknown): boolean => typeof name === "string" && NAME.test(name) && name !== IMPORT_KEY_LABEL;

/** Checks the shape every record needs before anything reaches the database. */
function checked<T extends ExportedNode | ExportedRelationship>(record: T, file: string, line: number, kind: "node" | "relationship"): T {
  const r = record as Partial<ExportedNode & ExportedRelationship>;
  const shaped =
    typeof r.id === "string" &&
    typeof r.properties === "object" &&
    r.properties !== null &&
    !Array.isArray(r.properties) &&
    Array.isArray(r.integers) &&
    (kind === "node" ? Array.isArray(r.labels) && r.labels.every(isName) : isName(r.type) && typeof r.start === "string" && typeof r.end === "string");
  if (!shaped) throw bad(file, line, `not an exported ${kind} (labels and types must be plain identifiers)`);
  const problem = portabilityProblem(r.properties as Record<string, unknown>, r.integers as string[]);
  if (problem) throw bad(file, line, problem);
  return record;
}

async function* jsonLines<T extends ExportedNode | ExportedRelationship>(file: string, kind: "node" | "relationship"): AsyncGenerator<T> {
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity })) {
    line += 1;
    if (text.trim().length > 0) yield checked(parseJson<T>(text, file, line), file, line, kind);
  }
}

const split = (cell: string): string[] => (cell.length === 0 ? [] : cell.split(CSV_LIST_SEPARATOR));

async function* csvRows(file: string, columns: readonly string[]): AsyncGenerator<{ row: Record<string, string>; line: number }> {
  const parser = createReadStream(file, { encoding: "utf8" }).pipe(parse({ columns: true, info: true }));
  let headerChecked = false;
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    if (!headerChecked) {
      const missing = columns.filter((c) => !(c in record));
      if (missing.length > 0) throw bad(file, 1, `missing column(s) ${missing.join(", ")}`);
      headerChecked = true;
    }
    yield { row: record, line: info.lines };
  }
}

async function* csvNodes(file: string): AsyncGenerator<ExportedNode> {
  for await (const { row, line } of csvRows(file, CSV_NODE_COLUMNS)) {
    const node = {
      id: row.id,
      labels: split(row.labels as string),
      properties: parseJson(row.properties as string, file, line),
      integers: split(row.integers as string),
    };
    yield checked(node as ExportedNode, file, line, "node");
  }
}

async function* csvRelationships(file: string): AsyncGenerator<ExportedRelationship> {
  for await (const { row, line } of csvRows(file, CSV_RELATIONSHIP_COLUMNS)) {
    const relationship = {
      id: row.id,
      type: row.type,
      start: row.start,
      end: row.end,
      properties: parseJson(row.properties as string, file, line),
      integers: split(row.integers as string),
    };
    yield checked(relationship as ExportedRelationship, file, line, "relationship");
  }
}

/** Finds the export in `dir` (JSON Lines or CSV, as written by `npm run export`). */
export function openExport(dir: string): ExportSource {
  for (const format of IMPORT_FORMATS) {
    const nodes = path.join(dir, `nodes.${format}`);
    const relationships = path.join(dir, `relationships.${format}`);
    if (!existsSync(nodes) || !existsSync(relationships)) continue;
    return format === "jsonl"
      ? { format, nodes: () => jsonLines<ExportedNode>(nodes, "node"), relationships: () => jsonLines<ExportedRelationship>(relationships, "relationship") }
      : { format, nodes: () => csvNodes(nodes), relationships: () => csvRelationships(relationships) };
  }
  throw new IngestInputError(`${dir}: no export found (expected nodes.jsonl and relationships.jsonl, or nodes.csv and relationships.csv)`);
}

/** Groups a stream into arrays of `size`, so each batch is one UNWIND. */
export async function* batches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
