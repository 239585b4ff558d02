import { readdirSync } from "node:fs";
import path from "node:path";
import type { RecordShape } from "neo4j-driver";
import { type CypherQuery, cypher } from "../db/cypher-query.js";
import type { Executor } from "../db/executor.js";
import { IngestInputError } from "../errors/client-errors.js";
import { InternalError } from "../errors/internal-errors.js";
import type { Logger } from "../log/logger.js";
import { PROJECT_ROOT } from "../neo4j/paths.js";
import type { ComparablePassage } from "./dedupe.js";
import type { ExtractInput, Planned, Prepared } from "./extract-protocol.js";
import { type ExtractJob, type Extractor, sharedExtractor } from "./extractor.js";
import type { IngestSummary } from "./graph.js";
import type { MetadataInput } from "./metadata.js";
import type { IngestPreview } from "./preview.js";
import { readSourceFile } from "./read.js";
import type { SourceDocument } from "./types.js";
import { afterRewrite, beforeRewrite, type CitedByDocument, citedByDocument, redirectLookup } from "./write.js";

export { type ExtractDeps, extractDocument, loadExtractDeps } from "./extract-document.js";

export const CORPUS_DIR = path.join(PROJECT_ROOT, "data", "corpus");
/**
 * One document is written in one transaction: two minutes, and more for a long one (a 5 MB report,
 * 1.7 million characters, took 80 s to write on two cores, most of it Neo4j's).
 */
export const writeTimeoutMs = (characters: number): number => 120_000 + Math.ceil(characters / 10_000) * 1_000;

export interface IngestDeps {
  executor: Executor;
  /** Worker threads that do the CPU-bound stages, so the API keeps answering while a document is read. */
  extractor: Extractor;
  log?: Logger;
}

export function ingestDeps(executor: Executor, log?: Logger, extractor: Extractor = sharedExtractor()): IngestDeps {
  return { executor, extractor, ...(log ? { log } : {}) };
}

/** CREATED: a new id; UPDATED: the same text with other metadata, read again; UNCHANGED: nothing to do. */
export type IngestStatus = "created" | "updated" | "unchanged";

export interface IngestResult {
  documentId: string;
  status: IngestStatus;
  counts: Record<string, number>;
  ms: number;
  /** The subject found, figures left out and warnings; absent when nothing was written. */
  summary?: IngestSummary;
}

/** What the graph keeps of a document's identity and metadata. */
interface StoredDocument {
  sha256: string;
  metadataSha256: string | null;
  title: string | null;
  publisher: string | null;
  publishedOn: string | null;
  dateNote: string | null;
  page: string | null;
  issue: string | null;
  reportYear: number | null;
}

const STORED_FIELDS =
  "d.sha256 AS sha256, d.metadataSha256 AS metadataSha256, d.title AS title, d.publisher AS publisher, d.publishedOn AS publishedOn, d.dateNote AS dateNote, d.page AS page, d.issue AS issue, d.reportYear AS reportYear";
const EXISTING = `MATCH (d:Document {id: $id}) RETURN ${STORED_FIELDS}`;
// MERGE on the uniquely constrained id locks it: a concurrent ingest of the same id waits here until this one
// commits, then finds the document. ON MATCH SET takes the node's write lock, so what RETURN reads is what the
// last ingest committed. Only a node made by this MERGE lacks the text the writer always sets.
const CLAIM = `MERGE (d:Document {id: $id})
ON CREATE SET d.sha256 = $sha256
ON MATCH SET d.sha256 = d.sha256
RETURN d.text IS NULL AS created, ${STORED_FIELDS}`;

function sameMetadata(stored: StoredDocument, prepared: Prepared): boolean {
  if (stored.metadataSha256) return stored.metadataSha256 === prepared.metadataSha256;
  // Written before metadata hashes were kept: compare what the Document node holds.
  const m = prepared.meta;
  const given = [m.title, m.publisher, m.publishedOn, m.dateNote ?? null, m.page ?? null, m.issue ?? null, m.reportYear ?? null];
  const kept = [stored.title, stored.publisher, stored.publishedOn, stored.dateNote, stored.page, stored.issue, stored.reportYear];
  return given.every((value, i) => value === kept[i]);
}

function differentText(id: string): IngestInputError {
  return new IngestInputError(`document ${id} is already in the graph with different content; give the new text another id`);
}

type Run = <T extends RecordShape = RecordShape>(query: CypherQuery) => Promise<T[]>;

/** What the old reading of a document cited, and the relationships it took its citations out of. */
interface OldReading {
  cited: CitedByDocument;
  touched: string[];
}

/** Takes out the old reading of a document whose text is read again with new metadata (see beforeRewrite). */
async function clearOldReading(run: Run, id: string, job: ExtractJob): Promise<OldReading> {
  const [cited] = await run<CitedByDocument>(citedByDocument(id));
  if (!cited) throw new InternalError(`no citation summary for document ${id}`);
  const { statements, stripRelations } = beforeRewrite(id, await job.layout(), cited);
  for (const statement of statements) await run(statement);
  const [strip] = await run<{ touched: string[] }>(stripRelations);
  return { cited, touched: strip?.touched ?? [] };
}

/** The passages of other documents that share an LSH band with this one's, each once. */
async function nearDuplicateCandidates(run: Run, job: ExtractJob, lookups: number): Promise<ComparablePassage[]> {
  const seen = new Map<string, ComparablePassage>();
  for (let i = 0; i < lookups; i++) for (const row of await run<ComparablePassage>(await job.lookup(i))) if (!seen.has(row.id)) seen.set(row.id, row);
  return [...seen.values()];
}

