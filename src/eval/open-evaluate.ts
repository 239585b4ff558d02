import { normalize } from "../ingest/text/normalize.js";
import { score, type Score } from "./evaluate.js";
import type { OpenDocument, OpenObservation } from "./open-gold.js";

/** A subject as the extractor names it: its display name, a gazetteer path for places, every name it goes by. */
export interface NamedSubject {
  name: string;
  path: string | null;
  names: string[];
}

export interface PredictedObservation {
  valueStart: number;
  subject: NamedSubject;
  indicator: string;
  period: number;
  periodStart: number | null;
  kind: string;
  measure: string;
  qualifier: string;
  normalizedValue: number;
  normalizedUnit: string;
  quote: string;
  valueText: string;
}

export interface PredictedPost {
  person: string;
  title: string;
  organization: string;
  current: boolean;
}

/** What the extractor makes of one open document, names resolved for comparison. */
export interface DocumentPrediction {
  subject: NamedSubject | null;
  observations: PredictedObservation[];
  posts: PredictedPost[];
  skipped: Record<string, number>;
}

const ATTRIBUTES = ["subject", "period", "kind", "measure", "qualifier", "value", "unit"] as const;
type Attribute = (typeof ATTRIBUTES)[number];

export interface OpenEval {
  documents: number;
  strict: Score;
  spans: Score;
  attributeAccuracy: Record<Attribute, number>;
  posts: Score;
  subjects: Score;
  /** Figures filed under a place other than the gold's. */
  wrongPlace: number;
  /** Figures filed under a place the text never names, neither itself nor any place inside it. */
  unnamedPlace: number;
  skipped: Record<string, number>;
  details: string[];
}

export function sameSubject(gold: string | null, p: NamedSubject | null): boolean {
  if (gold === null || p === null) return gold === p;
  if (p.path) return p.path === gold;
  return p.name === (gold.split("/").at(-1) ?? gold);
}

function wrongAttributes(g: OpenObservation, p: PredictedObservation): Attribute[] {
  const wrong: Attribute[] = [];
  if (!sameSubject(g.subject, p.subject)) wrong.push("subject");
  if (p.period !== g.period || (p.periodStart ?? undefined) !== g.period_start) wrong.push("period");
  if (p.kind !== g.kind) wrong.push("kind");
  if (p.measure !== g.measure) wrong.push("measure");
  if (p.qualifier !== g.qualifier) wrong.push("qualifier");
  if (Math.abs(p.normalizedValue - g.normalized_value) > 1e-6 * Math.max(1, Math.abs(g.normalized_value))) wrong.push("value");
  // Units compare in simplified script: a traditional page prints 噸 where the extractor reads 吨.
  if (normalize(p.normalizedUnit) !== normalize(g.normalized_unit)) wrong.push("unit");
  return wrong;
}

const isPlace = (s: NamedSubject): boolean => s.path !== null;

