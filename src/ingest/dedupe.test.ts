import { describe, expect, it } from "vitest";
import {
  bandKeys,
  findNearDuplicates,
  LSH_BANDS,
  LSH_ROWS,
  NEAR_DUPLICATE_THRESHOLD,
  normalizeForComparison,
  type Signature,
  signature,
  similarity,
} from "./dedupe.js";
import { validateSource } from "./read.js";
import { segment } from "./segment.js";
import type { SegmentedDocument } from "./types.js";

const ORIGINAL = "加强信用体系建设。协助60余家企业完成信用修复。进一步推进政府和社会信息资源开放共享，引导近万家经营主体授权信用综合服务平台。";
const RETYPED = "加强信用体系建设。协助60家企业完成信用修复。进一步推进政府和社会信息资源开放共享,引导近万家经营主体授权信用综合服务平台。";
const OTHER = "全年销售临洮县、西和县、成武县等协作地农特产品695万余元，完成协作地党政干部培训900余人次。";

/** A text's signature; the texts here are all long enough to have one. */
function sig(text: string): Signature {
  const s = signature(text);
  if (!s) throw new Error(`no signature for ${text}`);
  return s;
}

/** The bands in which two texts have the same key. */
const shared = (a: string, b: string): number[] => bandKeys(a).flatMap((k, band) => (bandKeys(b)[band] === k ? [band] : []));

/** A real segmented document, one passage per line (each line one sentence). */
function documentOf(id: string, lines: string[]): SegmentedDocument {
  return segment(validateSource(new TextEncoder().encode(`${lines.join("\n\n")}\n`), `${id}.txt`, {}));
}

describe("near-duplicate detection", () => {
  it("folds full- and half-width punctuation and spaces", () => {
    expect(normalizeForComparison("协助60家企业, 完成修复。")).toBe(normalizeForComparison("协助60家企业，完成修复."));
  });

  it("scores a re-typeset passage with small differences high and unrelated text low", () => {
    expect(similarity(sig(ORIGINAL), sig(RETYPED))).toBeGreaterThan(0.75);
    expect(similarity(sig(ORIGINAL), sig(OTHER))).toBeLessThan(0.1);
  });

  it("does not compare headings and labels", () => {
    expect(signature("北宣")).toBeUndefined();
    expect(bandKeys("北宣")).toEqual([]);
  });
});

describe("LSH band keys", () => {
  it("gives each passage one key per band, an integer under 2^34 (stored inline by Neo4j)", () => {
    const keys = bandKeys(ORIGINAL);
    expect(keys).toHaveLength(LSH_BANDS);
    for (const key of keys) expect(Number.isInteger(key) && key >= 0 && key < 2 ** 34).toBe(true);
    expect(new Set(keys).size).toBe(LSH_BANDS);
  });

  it("are the same in every process: stored keys stay valid (a changed hash needs a re-keyed graph)", () => {
    expect(bandKeys(ORIGINAL).slice(0, 2)).toMatchInlineSnapshot(`
      [
        3882182728,
        7675508790,
      ]
    `);
  });

  it("puts a re-typeset passage in a shared band and unrelated text in none", () => {
    expect(shared(ORIGINAL, RETYPED).length).toBeGreaterThan(0);
    expect(shared(ORIGINAL, OTHER)).toEqual([]);
  });

  it("puts every pair at or above the threshold in a shared band, in a spread of edits", () => {
    const base = `${ORIGINAL}${OTHER}`;
    let near = 0;
    for (let edits = 1; edits <= 30; edits++) {
      const chars = [...base];
      for (let e = 0; e < edits; e++) chars[(e * 37 + edits) % chars.length] = "新";
      const variant = chars.join("");
      if (similarity(sig(base), sig(variant)) < NEAR_DUPLICATE_THRESHOLD) continue;
      near += 1;
      expect(shared(base, variant).length).toBeGreaterThan(0);
    }
    expect(near).toBeGreaterThan(5);
  });

  it("has its S-curve's steep part below the threshold: near-certain at 0.6, rare at 0.2", () => {
    const candidate = (s: number): number => 1 - (1 - s ** LSH_ROWS) ** LSH_BANDS;
    expect(LSH_BANDS * LSH_ROWS).toBe(128);
    expect(candidate(NEAR_DUPLICATE_THRESHOLD)).toBeGreaterThan(0.98);
    expect(candidate(0.2)).toBeLessThan(0.06);
  });
});