/**
 * Ingests one document in one write transaction. The worker validates and extracts; this thread
 * only talks to Neo4j: claim the id (the same text and metadata again is UNCHANGED, the same text
 * with new metadata is read again and UPDATED, different text under the id is refused), resolve
 * merged entities, look up near-duplicate candidates by LSH band key, write. All of it commits, or
 * nothing.
 */
async function ingest(input: ExtractInput, deps: IngestDeps): Promise<IngestResult> {
  const started = Date.now();
  const job = await deps.extractor.open(input);
  try {
    const { meta, sha256 } = job.prepared;
    const id = meta.id;
    const unchanged = (): IngestResult => ({ documentId: id, status: "unchanged", counts: {}, ms: Date.now() - started });
    // Checked before extracting: a known text costs no extraction.
    const [stored] = await deps.executor.read<StoredDocument>(cypher(EXISTING, { id }));
    if (stored && stored.sha256 !== sha256) throw differentText(id);
    if (stored && sameMetadata(stored, job.prepared)) return unchanged();
    const extracted = await job.extract();

    const written = await deps.executor.writeSteps(async (run): Promise<{ status: IngestStatus; plan: Planned } | undefined> => {
      const [claim] = await run<StoredDocument & { created: boolean }>(cypher(CLAIM, { id, sha256 }));
      if (!claim || claim.sha256 !== sha256) throw differentText(id);
      if (!claim.created && sameMetadata(claim, job.prepared)) return undefined;
      const old = claim.created ? undefined : await clearOldReading(run, id, job);
      const redirects = await run<{ old: string; id: string }>(redirectLookup(extracted.entityIds));
      const plan = await job.plan(
        redirects.map((r) => [r.old, r.id]),
        await nearDuplicateCandidates(run, job, extracted.lookups),
      );
      // One statement at a time from the worker: no single message holds a whole document's rows.
      for (let i = 0; i < plan.statements; i++) await run(await job.statement(i));
      if (old) for (const statement of afterRewrite(old.cited, old.touched, [...new Set([...old.cited.factKeys, ...plan.factKeys])])) await run(statement);
      return { status: claim.created ? "created" : "updated", plan };
    }, writeTimeoutMs(job.prepared.length));

    if (!written) return unchanged();
    const { status, plan } = written;
    const ms = Date.now() - started;
    deps.log?.info({ document: id, status, ...plan.counts, ms }, "document ingested");
    return { documentId: id, status, counts: plan.counts, ms, summary: plan.summary };
  } finally {
    job.close();
  }
}

export interface DryRunResult extends IngestResult {
  preview: IngestPreview;
}

/**
 * What ingesting would do, without writing: the status it would answer (a different text under a
 * taken id is refused the same way), its counts and the rows as a preview. Reads only: merged
 * entities and near-duplicate candidates are looked up as the write would.
 */
async function dryRun(input: ExtractInput, deps: IngestDeps): Promise<DryRunResult> {
  const started = Date.now();
  const job = await deps.extractor.open(input);
  try {
    const { meta, sha256 } = job.prepared;
    const [stored] = await deps.executor.read<StoredDocument>(cypher(EXISTING, { id: meta.id }));
    if (stored && stored.sha256 !== sha256) throw differentText(meta.id);
    const status: IngestStatus = !stored ? "created" : sameMetadata(stored, job.prepared) ? "unchanged" : "updated";
    const extracted = await job.extract();
    const read: Run = (query) => deps.executor.read(query);
    const redirects = await read<{ old: string; id: string }>(redirectLookup(extracted.entityIds));
    const plan = await job.plan(
      redirects.map((r) => [r.old, r.id]),
      await nearDuplicateCandidates(read, job, extracted.lookups),
    );
    const preview = await job.preview();
    return { documentId: meta.id, status, counts: plan.counts, ms: Date.now() - started, summary: plan.summary, preview };
  } finally {
    job.close();
  }
}

/** A dry run of `ingestText`: validated and extracted the same way, nothing written. */
export function previewText(text: string, sourceFile: string, metadata: unknown, deps: IngestDeps): Promise<DryRunResult> {
  return dryRun({ kind: "text", text, sourceFile, metadata }, deps);
}

/** Ingests a document already read and validated (the CLI, the corpus, tests). */
export function ingestDocument(source: SourceDocument, deps: IngestDeps): Promise<IngestResult> {
  return ingest({ kind: "source", source }, deps);
}

/** Ingests a text given through the API: it is validated in the worker too (IngestInputError for bad input or metadata). */
export function ingestText(text: string, sourceFile: string, metadata: unknown, deps: IngestDeps): Promise<IngestResult> {
  return ingest({ kind: "text", text, sourceFile, metadata }, deps);
}

export async function ingestFile(file: string, overrides: MetadataInput, deps: IngestDeps): Promise<IngestResult> {
  return ingestDocument(readSourceFile(file, overrides), deps);
}

/** Every .txt file of a folder, in name order (so a re-typeset copy meets its original). */
export async function ingestCorpus(deps: IngestDeps, dir = CORPUS_DIR): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    results.push(await ingestFile(path.join(dir, file), {}, deps));
  }
  return results;
}

export async function isGraphEmpty(executor: Executor): Promise<boolean> {
  const rows = await executor.read<{ n: number }>(cypher("MATCH (d:Document) RETURN count(d) AS n"));
  return (rows[0]?.n ?? 0) === 0;
}
