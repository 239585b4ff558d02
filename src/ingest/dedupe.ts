import neo4j, { type Integer } from "neo4j-driver";
import { cypher, type CypherQuery } from "../db/cypher-query.js";
import type { NearDuplicate, SegmentedDocument } from "./types.js";

/** 128 permutations: the Jaccard estimate's standard error is about 0.04. */
const PERMUTATIONS = 128;
const SHINGLE = 3;
/** Passages shorter than this (normalized) are headings and labels: too short to compare. */
const MIN_CHARS = 16;
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

/** 32 bands × 4 rows: P(candidate) = 1 − (1 − s⁴)³² is 0.988 at the 0.6 threshold and 0.05 at s = 0.2 (S-curve midpoint 0.42). */
export const LSH_BANDS = 32;
export const LSH_ROWS = 4;

/** A MinHash signature: for each of the 128 permutations, the least hash over the passage's shingles. */
export type Signature = Uint32Array;

/** murmur3's 32-bit finalizer: a bijection of 32-bit integers that mixes every bit. */
function fmix32(x: number): number {
  let h = x;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// Fixed seeds, one per permutation: band keys are stored in the graph, so every process must compute the same signature.
const SEEDS = Uint32Array.from({ length: PERMUTATIONS }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9)));

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

function shingles(normalized: string): number[] {
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE <= normalized.length; i++) set.add(hashShingle(normalized.slice(i, i + SHINGLE)));
  return [...set];
}

