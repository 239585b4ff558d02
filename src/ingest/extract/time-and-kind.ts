import type { ArticleSegment, ObservationKind, PassageSegment } from "../types.js";
import { normalize } from "../text/normalize.js";
import { insideQuotes } from "./filters.js";

const TARGET_CUES = /(力争|确保|争取|计划|目标|将|要|拟|预期目标|年内|下一步)/u;
const FUTURE_IN_REVIEW = /(将|要|力争|确保)/u;
/** 完成 in a later clause than 预计 ends its scope (预计…，一般公共预算收入完成105.8亿元); 达到 continues it. */
const DONE_CUE = /(?<!预计)完成/gu;
const ESTIMATE_CUE = /预计|初步核算/gu;
const FORECAST_CUE = /预计/gu;
/** Words of a flow over a span (累计完成, 新增, 建成): such a figure covers the whole span, a stock only its end. */
const FLOW_CUE = /(累计|新增|新建|建成|完成|实施|引进|签约|新设|共|合计|总计|改造|培育|年均|减少|脱贫|搬迁|带动|吸引)/u;
const CENSUS_YEARS: Array<[RegExp, number]> = [
  [/第七次全国人口普查/u, 2020],
  [/第六次全国人口普查/u, 2010],
];
/** The first year of each five-year plan period the texts name ("十四五" is 2021–2025). */
const PLAN_PERIODS: Record<string, number> = { 十二五: 2011, 十三五: 2016, 十四五: 2021, 十五五: 2026 };
const COUNT: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 十: 10 };

export interface TimeContext {
  /** The year the document reviews (its results); plans are for the years after. Null when nothing says. */
  reportYear: number | null;
  /** The year the document was published, for 今年, 去年 and 明年. */
  publishedYear: number | null;
  article: ArticleSegment;
  passage: PassageSegment;
  /** A statistical bulletin reports closed years: its 初步核算 figures are results, not estimates. */
  bulletin: boolean;
  /** Text of the earlier sentences of the passage's paragraph (过去五年，… then 年均增长 in the next sentence). */
  paragraphBefore: string;
}

export interface Timing {
  period: number;
  /** First year of a span (过去五年, 2019—2023年); null for one year. */
  periodStart: number | null;
  kind: ObservationKind;
}

/** A time expression in a text: the years it covers and where it stands. */
interface TimeSpan {
  at: number;
  start: number;
  end: number;
}

type Years = { start: number; end: number } | undefined;

interface TimePattern {
  re: RegExp;
  years: (m: RegExpMatchArray, ctx: TimeContext) => Years;
}

const single = (y: number | null | undefined): Years => (y == null ? undefined : { start: y, end: y });
const thisYear = (ctx: TimeContext): number | null => ctx.publishedYear ?? (ctx.reportYear === null ? null : ctx.reportYear + 1);
const lastYear = (ctx: TimeContext): number | null => ctx.reportYear ?? (ctx.publishedYear === null ? null : ctx.publishedYear - 1);

/** Years, spans and relative words, each with the years it denotes for this document. */
const PATTERNS: TimePattern[] = [
  { re: /((?:19|20)\d{2})\s*(?:年)?\s*[—–\-~至到]\s*((?:19|20)\d{2})\s*年/gu, years: (m) => ({ start: Number(m[1]), end: Number(m[2]) }) },
  { re: /((?:19|20)\d{2})\s*年/gu, years: (m) => single(Number(m[1])) },
  {
    re: /(?:过去|近)的?([两二三四五十])年|([两二三四五十])年来/gu,
    years: (m, ctx) => {
      const end = lastYear(ctx);
      const n = COUNT[(m[1] ?? m[2]) as string] ?? 0;
      return end === null ? undefined : { start: end - n + 1, end };
    },
  },
  {
    re: /(?:未来|今后)([两二三四五十])年/gu,
    years: (m, ctx) => {
      const first = thisYear(ctx);
      const n = COUNT[m[1] as string] ?? 0;
      return first === null ? undefined : { start: first, end: first + n - 1 };
    },
  },
  {
    re: /“?(十[二三四五]五)”?(以来|时期|期间|末|期末)?/gu,
    years: (m, ctx) => {
      const first = PLAN_PERIODS[m[1] as string];
      if (first === undefined) return undefined;
      if (m[2] === "以来") return lastYear(ctx) === null ? undefined : { start: first, end: lastYear(ctx) as number };
      if (m[2] === "末" || m[2] === "期末") return single(first + 4);
      return m[2] ? { start: first, end: first + 4 } : undefined;
    },
  },
  { re: /(?<![比较])(?:去年|过去一年|刚刚过去的一年|上一年度)/gu, years: (_m, ctx) => single(lastYear(ctx)) },
  { re: /(?:今年|本年度|新的一年)/gu, years: (_m, ctx) => single(thisYear(ctx)) },
  { re: /明年/gu, years: (_m, ctx) => single(thisYear(ctx) === null ? null : (thisYear(ctx) as number) + 1) },
];

