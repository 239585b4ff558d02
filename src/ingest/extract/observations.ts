import { createHash } from "node:crypto";
import { linkSpans, type SurfaceMatcher } from "../link.js";
import { entityId, type Registry } from "../registry.js";
import { citeSpan } from "../citation.js";
import { compact } from "../text/compact.js";
import type { ArticleSegment, CitationRef, Measure, ObservationKind, PassageSegment, Qualifier, SegmentedDocument } from "../types.js";
import { isFigureLine, rejectReason } from "./filters.js";
import { type IndicatorPhrase, indicatorPhrase } from "./indicator.js";
import { findQuantities } from "./quantity.js";
import { type Resolved, resolveSubject, type Span } from "./subject.js";
import { periodAndKind } from "./time-and-kind.js";

export interface ExtractedObservation {
  subjectId: string;
  indicatorName: string;
  /** Set when the indicator is a registered one (its other wordings fold into it). */
  indicatorId: string;
  period: number;
  kind: ObservationKind;
  measure: Measure;
  value: number;
  valueMax?: number;
  unit: string;
  normalizedValue: number;
  normalizedUnit: string;
  qualifier: Qualifier;
  /** The number as printed with unit and qualifier (4.76万人). */
  valueText: string;
  /** Document offsets of `valueText`. */
  valueStart: number;
  valueEnd: number;
  citation: CitationRef;
}

export interface ExtractionContext {
  registry: Registry;
  matcher: SurfaceMatcher;
}

const CLAUSE_BREAK = /[，。；：！？,;:!?]/u;
/** Articles whose figures are not observations: a page header, a notice, an obituary, a logo legend. */
const SKIPPED_KINDS = new Set(["PAGE_HEADER", "NOTICE", "OBITUARY"]);

/** The registered indicator for a phrase (its name, an alias, or one the phrase ends with), else a new one. */
export function indicatorFor(registry: Registry, phrase: string): { id: string; name: string } {
  const indicators = registry.entries.filter((e) => e.kind === "INDICATOR");
  for (const e of indicators) {
    const forms = [e.name, ...e.aliases];
    if (forms.includes(phrase)) return { id: e.id, name: e.name };
  }
  for (const e of indicators) {
    const forms = [e.name, ...e.aliases].sort((a, b) => b.length - a.length);
    if (forms.some((f) => f.length >= 4 && phrase.endsWith(f))) return { id: e.id, name: e.name };
  }
  return { id: entityId("INDICATOR", phrase), name: phrase };
}

/** Stable id of an observation: the same fact from two documents is one node with two citations. */
export function observationId(o: Pick<ExtractedObservation, "subjectId" | "indicatorId" | "period" | "kind" | "measure" | "qualifier" | "normalizedValue" | "normalizedUnit">): string {
  const key = [o.subjectId, o.indicatorId, o.period, o.kind, o.measure, o.qualifier, o.normalizedValue, o.normalizedUnit].join("|");
  return `observation:${createHash("sha1").update(key).digest("hex").slice(0, 20)}`;
}

/** Identity of what is measured, regardless of the value: two observations sharing it but not the value conflict. */
export function factKey(o: Pick<ExtractedObservation, "subjectId" | "indicatorId" | "period" | "kind" | "measure" | "normalizedUnit">): string {
  return [o.subjectId, o.indicatorId, o.period, o.kind, o.measure, o.normalizedUnit].join("|");
}

export function extractObservations(doc: SegmentedDocument, ctx: ExtractionContext): ExtractedObservation[] {
  const articles = new Map<string, ArticleSegment>(doc.articles.map((a) => [a.id, a]));
  const reportYear = doc.meta.reportYear ?? (doc.meta.publishedOn ? Number(doc.meta.publishedOn.slice(0, 4)) - 1 : new Date().getUTCFullYear() - 1);
  const cityId = ctx.registry.entries.find((e) => e.kind === "CITY")?.id;
  const out: ExtractedObservation[] = [];
  for (const passage of doc.passages) {
    const article = articles.get(passage.articleId);
    if (!article || SKIPPED_KINDS.has(article.kind)) continue;
    if (article.kind === "PANEL" && article.period === null) continue;
    if (isFigureLine(passage.text)) continue;
    out.push(...fromPassage(doc, article, passage, { ...ctx, reportYear, cityId }));
  }
  return out;
}

