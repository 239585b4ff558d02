/** Typed inputs and outputs of the ingestion stages: read → segment → dedupe → link → extract → write. */

import type { EntityKind, FactMethod, ObservationKind } from "../vocabulary.js";

// The vocabularies are declared once, in src/vocabulary.ts; the stages import them from here too.
export {
  ENTITY_KINDS,
  type EntityKind,
  FACT_METHODS,
  type FactMethod,
  MEASURES,
  type Measure,
  OBSERVATION_KINDS,
  type ObservationKind,
  type Qualifier,
} from "../vocabulary.js";

/** Layout knowledge about one article of a page, from the document's metadata file. */
export interface ArticleHint {
  /** Exact text at which the article starts (the first characters of its first line). */
  startsWith: string;
  kind?: ArticleKind;
  headline?: string;
  reporters?: string[];
  photographers?: string[];
  /** The place the article reports on (canonical name). */
  place?: string;
  /** Year and kind that its figures have unless a sentence says otherwise (panels without cue words). */
  period?: number;
  observationKind?: ObservationKind;
}

export type ArticleKind = "ARTICLE" | "PANEL" | "PAGE_HEADER" | "NOTICE" | "OBITUARY";

export interface DocumentMeta {
  id: string;
  title: string;
  publisher: string | null;
  /** ISO 8601 at the precision known: 2023, 2023-01 or 2023-01-07. */
  publishedOn: string | null;
  dateNote?: string;
  page?: string | null;
  issue?: string | null;
  reporters: string[];
  photographers: string[];
  /** The year whose work the document reports on, when the date alone does not say it. */
  reportYear?: number;
  /** The place the document is about, as given by the user (name, path or code); else it is inferred. */
  subject?: string;
  articles?: ArticleHint[];
}

/** Output of the read stage: validated text and metadata. */
export interface SourceDocument {
  meta: DocumentMeta;
  sourceFile: string;
  text: string;
  sha256: string;
  /** What the reader accepted but a user should know (the text ends mid-sentence). */
  warnings?: string[];
}

export interface ArticleSegment {
  id: string;
  index: number;
  kind: ArticleKind;
  headline: string | null;
  byline: string | null;
  reporters: string[];
  photographers: string[];
  place: string | null;
  period: number | null;
  observationKind: ObservationKind | null;
  start: number;
  end: number;
}

/** A sentence (or a heading line) with exact offsets into the document text. */
export interface PassageSegment {
  id: string;
  articleId: string;
  index: number;
  /** Index of the paragraph (block of lines) the sentence starts in. */
  paragraph: number;
  /** Text of the nearest heading line above, inside the article. */
  section: string | null;
  isHeading: boolean;
  /** Page furniture (来源：…, 【打印】, - 3 -, a lone URL or publication time): kept for offsets, not content. */
  isFurniture: boolean;
  start: number;
  end: number;
  text: string;
}

/** Output of the segment stage. */
export interface SegmentedDocument extends SourceDocument {
  articles: ArticleSegment[];
  passages: PassageSegment[];
}

export interface NearDuplicate {
  passageId: string;
  otherPassageId: string;
  otherDocumentId: string;
  similarity: number;
}

/** A span of a document that states a fact: the W3C Web Annotation TextQuoteSelector + TextPositionSelector. */
export interface CitationRef {
  documentId: string;
  passageId: string;
  start: number;
  end: number;
  quote: string;
}

export interface RegistryEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description?: string;
  partOf?: string[];
  locatedIn?: string[];
  partnerOf?: string[];
  subOrganizationOf?: string[];
  /** Words that only refer to this entity inside an article about `contextPlace` (全区, 我市). */
  contextual?: boolean;
  /** Extra properties (status of a project, dates of a person). */
  properties?: Record<string, string | number | boolean>;
}

export interface Mention {
  entityId: string;
  citation: CitationRef;
  method: FactMethod;
}
