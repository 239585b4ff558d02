import { createHash } from "node:crypto";
import { linkSpans, type SurfaceMatcher } from "../link.js";
import { divisionId, entityId, type Registry } from "../registry.js";
import { citeSpan } from "../citation.js";
import { compact } from "../text/compact.js";
import type { ArticleSegment, CitationRef, Measure, ObservationKind, PassageSegment, Qualifier, SegmentedDocument } from "../types.js";
import { isFigureLine, rejectReason } from "./filters.js";
import { type IndicatorPhrase, indicatorPhrase } from "./indicator.js";
import { standardIndicator } from "./indicator-vocabulary.js";
import { findQuantities } from "./quantity.js";
import { type Resolved, resolveSubject, respectiveIndex, type Span } from "./subject.js";
import { type DocumentContext, placeFrame } from "../context.js";
import type { Gazetteer } from "../gazetteer/gazetteer.js";
import { type LevelChar, placeForLevel } from "./place-words.js";
import { periodAndKind } from "./time-and-kind.js";

export interface ExtractedObservation {
  subjectId: string;
  indicatorName: string;
  /** Set when the indicator is a registered one (its other wordings fold into it). */
  indicatorId: string;
  period: number;
  /** First year of a span (过去五年); absent for one year. */
  periodStart?: number;
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
  gazetteer: Gazetteer;
  context: DocumentContext;
}

/** Figures found but left out, by reason: never filed under a guessed place or year. */
export interface SkippedFigures {
  noSubject: number;
  noPeriod: number;
  /** What the figure measures would be a name (of a place, zone, project): no indicator. */
  noIndicator: number;
}

/** A figure left out, where it stands: what a dry run shows a curator. */
export interface SkippedFigure extends CitationRef {
  reason: keyof SkippedFigures;
}

/** A report lists at most this many skipped figures (the counts stay exact). */
export const MAX_SKIPPED_LISTED = 1000;

export interface ObservationExtraction {
  observations: ExtractedObservation[];
  skipped: SkippedFigures;
  skippedFigures: SkippedFigure[];
}

type Skip = (reason: keyof SkippedFigures, figure: CitationRef) => void;

const CLAUSE_BREAK = /[，。；：！？,;:!?]/u;
/** Articles whose figures are not observations: a page header, a notice, an obituary, a logo legend. */
const SKIPPED_KINDS = new Set(["PAGE_HEADER", "NOTICE", "OBITUARY"]);