/** The MinHash signature of a passage's character 3-grams; none for headings and labels too short to compare. */
export function signature(text: string): Signature | undefined {
  const n = normalizeForComparison(text);
  if (n.length < MIN_CHARS) return undefined;
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const x of shingles(n)) {
    for (let i = 0; i < PERMUTATIONS; i++) {
      const h = fmix32(x ^ (SEEDS[i] as number));
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/** The estimated Jaccard similarity: the share of permutations whose minimum agrees. */
export function similarity(a: Signature, b: Signature): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[i] === b[i]) same += 1;
  return same / PERMUTATIONS;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hashRows(sig: Signature, band: number, seed: number): number {
  let h = seed;
  for (let i = band * LSH_ROWS; i < (band + 1) * LSH_ROWS; i++) h = fmix32(Math.imul(h ^ (sig[i] as number), 0x9e3779b1));
  return h;
}

/** One key per band: a 34-bit hash of the band's 4 rows (Neo4j keeps an integer under 2^34 inline in the property record). */
export function bandKeysOf(sig: Signature): number[] {
  const keys: number[] = [];
  for (let band = 0; band < LSH_BANDS; band++) keys.push(hashRows(sig, band, 0x2545f491) * 4 + (hashRows(sig, band, 0x68e31da4) & 3));
  return keys;
}

/** The LSH band keys of a passage's text; none for headings and labels too short to compare. */
export function bandKeys(text: string): number[] {
  const sig = signature(text);
  return sig ? bandKeysOf(sig) : [];
}

/** The :Passage property that holds band `band`'s key, each with its own range index (cypher/schema.cypher). */
export function bandProperty(band: number): string {
  return `lsh${HEX[band]}`;
}

// JavaScript numbers reach Neo4j as floats, which take a second block of the property record.
const integer = (key: number): Integer => neo4j.int(key);

/** A passage's keys as the INTEGER properties a bulk loader sets: lsh00 … lsh1f (the writer casts plain numbers in Cypher). */
export function bandProperties(keys: number[]): Record<string, Integer> {
  return Object.fromEntries(keys.map((key, band) => [bandProperty(band), integer(key)]));
}

const bandParam = (band: number): string => `k${HEX[band]}`;

// One index seek per band and key (UNION: each candidate once); a list property has no index in Neo4j 5.
const CANDIDATES = `CALL () {
${Array.from({ length: LSH_BANDS }, (_, band) => `  MATCH (p:Passage) WHERE p.${bandProperty(band)} IN $${bandParam(band)} RETURN p`).join("\n  UNION\n")}
}
WITH p WHERE p.documentId <> $documentId
RETURN p.id AS id, p.documentId AS documentId, p.text AS text`;

/** Passages per lookup statement: a 5 MB document's keys in one statement would be a 1.6 million-item parameter. */
export const LOOKUP_PASSAGES = 2000;

/** The passages of other documents that share at least one LSH band with a passage of `doc`. */
export function candidateLookup(doc: SegmentedDocument): CypherQuery {
  return lookupOfKeys(
    doc.meta.id,
    doc.passages.map((p) => bandKeys(p.text)),
  );
}

/**
 * The same lookup from band keys already computed (one list per passage), in statements of
 * LOOKUP_PASSAGES passages. Keys are plain numbers: structured-cloneable, and the range index
 * seeks an INTEGER property by a float key of the same value.
 */
export function candidateLookups(documentId: string, keys: number[][]): CypherQuery[] {
  const out: CypherQuery[] = [];
  for (let i = 0; i < keys.length; i += LOOKUP_PASSAGES) out.push(lookupOfKeys(documentId, keys.slice(i, i + LOOKUP_PASSAGES)));
  return out;
}

function lookupOfKeys(documentId: string, keys: number[][]): CypherQuery {
  const params: Record<string, unknown> = { documentId };
  for (let band = 0; band < LSH_BANDS; band++) params[bandParam(band)] = [...new Set(keys.flatMap((k) => k.slice(band, band + 1)))];
  return cypher(CANDIDATES, params);
}

export interface ComparablePassage {
  id: string;
  documentId: string;
  text: string;
}

export interface Sketch {
  id: string;
  documentId: string;
  sig: Signature;
  /** Band keys made unique across bands (band · 2^34 + key), for pairing in memory. */
  keys: number[];
}

function sketch(p: ComparablePassage): Sketch | undefined {
  const sig = signature(p.text);
  return sig ? { id: p.id, documentId: p.documentId, sig, keys: bandKeysOf(sig).map((key, band) => band * 2 ** 34 + key) } : undefined;
}

const rounded = (similarity: number): number => Math.round(similarity * 1000) / 1000;

/** Candidates by band key, in their order. */
function byKey(candidates: Sketch[]): Map<number, Sketch[]> {
  const index = new Map<number, Sketch[]>();
  for (const c of candidates) {
    for (const key of c.keys) {
      const list = index.get(key);
      if (list) list.push(c);
      else index.set(key, [c]);
    }
  }
  return index;
}

/** The candidates that share at least one band with `p`, in candidate order. */
function sharingABand(p: Sketch, index: Map<number, Sketch[]>, order: Map<Sketch, number>): Sketch[] {
  const found = new Set(p.keys.flatMap((key) => index.get(key) ?? []));
  return [...found].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** The sketches of a document's passages, in order; headings and labels too short to compare have none. */
export function sketchPassages(documentId: string, passages: Array<{ id: string; text: string }>): Sketch[] {
  return passages.map((p) => sketch({ id: p.id, documentId, text: p.text })).filter((p): p is Sketch => p !== undefined);
}

/** Near-duplicates of `doc`'s passages among themselves and in `candidates`, pairs sharing a band, verified on the full signature. */
export function findNearDuplicates(doc: SegmentedDocument, candidates: ComparablePassage[], threshold = NEAR_DUPLICATE_THRESHOLD): NearDuplicate[] {
  return nearDuplicatesOf(doc.meta.id, sketchPassages(doc.meta.id, doc.passages), candidates, threshold);
}

/**
 * The same from sketches already made. A document's own passages are paired through the band
 * index too (every pair would be quadratic: a 5 MB report has 50,000 passages); at the 0.6
 * threshold a pair shares a band with probability 0.988, as candidates from the graph do.
 */
export function nearDuplicatesOf(documentId: string, mine: Sketch[], candidates: ComparablePassage[], threshold = NEAR_DUPLICATE_THRESHOLD): NearDuplicate[] {
  const theirs = candidates
    .filter((c) => c.documentId !== documentId)
    .map(sketch)
    .filter((p): p is Sketch => p !== undefined);
  const index = byKey(theirs);
  const order = new Map(theirs.map((c, i) => [c, i]));
  const ownIndex = byKey(mine);
  const position = new Map(mine.map((c, i) => [c, i]));
  const found: NearDuplicate[] = [];
  mine.forEach((a, i) => {
    const later = sharingABand(a, ownIndex, position).filter((b) => (position.get(b) ?? 0) > i);
    for (const b of [...later, ...sharingABand(a, index, order)]) {
      const score = similarity(a.sig, b.sig);
      if (score >= threshold) found.push({ passageId: a.id, otherPassageId: b.id, otherDocumentId: b.documentId, similarity: rounded(score) });
    }
  });
  return found;
}