function placeId(ctx: ExtractionContext, name: string | null): string | undefined {
  if (!name) return undefined;
  return ctx.registry.resolve(name).id;
}

function fromPassage(
  doc: SegmentedDocument,
  article: ArticleSegment,
  passage: PassageSegment,
  ctx: ExtractionContext & { reportYear: number; cityId: string | undefined },
): ExtractedObservation[] {
  const view = compact(passage.text);
  const sentence = view.text;
  const linked = linkSpans(sentence, ctx.matcher, article.place);
  const spans: Span[] = linked
    .filter((l) => !l.nested)
    .map((l) => {
      const inner = linked.find((n) => n.nested && n.start >= l.start && n.end <= l.end && n.entity.kind === "ZONE");
      return { start: l.start, end: l.end, entityId: l.entity.id, kind: l.entity.kind, ...(inner ? { innerZone: inner.entity.id } : {}) };
    });
  // Names of places and bodies opening a phrase are stripped from indicators; indicator names are not.
  const subjectNames = linked.filter((l) => l.entity.kind !== "INDICATOR" && l.entity.kind !== "EVENT").map((l) => sentence.slice(l.start, l.end));
  const articlePlace = placeId(ctx, article.place);
  const results: ExtractedObservation[] = [];
  let previousIndicator: IndicatorPhrase | undefined;
  let previousSubject: Resolved | undefined;
  let lastEnd = 0;
  for (const q of findQuantities(sentence)) {
    if (rejectReason(sentence, q)) continue;
    const clauseStart = lastClauseBreak(sentence, q.prefixStart);
    const clauseEnd = nextClauseBreak(sentence, q.end);
    const segStart = Math.max(clauseStart, lastEnd > clauseStart ? lastEnd : clauseStart);
    lastEnd = q.end;
    // After a figure of the same clause, only the words past its counted noun and a connector are this one's.
    const raw = sentence.slice(segStart, q.prefixStart);
    const before = segStart > clauseStart ? raw.replace(/^.*[、和及与]/u, "") : raw;
    const phrase = indicatorPhrase(before, sentence.slice(q.end, clauseEnd), q, subjectNames, previousIndicator);
    if (!phrase) continue;
    previousIndicator = phrase;
    const subject = resolveSubject(
      { registry: ctx.registry, sentence, spans, articlePlace, cityId: ctx.cityId },
      { clauseStart, clauseEnd, start: q.prefixStart, end: q.end },
      previousSubject,
    );
    const subjectId = subject.id;
    if (!subjectId) continue;
    previousSubject = subject;
    const { period, kind } = periodAndKind({ article, passage, reportYear: ctx.reportYear }, sentence, clauseStart, clauseEnd, q.prefixStart);
    const indicator = indicatorFor(ctx.registry, phrase.name);
    const value = citeSpan(doc.meta.id, passage, view, q.start, q.end);
    results.push({
      subjectId,
      indicatorName: indicator.name,
      indicatorId: indicator.id,
      period,
      kind,
      measure: phrase.measure,
      value: q.value,
      ...(q.valueMax !== undefined ? { valueMax: q.valueMax } : {}),
      unit: q.unit,
      normalizedValue: q.normalizedValue,
      normalizedUnit: q.normalizedUnit,
      qualifier: q.qualifier,
      valueText: value.quote,
      valueStart: value.start,
      valueEnd: value.end,
      citation: citeSpan(doc.meta.id, passage, view, clauseStart, clauseEnd),
    });
  }
  return results;
}

function lastClauseBreak(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) if (CLAUSE_BREAK.test(text[i] as string)) return i + 1;
  return 0;
}

function nextClauseBreak(text: string, index: number): number {
  for (let i = index; i < text.length; i++) if (CLAUSE_BREAK.test(text[i] as string)) return i;
  return text.length;
}