/** The standard indicator for a phrase, else the registered one (its name, an alias, or one the phrase ends with), else a new one. */
export function indicatorFor(registry: Registry, phrase: string): { id: string; name: string } {
  const standard = standardIndicator(phrase);
  if (standard) return { id: standard.id, name: standard.name };
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
/** A span of years keys as "2019-2023"; a single year as itself, so ids of one-year facts never change. */
const periodKey = (o: Pick<ExtractedObservation, "period" | "periodStart">): string =>
  o.periodStart !== undefined ? `${o.periodStart}-${o.period}` : String(o.period);

export function observationId(
  o: Pick<
    ExtractedObservation,
    "subjectId" | "indicatorId" | "period" | "periodStart" | "kind" | "measure" | "qualifier" | "normalizedValue" | "normalizedUnit"
  >,
): string {
  const key = [o.subjectId, o.indicatorId, periodKey(o), o.kind, o.measure, o.qualifier, o.normalizedValue, o.normalizedUnit].join("|");
  return `observation:${createHash("sha1").update(key).digest("hex").slice(0, 20)}`;
}

/** Identity of what is measured, regardless of the value: two observations sharing it but not the value conflict. */
export function factKey(o: Pick<ExtractedObservation, "subjectId" | "indicatorId" | "period" | "periodStart" | "kind" | "measure" | "normalizedUnit">): string {
  return [o.subjectId, o.indicatorId, periodKey(o), o.kind, o.measure, o.normalizedUnit].join("|");
}

export function extractObservations(doc: SegmentedDocument, ctx: ExtractionContext): ObservationExtraction {
  const articles = new Map<string, ArticleSegment>(doc.articles.map((a) => [a.id, a]));
  const out: ExtractedObservation[] = [];
  const skipped: SkippedFigures = { noSubject: 0, noPeriod: 0, noIndicator: 0 };
  const skippedFigures: SkippedFigure[] = [];
  const skip: Skip = (reason, figure) => {
    skipped[reason] += 1;
    if (skippedFigures.length < MAX_SKIPPED_LISTED) skippedFigures.push({ reason, ...figure });
  };
  for (const passage of doc.passages) {
    const article = articles.get(passage.articleId);
    if (!article || SKIPPED_KINDS.has(article.kind) || passage.isFurniture) continue;
    if (article.kind === "PANEL" && article.period === null) continue;
    if (isFigureLine(passage.text)) continue;
    out.push(...fromPassage(doc, article, passage, ctx, skip));
  }
  return { observations: out, skipped, skippedFigures };
}

function fromPassage(doc: SegmentedDocument, article: ArticleSegment, passage: PassageSegment, ctx: ExtractionContext, skip: Skip): ExtractedObservation[] {
  const view = compact(passage.text);
  const sentence = view.text;
  const frame = placeFrame(ctx.context, ctx.gazetteer, ctx.registry, article);
  const linked = linkSpans(sentence, ctx.matcher, frame);
  const spans: Span[] = linked
    .filter((l) => !l.nested)
    .map((l) => {
      const inner = linked.find((n) => n.nested && n.start >= l.start && n.end <= l.end && n.entity.kind === "ZONE");
      return { start: l.start, end: l.end, entityId: l.entity.id, kind: l.entity.kind, ...(inner ? { innerZone: inner.entity.id } : {}) };
    });
  // Names of places and bodies opening a phrase are stripped from indicators; indicator names are not.
  const subjectNames = linked.filter((l) => l.entity.kind !== "INDICATOR" && l.entity.kind !== "EVENT").map((l) => sentence.slice(l.start, l.end));
  const here = frame.place;
  const articlePlace: Resolved | undefined = here ? { id: divisionId(here), kind: here.kind } : undefined;
  const placeWord = (level: LevelChar): Resolved | undefined => {
    const d = here ? placeForLevel(ctx.gazetteer, here, level) : undefined;
    return d ? { id: divisionId(d), kind: d.kind } : undefined;
  };
  const results: ExtractedObservation[] = [];
  let previousIndicator: IndicatorPhrase | undefined;
  let previousSubject: Resolved | undefined;
  let lastEnd = 0;
  for (const q of findQuantities(sentence)) {
    if (rejectReason(sentence, q)) continue;
    const clauseStart = lastClauseBreak(sentence, q.prefixStart);
    const clauseEnd = nextClauseBreak(sentence, q.end);
    const segStart = Math.max(clauseStart, lastEnd);
    lastEnd = q.end;
    // After a figure of the same clause, only the words past its counted noun and a connector are this one's.
    const raw = sentence.slice(segStart, q.prefixStart);
    const before = segStart > clauseStart ? raw.replace(/^.*[、和及与]/u, "") : raw;
    // 分别增长5.1%和7.6%: the second value of a list is the first one's kind of figure.
    const listed = previousIndicator && segStart > clauseStart && /^[和、及与]$/u.test(raw.trim());
    const read = listed ? previousIndicator : indicatorPhrase(before, sentence.slice(q.end, clauseEnd), q, subjectNames, previousIndicator);
    if (!read) continue;
    // An indicator is never the full name of a place (…，青岛市199个): the place is the subject, the measure the one before.
    const isPlaceName = ctx.gazetteer.candidates(read.name).some((d) => d.name === read.name);
    const phrase = isPlaceName ? previousIndicator : read;
    if (!phrase) {
      skip("noIndicator", citeSpan(doc.meta.id, passage, view, q.start, q.end));
      continue;
    }
    previousIndicator = phrase;
    const subject = resolveSubject(
      { registry: ctx.registry, sentence, spans, articlePlace, placeWord },
      { clauseStart, clauseEnd, start: q.prefixStart, end: q.end },
      previousSubject,
    );
    const subjectId = subject.id;
    if (!subjectId) {
      skip("noSubject", citeSpan(doc.meta.id, passage, view, q.start, q.end));
      continue;
    }
    previousSubject = subject;
    const timing = periodAndKind(
      {
        article,
        passage,
        reportYear: ctx.context.reportYear,
        publishedYear: ctx.context.publishedYear,
        bulletin: ctx.context.bulletin,
        paragraphBefore: paragraphBefore(doc, passage),
      },
      sentence,
      clauseStart,
      clauseEnd,
      q.prefixStart,
    );
    if (!timing) {
      skip("noPeriod", citeSpan(doc.meta.id, passage, view, q.start, q.end));
      continue;
    }
    const { period, kind } = timing;
    // 年均增长 over a span of years is an average annual rate, not the change over the span.
    const measure = phrase.measure === "GROWTH_RATE" && /年均/u.test(sentence.slice(clauseStart, q.prefixStart)) ? "AVERAGE_GROWTH_RATE" : phrase.measure;
    const indicator = indicatorFor(ctx.registry, respectiveName(phrase.name, sentence, clauseStart, q.prefixStart));
    const sign = phrase.falling ? -1 : 1;
    const value = citeSpan(doc.meta.id, passage, view, q.start, q.end);
    results.push({
      subjectId,
      indicatorName: indicator.name,
      indicatorId: indicator.id,
      period,
      ...(timing.periodStart !== null ? { periodStart: timing.periodStart } : {}),
      kind,
      measure,
      value: sign * q.value,
      ...(q.valueMax !== undefined ? { valueMax: sign * q.valueMax } : {}),
      unit: q.unit,
      normalizedValue: sign * q.normalizedValue,
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

/** 城乡居民…分别 (or 城镇和农村居民…分别): the first value is the urban figure, the second the rural one. */
const URBAN_RURAL = /^(?:城乡|城镇和农村|城镇、农村|城镇与农村)/u;

export function respectiveName(name: string, sentence: string, clauseStart: number, at: number): string {
  const respectively = sentence.lastIndexOf("分别", at);
  if (!URBAN_RURAL.test(name) || respectively < clauseStart) return name;
  const part = ["城镇", "农村"][respectiveIndex(sentence, respectively, at)];
  return part ? name.replace(URBAN_RURAL, part) : name;
}

/** Each document's passages by article and paragraph, built once: a scan per figure is quadratic in a large document. */
const paragraphIndex = new WeakMap<SegmentedDocument, Map<string, PassageSegment[]>>();

function paragraphOf(doc: SegmentedDocument, passage: PassageSegment): PassageSegment[] {
  let index = paragraphIndex.get(doc);
  if (!index) {
    index = new Map();
    for (const p of doc.passages) {
      const key = `${p.articleId}\u0000${p.paragraph}`;
      const list = index.get(key);
      if (list) list.push(p);
      else index.set(key, [p]);
    }
    paragraphIndex.set(doc, index);
  }
  return index.get(`${passage.articleId}\u0000${passage.paragraph}`) ?? [];
}

/** The earlier sentences of a passage's paragraph, normalized for reading time words. */
function paragraphBefore(doc: SegmentedDocument, passage: PassageSegment): string {
  return paragraphOf(doc, passage)
    .filter((p) => p.index < passage.index)
    .map((p) => compact(p.text).text)
    .join("");
}

function lastClauseBreak(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) if (CLAUSE_BREAK.test(text[i] as string)) return i + 1;
  return 0;
}

function nextClauseBreak(text: string, index: number): number {
  for (let i = index; i < text.length; i++) if (CLAUSE_BREAK.test(text[i] as string)) return i;
  return text.length;
}
