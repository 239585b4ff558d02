import type { ArticleSegment, ObservationKind, PassageSegment } from "../types.js";
import { insideQuotes } from "./filters.js";

const YEAR = /((?:19|20)\d{2})\s*年/gu;
const TARGET_CUES = /(力争|确保|争取|计划|目标|将|要|拟|预期目标|年内|下一步)/u;
const FUTURE_IN_REVIEW = /(将|要|力争|确保)/u;
/** 完成 after 预计 ends its scope (一般公共预算收入完成105.8亿元), unless it is 预计完成 itself. */
const DONE_CUE = /(?<!预计)(完成|实现|达到)/gu;
const CENSUS_YEARS: Array<[RegExp, number]> = [
  [/第七次全国人口普查/u, 2020],
  [/第六次全国人口普查/u, 2010],
];

export interface TimeContext {
  /** The year the document reviews (its results); plans are for the year after. */
  reportYear: number;
  article: ArticleSegment;
  passage: PassageSegment;
}

/** The last year written before `index` outside quotes and titles (《…（2021—2025年）》 is a name). */
export function yearBefore(text: string, index: number): number | undefined {
  let year: number | undefined;
  for (const m of text.slice(0, index).matchAll(YEAR)) {
    if (!insideQuotes(text, m.index ?? 0)) year = Number(m[1]);
  }
  return year;
}

function lastIndex(re: RegExp, text: string): number {
  let at = -1;
  for (const m of text.matchAll(re)) at = m.index ?? at;
  return at;
}

/**
 * Period and kind of a quantity. Defaults come from the section heading's year, else the article
 * (a plan, a review, a panel); an explicit year before the number and cue words override them.
 */
export function periodAndKind(
  ctx: TimeContext,
  sentence: string,
  clauseStart: number,
  clauseEnd: number,
  quantityStart: number,
): { period: number; kind: ObservationKind } {
  const { article, passage, reportYear } = ctx;
  const sectionYear = passage.section ? yearBefore(passage.section, passage.section.length) : undefined;
  let period = sectionYear ?? article.period ?? reportYear;
  let kind: ObservationKind =
    sectionYear !== undefined ? (sectionYear > reportYear ? "TARGET" : "ACTUAL") : (article.observationKind ?? (period > reportYear ? "TARGET" : "ACTUAL"));

  const census = CENSUS_YEARS.find(([re]) => re.test(sentence));
  const explicit = census?.[1] ?? yearBefore(sentence, quantityStart);
  if (explicit !== undefined && explicit !== period) {
    period = explicit;
    kind = explicit > reportYear ? "TARGET" : "ACTUAL";
  }
  const before = sentence.slice(0, quantityStart);
  const clause = sentence.slice(clauseStart, clauseEnd);
  if (kind === "ACTUAL") {
    const estimateAt = before.lastIndexOf("预计");
    // 预计 governs the clauses after it up to a semicolon, or until one says 完成 (not 预计完成).
    const inScope = estimateAt >= 0 && !/[；;]/u.test(before.slice(estimateAt));
    if (inScope && lastIndex(DONE_CUE, before) < estimateAt) kind = "ESTIMATE";
    else if (FUTURE_IN_REVIEW.test(clause)) kind = "TARGET";
  } else if (kind === "TARGET" && period <= reportYear && !TARGET_CUES.test(before)) {
    kind = "ACTUAL";
  }
  return { period, kind };
}
