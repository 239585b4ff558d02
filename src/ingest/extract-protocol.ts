import type { CypherQuery } from "../db/cypher-query.js";
import type { ComparablePassage } from "./dedupe.js";
import type { IngestSummary } from "./graph.js";
import type { IngestPreview } from "./preview.js";
import type { DocumentMeta, SourceDocument } from "./types.js";

/** The messages between the API's thread and an extraction worker: plain, structured-cloneable data only. */

/** A document already read and validated (CLI, corpus), or a text to validate in the worker (API). */
export type ExtractInput = { kind: "source"; source: SourceDocument } | { kind: "text"; text: string; sourceFile: string; metadata: unknown };

export interface Prepared {
  meta: DocumentMeta;
  sha256: string;
  metadataSha256: string;
  /** Characters of text: the write's time limit grows with it. */
  length: number;
}

export interface Extracted {
  /** Every entity id the rows use, to look up the ones a curator merged away. */
  entityIds: string[];
  /** How many near-duplicate candidate lookups (by LSH band key) `lookup` serves: a 5 MB report's keys are a million numbers. */
  lookups: number;
}

export interface Layout {
  articleIds: string[];
  passageIds: string[];
}

export interface Planned {
  /** How many write statements `statement` serves, in order. */
  statements: number;
  counts: Record<string, number>;
  summary: IngestSummary;
  factKeys: string[];
}

export type WorkerRequest =
  | { id: number; op: "open"; job: number; input: ExtractInput }
  | { id: number; op: "extract"; job: number }
  | { id: number; op: "lookup"; job: number; index: number }
  | { id: number; op: "layout"; job: number }
  | { id: number; op: "plan"; job: number; redirects: Array<[string, string]>; candidates: ComparablePassage[] }
  | { id: number; op: "statement"; job: number; index: number }
  | { id: number; op: "preview"; job: number }
  | { id: number; op: "close"; job: number };

export interface OpResult {
  open: Prepared;
  extract: Extracted;
  lookup: CypherQuery;
  layout: Layout;
  plan: Planned;
  statement: CypherQuery;
  preview: IngestPreview;
  close: null;
}

export interface WorkerFailure {
  /** A ClientError (bad input): its message is for the user. */
  clientError: boolean;
  message: string;
  stack?: string;
}

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WorkerFailure };