/** Scores every document of an open set; `details` lists each miss, wrong attribute and spurious figure. */
export function evaluateOpen(docs: OpenDocument[], predict: (doc: OpenDocument) => DocumentPrediction): OpenEval {
  let gold = 0,
    predicted = 0,
    matched = 0,
    strict = 0,
    wrongPlace = 0,
    unnamedPlace = 0;
  let goldPosts = 0,
    predictedPosts = 0,
    correctPosts = 0;
  let goldSubjects = 0,
    predictedSubjects = 0,
    correctSubjects = 0;
  const wrongCounts = new Map<Attribute, number>(ATTRIBUTES.map((a) => [a, 0]));
  const skipped = new Map<string, number>();
  const details: string[] = [];
  for (const doc of docs) {
    const prediction = predict(doc);
    const readable = normalize(doc.text).replace(/\s+/gu, "");
    for (const [k, v] of Object.entries(prediction.skipped)) skipped.set(k, (skipped.get(k) ?? 0) + v);
    if (doc.subject !== null) goldSubjects += 1;
    if (prediction.subject !== null) predictedSubjects += 1;
    if (doc.subject !== null && sameSubject(doc.subject, prediction.subject)) correctSubjects += 1;
    else if (doc.subject !== null || prediction.subject !== null)
      details.push(`SUBJECT ${doc.id} gold ${doc.subject ?? "none"} / got ${prediction.subject?.path ?? prediction.subject?.name ?? "none"}`);

    const byStart = new Map<number, PredictedObservation[]>();
    for (const p of prediction.observations) byStart.set(p.valueStart, [...(byStart.get(p.valueStart) ?? []), p]);
    const used = new Set<PredictedObservation>();
    gold += doc.observations.length;
    predicted += prediction.observations.length;
    for (const g of doc.observations) {
      // 分别 lists and rate-plus-level clauses share no value start; pick the closest unused prediction there.
      const candidates = (byStart.get(g.valueStart) ?? []).filter((p) => !used.has(p));
      const p = candidates.find((c) => wrongAttributes(g, c).length === 0) ?? candidates[0];
      if (!p) {
        details.push(`MISSED ${doc.id}#${g.index + 1} ${g.quote} [${g.value_text}]`);
        continue;
      }
      used.add(p);
      matched += 1;
      const wrong = wrongAttributes(g, p);
      for (const a of wrong) wrongCounts.set(a, (wrongCounts.get(a) ?? 0) + 1);
      if (wrong.length === 0) strict += 1;
      else details.push(`WRONG ${doc.id}#${g.index + 1} ${g.quote} | ${wrong.map((a) => describe(a, g, p)).join("; ")}`);
    }
    for (const p of prediction.observations) {
      if (!used.has(p)) details.push(`SPURIOUS ${doc.id} ${p.quote} [${p.valueText}] → ${p.subject.path ?? p.subject.name}`);
      if (!isPlace(p.subject)) continue;
      const g = doc.observations.find((o) => o.valueStart === p.valueStart);
      if (!g || !sameSubject(g.subject, p.subject)) wrongPlace += 1;
      if (!p.subject.names.some((n) => readable.includes(n))) {
        unnamedPlace += 1;
        details.push(`UNNAMED-PLACE ${doc.id} ${p.quote} → ${p.subject.path}`);
      }
    }

    const key = (p: PredictedPost): string => `${p.person}|${p.title}|${p.organization}|${p.current}`;
    const goldSet = new Set(doc.posts.map(key));
    const predictedSet = new Set(prediction.posts.map(key));
    goldPosts += goldSet.size;
    predictedPosts += predictedSet.size;
    for (const k of predictedSet) {
      if (goldSet.has(k)) correctPosts += 1;
      else details.push(`SPURIOUS post ${doc.id} ${k}`);
    }
    for (const k of goldSet) if (!predictedSet.has(k)) details.push(`MISSED post ${doc.id} ${k}`);
  }
  return {
    documents: docs.length,
    strict: score(gold, predicted, strict),
    spans: score(gold, predicted, matched),
    attributeAccuracy: Object.fromEntries(ATTRIBUTES.map((a) => [a, matched ? 1 - (wrongCounts.get(a) ?? 0) / matched : 1])) as Record<Attribute, number>,
    posts: score(goldPosts, predictedPosts, correctPosts),
    subjects: score(goldSubjects, predictedSubjects, correctSubjects),
    wrongPlace,
    unnamedPlace,
    skipped: Object.fromEntries(skipped),
    details,
  };
}

function describe(a: Attribute, g: OpenObservation, p: PredictedObservation): string {
  const pairs: Record<Attribute, [unknown, unknown]> = {
    subject: [g.subject, p.subject.path ?? p.subject.name],
    period: [g.period_start ? `${g.period_start}-${g.period}` : g.period, p.periodStart ? `${p.periodStart}-${p.period}` : p.period],
    kind: [g.kind, p.kind],
    measure: [g.measure, p.measure],
    qualifier: [g.qualifier, p.qualifier],
    value: [g.normalized_value, p.normalizedValue],
    unit: [g.normalized_unit, p.normalizedUnit],
  };
  const [gv, pv] = pairs[a];
  return `${a}: gold ${String(gv)} / got ${String(pv)}`;
}
