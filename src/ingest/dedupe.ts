import bloomFilters from "bloom-filters";
import type { NearDuplicate, SegmentedDocument } from "./types.js";

const { MinHashFactory } = bloomFilters;
type MinHash = ReturnType<InstanceType<typeof MinHashFactory>["create"]>;

/** 128 permutations: the Jaccard estimate's standard error is about 0.04. */
const PERMUTATIONS = 128;
const factory = new MinHashFactory(PERMUTATIONS, 2 ** 32 - 1);
const SHINGLE = 3;
/** Passages shorter than this (normalized) are headings and labels: too short to compare. */
const MIN_CHARS = 16;
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

/** NFKC folds full- and half-width forms (，/, ：/:), then punctuation and spaces go: re-typesetting does not count. */
export function normalizeForComparison(text: string): string {
  return text.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "");
}

function hashShingle(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

export function signature(text: string): MinHash | undefined {
  const n = normalizeForComparison(text);
  if (n.length < MIN_CHARS) return undefined;
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE <= n.length; i++) shingles.add(hashShingle(n.slice(i, i + SHINGLE)));
  const minHash = factory.create();
  minHash.bulkLoad([...shingles]);
  return minHash;
}

export interface ComparablePassage {
  id: string;
  documentId: string;
  text: string;
}

/**
 * Near-duplicate passages of `doc` among themselves and against `others` (passages of documents
 * already in the graph): MinHash over character 3-grams of the normalized text.
 */
export function findNearDuplicates(doc: SegmentedDocument, others: ComparablePassage[], threshold = NEAR_DUPLICATE_THRESHOLD): NearDuplicate[] {
  const mine = doc.passages.map((p) => ({ id: p.id, documentId: doc.meta.id, sig: signature(p.text) })).filter((p) => p.sig);
  const theirs = others.filter((o) => o.documentId !== doc.meta.id).map((o) => ({ ...o, sig: signature(o.text) })).filter((o) => o.sig);
  const found: NearDuplicate[] = [];
  mine.forEach((a, i) => {
    for (const b of [...mine.slice(i + 1), ...theirs]) {
      const similarity = (a.sig as MinHash).compareWith(b.sig as MinHash);
      if (similarity >= threshold) found.push({ passageId: a.id, otherPassageId: b.id, otherDocumentId: b.documentId, similarity: Math.round(similarity * 1000) / 1000 });
    }
  });
  return found;
}
