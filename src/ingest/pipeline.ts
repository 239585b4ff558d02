import { readdirSync } from "node:fs";
import path from "node:path";
import { cypher } from "../db/cypher-query.js";
import type { Executor } from "../db/executor.js";
import { IngestInputError } from "../errors/client-errors.js";
import type { Logger } from "../log/logger.js";
import { PROJECT_ROOT } from "../neo4j/paths.js";
import { findNearDuplicates } from "./dedupe.js";
import { extractObservations } from "./extract/observations.js";
import { extractPosts } from "./extract/posts.js";
import { extractRelations } from "./extract/relations.js";
import { buildGraphRows, type GraphRows } from "./graph.js";
import { linkMentions, SurfaceMatcher } from "./link.js";
import type { MetadataInput } from "./metadata.js";
import { readSourceFile } from "./read.js";
import { loadRegistry, type Registry } from "./registry.js";
import { segment } from "./segment.js";
import type { SourceDocument } from "./types.js";
import { writeStatements } from "./write.js";

export const CORPUS_DIR = path.join(PROJECT_ROOT, "data", "corpus");
/** One document is written in one transaction; a large one may take a while on two cores. */
const WRITE_TIMEOUT_MS = 120_000;

export interface IngestDeps {
  executor: Executor;
  registry: Registry;
  matcher: SurfaceMatcher;
  log?: Logger;
}

export function ingestDeps(executor: Executor, log?: Logger): IngestDeps {
  const registry = loadRegistry();
  return { executor, registry, matcher: SurfaceMatcher.of(registry), ...(log ? { log } : {}) };
}

export interface IngestResult {
  documentId: string;
  status: "created" | "unchanged";
  counts: Record<string, number>;
  ms: number;
}

/** Runs the pure stages on one validated document: segment → dedupe → link → extract → graph rows. */
export function extractGraph(source: SourceDocument, deps: Omit<IngestDeps, "executor">, others: Array<{ id: string; documentId: string; text: string }>): GraphRows {
  const doc = segment(source);
  return buildGraphRows(
    {
      doc,
      nearDuplicates: findNearDuplicates(doc, others),
      mentions: linkMentions(doc, deps.matcher),
      observations: extractObservations(doc, deps),
      posts: extractPosts(doc, deps.registry, deps.matcher),
      relations: extractRelations(doc, deps.registry, deps.matcher),
    },
    deps.registry,
  );
}

/**
 * Ingests one document: all of it in one transaction, or nothing. The same content again is a
 * no-op; different content under an existing id is refused.
 */
export async function ingestDocument(source: SourceDocument, deps: IngestDeps): Promise<IngestResult> {
  const started = Date.now();
  const { executor } = deps;
  const [existing] = await executor.read<{ sha256: string }>(cypher("MATCH (d:Document {id: $id}) RETURN d.sha256 AS sha256", { id: source.meta.id }));
  if (existing) {
    if (existing.sha256 === source.sha256) return { documentId: source.meta.id, status: "unchanged", counts: {}, ms: Date.now() - started };
    throw new IngestInputError(`document ${source.meta.id} is already in the graph with different content; give the new text another id`);
  }
  const others = await executor.read<{ id: string; documentId: string; text: string }>(
    cypher("MATCH (p:Passage) WHERE p.documentId <> $id AND size(p.text) >= $min RETURN p.id AS id, p.documentId AS documentId, p.text AS text", {
      id: source.meta.id,
      min: 16,
    }),
  );
  const rows = extractGraph(source, deps, others);
  await executor.writeAll(writeStatements(rows), WRITE_TIMEOUT_MS);
  const counts = {
    articles: rows.articles.length,
    passages: rows.passages.length,
    entities: rows.entities.length,
    mentions: rows.mentions.length,
    observations: rows.observations.length,
    posts: rows.posts.length,
    relations: rows.relations.length,
    nearDuplicates: rows.nearDuplicates.length,
  };
  deps.log?.info({ document: source.meta.id, ...counts, ms: Date.now() - started }, "document ingested");
  return { documentId: source.meta.id, status: "created", counts, ms: Date.now() - started };
}

export async function ingestFile(file: string, overrides: MetadataInput, deps: IngestDeps): Promise<IngestResult> {
  return ingestDocument(readSourceFile(file, overrides), deps);
}

/** Every .txt file of a folder, in name order (so a re-typeset copy meets its original). */
export async function ingestCorpus(deps: IngestDeps, dir = CORPUS_DIR): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
    results.push(await ingestFile(path.join(dir, file), {}, deps));
  }
  return results;
}

export async function isGraphEmpty(executor: Executor): Promise<boolean> {
  const rows = await executor.read<{ n: number }>(cypher("MATCH (d:Document) RETURN count(d) AS n"));
  return (rows[0]?.n ?? 0) === 0;
}
