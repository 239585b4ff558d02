import { readdirSync } from "node:fs";
import path from "node:path";
import { cypher } from "../db/cypher-query.js";
import type { Executor } from "../db/executor.js";
import { IngestInputError } from "../errors/client-errors.js";
import type { Logger } from "../log/logger.js";
import { PROJECT_ROOT } from "../neo4j/paths.js";
import { candidateLookup, type ComparablePassage, findNearDuplicates } from "./dedupe.js";
import { extractObservations } from "./extract/observations.js";
import { extractPosts } from "./extract/posts.js";
import { extractRelations } from "./extract/relations.js";
import { buildGraphRows, type GraphRows, type IngestSummary } from "./graph.js";
import { documentContext, placeFrame } from "./context.js";
import { Gazetteer } from "./gazetteer/gazetteer.js";
import { linkMentions, SurfaceMatcher } from "./link.js";
import type { MetadataInput } from "./metadata.js";
import { readSourceFile } from "./read.js";
import { divisionId, loadRegistry, type Registry } from "./registry.js";
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
  gazetteer: Gazetteer;
  log?: Logger;
}

export function ingestDeps(executor: Executor, log?: Logger): IngestDeps {
  const gazetteer = Gazetteer.load();
  const registry = loadRegistry(undefined, gazetteer);
  return { executor, registry, matcher: SurfaceMatcher.of(registry), gazetteer, ...(log ? { log } : {}) };
}

export interface IngestResult {
  documentId: string;
  status: "created" | "unchanged";
  counts: Record<string, number>;
  ms: number;
  /** The subject found, figures left out and warnings; absent when the document was already in the graph. */
  summary?: IngestSummary;
}

export type ExtractDeps = Pick<IngestDeps, "registry" | "matcher" | "gazetteer">;

/** Segment → context → link → extract, without the graph: what the evaluation and the writer share. */
export function extractDocument(source: SourceDocument, deps: ExtractDeps) {
  const doc = segment(source);
  const context = documentContext(doc, deps.gazetteer, deps.registry, source.meta.subject);
  const ctx = { ...deps, context };
  const articles = new Map(doc.articles.map((a) => [a.id, a]));
  const { observations, skipped } = extractObservations(doc, ctx);
  const subject = context.subject ? { id: divisionId(context.subject.division), source: context.subject.source } : null;
  return {
    doc,
    context,
    subject,
    skipped,
    mentions: linkMentions(doc, deps.matcher, (articleId) => placeFrame(context, deps.gazetteer, deps.registry, articles.get(articleId))),
    observations,
    posts: extractPosts(doc, ctx),
    relations: extractRelations(doc, ctx),
  };
}


// MERGE locks the id (a concurrent ingest of it waits, then finds this one); only a node it just made lacks the text the writer always sets.
const CLAIM = `MERGE (d:Document {id: $id})
ON CREATE SET d.sha256 = $sha256
RETURN d.sha256 AS sha256, d.text IS NULL AS created`;

function rowCounts(rows: GraphRows): Record<string, number> {
  return {
    articles: rows.articles.length,
    passages: rows.passages.length,
    entities: rows.entities.length,
    mentions: rows.mentions.length,
    observations: rows.observations.length,
    posts: rows.posts.length,
    relations: rows.relations.length,
    nearDuplicates: rows.nearDuplicates.length,
  };
}

/**
 * Ingests one document in one write transaction: claim the id (the same content again is a no-op,
 * different content under an existing id is refused), look up near-duplicate candidates by LSH band
 * key, verify them, write. All of it commits, or nothing.
 */
export async function ingestDocument(source: SourceDocument, deps: IngestDeps): Promise<IngestResult> {
  const started = Date.now();
  let extraction: ReturnType<typeof extractDocument> | undefined;
  const rows = await deps.executor.writeSteps(async (run) => {
    const [claim] = await run<{ sha256: string; created: boolean }>(cypher(CLAIM, { id: source.meta.id, sha256: source.sha256 }));
    if (claim?.sha256 !== source.sha256) throw new IngestInputError(`document ${source.meta.id} is already in the graph with different content; give the new text another id`);
    if (!claim.created) return undefined;
    // Extracted once, inside the transaction (an unchanged file costs no extraction), even if the driver retries.
    extraction ??= extractDocument(source, deps);
    const candidates = await run<ComparablePassage>(candidateLookup(extraction.doc));
    const graph = buildGraphRows({ ...extraction, nearDuplicates: findNearDuplicates(extraction.doc, candidates) }, deps);
    for (const statement of writeStatements(graph)) await run(statement);
    return graph;
  }, WRITE_TIMEOUT_MS);
  if (!rows) return { documentId: source.meta.id, status: "unchanged", counts: {}, ms: Date.now() - started };
  const counts = rowCounts(rows);
  deps.log?.info({ document: source.meta.id, ...counts, ms: Date.now() - started }, "document ingested");
  return { documentId: source.meta.id, status: "created", counts, ms: Date.now() - started, summary: rows.summary };
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