describe("findNearDuplicates", () => {
  const ONE_SENTENCE = "协助60余家企业完成信用修复，进一步推进政府和社会信息资源开放共享，引导近万家经营主体授权信用综合服务平台。";
  const RETYPED_SENTENCE = "协助60家企业完成信用修复，进一步推进政府和社会信息资源开放共享,引导近万家经营主体授权信用综合服务平台。";

  it("verifies candidates that share a band on the full signature, and skips the document's own passages", () => {
    const doc = documentOf("new", [RETYPED_SENTENCE, OTHER]);
    const [retyped] = doc.passages.filter((p) => p.text === RETYPED_SENTENCE);
    const found = findNearDuplicates(doc, [
      { id: "old:p0", documentId: "old", text: ONE_SENTENCE },
      { id: "new:p9", documentId: "new", text: ONE_SENTENCE },
      { id: "old:p1", documentId: "old", text: "推进城市更新和城市建设三年攻坚行动，完成老旧小区改造一百二十个。" },
    ]);
    expect(found).toEqual([{ passageId: retyped?.id, otherPassageId: "old:p0", otherDocumentId: "old", similarity: expect.any(Number) }]);
    expect(found[0]?.similarity).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
  });

  it("compares the document's own passages with each other", () => {
    const doc = documentOf("new", [ONE_SENTENCE, OTHER, RETYPED_SENTENCE]);
    const id = (text: string) => doc.passages.find((p) => p.text === text)?.id;
    expect(findNearDuplicates(doc, []).map((d) => [d.passageId, d.otherPassageId])).toEqual([[id(ONE_SENTENCE), id(RETYPED_SENTENCE)]]);
  });
});

describe("findNearDuplicates within one document, through the band index", () => {
  /** Sentences of random Han characters: unrelated to each other. */
  const randomSentences = (n: number, seed: number): string[] => {
    let state = seed;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    return Array.from({ length: n }, () => `${Array.from({ length: 30 }, () => String.fromCharCode(0x4e00 + Math.floor(next() * 2000))).join("")}。`);
  };

  it("finds the same pairs as comparing every pair", () => {
    const base = randomSentences(150, 7);
    const copies = base.slice(0, 30).map((s, i) => [...s].map((c, k) => (k % (14 + (i % 7)) === 0 ? "新" : c)).join(""));
    const doc = documentOf("own", [...base, ...copies]);
    const sigs = doc.passages.map((p) => ({ id: p.id, sig: signature(p.text) }));
    const brute: string[] = [];
    sigs.forEach((a, i) => {
      for (const b of sigs.slice(i + 1)) if (a.sig && b.sig && similarity(a.sig, b.sig) >= NEAR_DUPLICATE_THRESHOLD) brute.push(`${a.id} ${b.id}`);
    });
    expect(brute.length).toBeGreaterThan(10);
    expect(
      findNearDuplicates(doc, [])
        .map((d) => `${d.passageId} ${d.otherPassageId}`)
        .sort(),
    ).toEqual(brute.sort());
  });

  it("reads a 20,000-passage document in seconds (every pair would be 200 million comparisons)", () => {
    const doc = documentOf("long", randomSentences(20_000, 11));
    expect(doc.passages.length).toBeGreaterThanOrEqual(20_000);
    const started = performance.now();
    expect(findNearDuplicates(doc, [])).toEqual([]);
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});
