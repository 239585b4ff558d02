import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import type { ExportedNode, ExportedRelationship, Format } from "./records.js";

/** GraphML attribute types, per property name, for nodes and for edges. */
export interface PropertyTypes {
  node: Map<string, GraphmlType>;
  edge: Map<string, GraphmlType>;
}
export type GraphmlType = "boolean" | "long" | "double" | "string";

/** One output format: nodes, then relationships, streamed to files in `dir`. */
export interface GraphWriter {
  /** GraphML declares its attributes up front; the other formats need no such pass. */
  readonly needsPropertyTypes: boolean;
  begin(types: PropertyTypes): Promise<void>;
  node(node: ExportedNode): Promise<void>;
  relationship(relationship: ExportedRelationship): Promise<void>;
  end(): Promise<string[]>;
}

/** A file written piece by piece, waiting whenever the disk is behind so memory does not grow. */
class StreamedFile {
  private readonly stream: WriteStream;

  constructor(readonly file: string) {
    this.stream = createWriteStream(file, { encoding: "utf8" });
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, "finish");
  }
}

/** Formats with one file of nodes and one of relationships. */
abstract class TwoFileWriter implements GraphWriter {
  readonly needsPropertyTypes = false;
  protected readonly nodes: StreamedFile;
  protected readonly relationships: StreamedFile;

  constructor(dir: string, extension: string) {
    this.nodes = new StreamedFile(path.join(dir, `nodes.${extension}`));
    this.relationships = new StreamedFile(path.join(dir, `relationships.${extension}`));
  }

  abstract begin(): Promise<void>;
  abstract node(node: ExportedNode): Promise<void>;
  abstract relationship(relationship: ExportedRelationship): Promise<void>;

  async end(): Promise<string[]> {
    await Promise.all([this.nodes.close(), this.relationships.close()]);
    return [this.nodes.file, this.relationships.file];
  }
}

class JsonlWriter extends TwoFileWriter {
  constructor(dir: string) {
    super(dir, "jsonl");
  }

  async begin(): Promise<void> {}

  node(node: ExportedNode): Promise<void> {
    return this.nodes.write(`${JSON.stringify(node)}\n`);
  }

  relationship(relationship: ExportedRelationship): Promise<void> {
    return this.relationships.write(`${JSON.stringify(relationship)}\n`);
  }
}

export const CSV_NODE_COLUMNS = ["id", "labels", "properties", "integers"] as const;
export const CSV_RELATIONSHIP_COLUMNS = ["id", "type", "start", "end", "properties", "integers"] as const;
/** Joins list cells (labels, integer keys); neither labels nor property keys in this graph contain it. */
export const CSV_LIST_SEPARATOR = ";";

/** RFC 4180 CSV; properties are one JSON cell so any property set fits the same columns. */
class CsvWriter extends TwoFileWriter {
  constructor(dir: string) {
    super(dir, "csv");
  }

  async begin(): Promise<void> {
    await this.nodes.write(stringify([[...CSV_NODE_COLUMNS]]));
    await this.relationships.write(stringify([[...CSV_RELATIONSHIP_COLUMNS]]));
  }

  node(n: ExportedNode): Promise<void> {
    return this.nodes.write(stringify([[n.id, n.labels.join(CSV_LIST_SEPARATOR), JSON.stringify(n.properties), n.integers.join(CSV_LIST_SEPARATOR)]]));
  }

  relationship(r: ExportedRelationship): Promise<void> {
    return this.relationships.write(stringify([[r.id, r.type, r.start, r.end, JSON.stringify(r.properties), r.integers.join(CSV_LIST_SEPARATOR)]]));
  }
}

/** Escapes text for XML content and attributes, dropping the control characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  const entities: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters; removing them is the point.
  return text.replace(/[<>&"']/gu, (c) => entities[c] as string).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/gu, "");
}

/** GraphML with a typed key per property name; lists are written as JSON strings. */
class GraphmlWriter implements GraphWriter {
  readonly needsPropertyTypes = true;
  private readonly file: StreamedFile;
  private nodeKeys = new Map<string, string>();
  private edgeKeys = new Map<string, string>();

  constructor(dir: string) {
    this.file = new StreamedFile(path.join(dir, "graph.graphml"));
  }

  async begin(types: PropertyTypes): Promise<void> {
    await this.file.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n');
    await this.file.write(
      '  <key id="labels" for="node" attr.name="labels" attr.type="string"/>\n  <key id="type" for="edge" attr.name="type" attr.type="string"/>\n',
    );
    this.nodeKeys = await this.declare("node", "n", types.node);
    this.edgeKeys = await this.declare("edge", "e", types.edge);
    await this.file.write('  <graph id="G" edgedefault="directed">\n');
  }

  private async declare(kind: "node" | "edge", prefix: string, types: Map<string, GraphmlType>): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const [name, type] of types) {
      const id = `${prefix}${ids.size}`;
      ids.set(name, id);
      await this.file.write(`  <key id="${id}" for="${kind}" attr.name="${xmlEscape(name)}" attr.type="${type}"/>\n`);
    }
    return ids;
  }

  private data(keys: Map<string, string>, properties: Record<string, unknown>): string {
    return Object.entries(properties)
      .map(([k, v]) => `<data key="${keys.get(k) as string}">${xmlEscape(typeof v === "string" ? v : JSON.stringify(v))}</data>`)
      .join("");
  }

  node(n: ExportedNode): Promise<void> {
    const labels = xmlEscape(n.labels.map((l) => `:${l}`).join(""));
    return this.file.write(`    <node id="${xmlEscape(n.id)}"><data key="labels">${labels}</data>${this.data(this.nodeKeys, n.properties)}</node>\n`);
  }

  relationship(r: ExportedRelationship): Promise<void> {
    const endpoints = `source="${xmlEscape(r.start)}" target="${xmlEscape(r.end)}"`;
    return this.file.write(
      `    <edge id="${xmlEscape(r.id)}" ${endpoints}><data key="type">${xmlEscape(r.type)}</data>${this.data(this.edgeKeys, r.properties)}</edge>\n`,
    );
  }

  async end(): Promise<string[]> {
    await this.file.write("  </graph>\n</graphml>\n");
    await this.file.close();
    return [this.file.file];
  }
}

export function writerFor(format: Format, dir: string): GraphWriter {
  switch (format) {
    case "jsonl":
      return new JsonlWriter(dir);
    case "csv":
      return new CsvWriter(dir);
    case "graphml":
      return new GraphmlWriter(dir);
  }
}