/** Every time expression of a text outside quotes and titles (《…（2021—2025年）》 is a name). */
export function timeSpans(text: string, ctx: TimeContext): TimeSpan[] {
  const found: Array<TimeSpan & { to: number }> = [];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const at = m.index ?? 0;
      if (insideQuotes(text, at) && !/^“?十/u.test(m[0])) continue;
      if (found.some((f) => at < f.to && f.at < at + m[0].length)) continue;
      const years = p.years(m, ctx);
      if (years) found.push({ at, to: at + m[0].length, ...years });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ at, start, end }) => ({ at, start, end }));
}

/** The last year written before `index` outside quotes and titles. */
export function yearBefore(text: string, index: number): number | undefined {
  let year: number | undefined;
  for (const m of text.slice(0, index).matchAll(/((?:19|20)\d{2})\s*年/gu)) {
    if (!insideQuotes(text, m.index ?? 0)) year = Number(m[1]);
  }
  return year;
}

function lastIndex(re: RegExp, text: string): number {
  let at = -1;
  for (const m of text.matchAll(re)) at = m.index ?? at;
  return at;
}

function defaultKind(end: number, reportYear: number | null, before: string): ObservationKind {
  if (reportYear === null) return TARGET_CUES.test(before) ? "TARGET" : "ACTUAL";
  return end > reportYear ? "TARGET" : "ACTUAL";
}

/**
 * Period and kind of a quantity. Defaults come from the section heading's years, else the article
 * (a plan, a review, a panel), else the year the document reviews; the last time expression before
 * the number in its sentence and cue words override them. Undefined when nothing gives a year.
 */
export function periodAndKind(ctx: TimeContext, sentence: string, clauseStart: number, clauseEnd: number, quantityStart: number): Timing | undefined {
  const { article, passage, reportYear } = ctx;
  const sectionSpan = passage.section ? timeSpans(normalize(passage.section), ctx).at(-1) : undefined;
  const before = sentence.slice(0, quantityStart);
  const census = CENSUS_YEARS.find(([re]) => re.test(sentence));
  const explicit = census ? { at: 0, start: census[1], end: census[1] } : timeSpans(before, ctx).at(-1);
  let timing: Timing | undefined;
  if (sectionSpan) {
    timing = {
      period: sectionSpan.end,
      periodStart: sectionSpan.start < sectionSpan.end ? sectionSpan.start : null,
      kind: defaultKind(sectionSpan.end, reportYear, ""),
    };
  } else if (article.period !== null) {
    timing = { period: article.period, periodStart: null, kind: article.observationKind ?? defaultKind(article.period, reportYear, "") };
  } else if (reportYear !== null) {
    timing = { period: reportYear, periodStart: null, kind: "ACTUAL" };
  }
  const differs = explicit && (!timing || explicit.end !== timing.period || explicit.start !== (timing.periodStart ?? timing.period));
  if (explicit && differs) {
    timing = { period: explicit.end, periodStart: explicit.start < explicit.end ? explicit.start : null, kind: defaultKind(explicit.end, reportYear, before) };
  }
  if (!timing) return undefined;
  // 年均增长 over the span an earlier sentence of the paragraph opened (过去五年，…。…年均增长5.6%).
  if (timing.periodStart === null && /年均/u.test(before)) {
    const earlier = timeSpans(ctx.paragraphBefore, ctx)
      .filter((t) => t.start < t.end)
      .at(-1);
    if (earlier && earlier.end === timing.period) timing.periodStart = earlier.start;
  }
  // A stock at the end of a span (通车里程突破8000公里) is a figure of the span's last year.
  if (timing.periodStart !== null && !FLOW_CUE.test(sentence.slice(clauseStart, quantityStart))) timing.periodStart = null;
  const clause = sentence.slice(clauseStart, clauseEnd);
  if (timing.kind === "ACTUAL") {
    const estimateAt = lastIndex(ctx.bulletin ? FORECAST_CUE : ESTIMATE_CUE, before);
    // 预计 governs the clauses after it up to a semicolon, or until one says 完成 (not 预计完成).
    const inScope = estimateAt >= 0 && !/[；;]/u.test(before.slice(estimateAt));
    const doneAt = lastIndex(DONE_CUE, before);
    const ended = doneAt > estimateAt && /[，,]/u.test(before.slice(estimateAt, doneAt));
    if (inScope && !ended) timing.kind = "ESTIMATE";
    else if (FUTURE_IN_REVIEW.test(clause) && (reportYear === null || timing.period >= reportYear)) timing.kind = "TARGET";
  } else if (timing.kind === "TARGET" && reportYear !== null && timing.period <= reportYear && !TARGET_CUES.test(before)) {
    timing.kind = "ACTUAL";
  }
  return timing;
}
