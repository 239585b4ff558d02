import { IngestInputError } from "../errors/client-errors.js";
import { isFurniture, isFurnitureLine } from "./text/furniture.js";
import { wordCrossesJoin } from "./text/jieba.js";
import { normalize } from "./text/normalize.js";
import { isFullLine, type Wrap, wrapOf } from "./text/wrap.js";
import type { ArticleHint, ArticleSegment, PassageSegment, SegmentedDocument, SourceDocument } from "./types.js";

interface Line {
  start: number;
  end: number;
  text: string;
  paragraph: number;
  /** Spaces before the text (paragraphs of many copies open with 　　). */
  indent: number;
  /** The text folded and simplified, for the tests on shape (１２．５％ → 12.5%, 預算 → 预算). */
  norm: string;
  furniture: boolean;
}

type LineView = Pick<Line, "text" | "norm" | "furniture">;

const SENTENCE_END = /[。！？!?]/u;
const CLOSERS = /[”’」』）)\]】"']/u;
const TERMINAL_LINE = /[。！？!?；;：:…][”’」』）)\]】"']*$/u;
const SOFT_END = /[，、,；;]$/u;
const UNIT_START = /^[个家处所座栋条项件部套辆名人户亩元米场次批类支%％]/u;
const NUMBER_UNIT_START = /^[万亿千百]?[个家处所座栋条项件部套辆名人户亩元米场次批类支倍吨台%％]/u;
const SENTENCE_END_LINE = /[。！？!?][”’」』）)\]】"']*$/u;
/** 一、 （二） 3. 第四章 ①: the next line opens an item of its own. */
const ITEM_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|第[一二三四五六七八九十\d]+[章节部分条]|[①-⑳])/u;
/** No line of its own starts with these: the line above was cut before them. */
const CONTINUATION_START = /^[，。、；：？！,;:?!）)」』”’%％]/u;
const CLAUSE_MARK = /[，、；：,;:]/u;
/** 达到4512元和 / 2189元: a conjunction or particle ends no heading, and 和 + a figure opens no line. */
const CUT_END = /[和及与的为在对把将并或从向被]$/u;
const CUT_START = /^[和及与][0-9]/u;
const LEAD_BYLINE = /^□\s*\S/u;
const TRAIL_BYLINE = /(记者|通讯员)\s*[\p{Script=Han}]{1,2}\s?[\p{Script=Han}]{1,2}$/u;
/** 梁 超 朱有祥 宋 津: reporters' names, spaced as printed under an article. */
const NAME_LIST = /^(?:[\p{Script=Han}]{1,3}\s+){2,}[\p{Script=Han}]{1,3}$/u;

/** What the segmenter knows around a line break besides the two lines. */
export interface BreakContext {
  wrap?: Wrap | undefined;
  /** The lines follow each other without a blank line between. */
  adjacent?: boolean;
  /** The line already continues a sentence from the line above. */
  continued?: boolean;
  /** The line is indented as a paragraph opens and the next is not: it goes on there. */
  hanging?: boolean;
}

export function isBylineLine(line: string): boolean {
  return LEAD_BYLINE.test(line) || (line.length <= 40 && (TRAIL_BYLINE.test(line) || NAME_LIST.test(line)));
}

/** A heading that names a section: not a byline, not a bare figure (1100亿元), not a subtitle dash line. */
function isSectionTitle(line: string): boolean {
  return !isBylineLine(line) && (line.match(/\p{Script=Han}/gu)?.length ?? 0) >= 4 && !/^[0-9.、余万亿]+[^\p{Script=Han}]*[\p{Script=Han}]{0,3}$/u.test(line);
}

/** Non-empty lines with exact offsets (surrounding spaces trimmed), numbered by paragraph. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  let paragraph = 0;
  let blankBefore = false;
  for (const raw of text.split("\n")) {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length === 0) {
      blankBefore = true;
    } else {
      if (blankBefore || lines.length === 0) paragraph += 1;
      blankBefore = false;
      const norm = normalize(trimmed);
      lines.push({ start: offset + lead, end: offset + lead + trimmed.length, text: trimmed, paragraph, indent: lead, norm, furniture: isFurniture(norm) });
    }
    offset += raw.length + 1;
  }
  return lines;
}

/**
 * True when the page layout broke a sentence after `line` (the sentence goes on in `next`).
 * Headings also end without punctuation, so a break counts as soft only on positive evidence.
 */
export function isSoftBreak(line: string, next: string | undefined, ctx: BreakContext = {}): boolean {
  return next !== undefined && softBreak(viewOf(line), viewOf(next), ctx);
}

function viewOf(text: string): LineView {
  const norm = normalize(text);
  return { text, norm, furniture: isFurniture(norm) };
}

/** isSoftBreak on lines whose shape is known; traditional script and full-width digits are read normalized. */
function softBreak(a: LineView, b: LineView, ctx: BreakContext): boolean {
  if (a.furniture || b.furniture) return false;
  const line = a.norm;
  const next = b.norm;
  if (LEAD_BYLINE.test(next) || next.startsWith("■")) return false;
  // A hard-wrapped text fills each line to the page width; a full line ends mid-sentence unless it ends one.
  if (ctx.wrap && isFullLine(ctx.wrap, a.text) && !SENTENCE_END_LINE.test(line) && !ITEM_START.test(next)) return true;
  // A semicolon ends a clause: inside a paragraph the sentence goes on past it.
  if (/[；;]$/u.test(line)) return isParagraphCut(line, next, ctx);
  if (TERMINAL_LINE.test(line)) return false;
  if (isNumberCut(line, next) || CONTINUATION_START.test(next) || isParagraphCut(line, next, ctx)) return true;
  if (SOFT_END.test(line)) return true;
  if (line.length > 60) return true;
  // A finished sentence inside the line means it is running text, not a heading.
  if (SENTENCE_END.test(line.slice(0, -1))) return true;
  // 建设5 / 处口袋公园: a number at the end of one line, its unit at the start of the next.
  if (/[0-9]$/u.test(line) && UNIT_START.test(next) && /[，,]/u.test(line)) return true;
  // 综合保 / 险和家庭: a word cut in two by the line break (short lines are labels: 市北 / 区市两会).
  return line.length > 4 && next.length > 4 && /[\p{Script=Han}]$/u.test(line) && wordCrossesJoin(line, next);
}

/** Two lines of one paragraph (no blank line between), the first prose or a cut word, the next prose. */
function isParagraphCut(line: string, next: string, ctx: BreakContext): boolean {
  if (!ctx.adjacent || !isProse(next) || ITEM_START.test(next)) return false;
  if (ctx.continued === true || ctx.hanging === true || CUT_END.test(line) || CUT_START.test(next)) return true;
  return isRunningText(line) || isCutWord(line, next);
}

/** Clauses inside the line (a heading has none, past its item number): prose, cut by a hard line break. */
function isRunningText(line: string): boolean {
  if (ITEM_START.test(line) && line.length <= 40) return false;
  return CLAUSE_MARK.test(line.replace(ITEM_START, "").slice(0, -1));
}

/** 加快基础 / 设施建设: a word across the break of two lines of one paragraph. */
function isCutWord(line: string, next: string): boolean {
  return !ITEM_START.test(line) && /[\p{Script=Han}]$/u.test(line) && wordCrossesJoin(line, next, { anySplit: true });
}

/** A line with clauses or a sentence end, not a bare title (市北区委书记…，回应… / 推进青钢遗址公园建设). */
function isProse(line: string): boolean {
  return CLAUSE_MARK.test(line) || SENTENCE_END.test(line) || TERMINAL_LINE.test(line);
}

/** 12 / 34.5亿元 or 收入12.4 / 亿元: a figure cut by the line break inside running text. */
function isNumberCut(line: string, next: string): boolean {
  if ((line.match(/\p{Script=Han}/gu)?.length ?? 0) < 4) return false;
  if (/[0-9.]$/u.test(line) && /^[0-9.%]/u.test(next)) return true;
  return /[0-9]$/u.test(line) && NUMBER_UNIT_START.test(next) && (/[，,、；]/u.test(line) || line.length >= 16);
}

export function isHeadingLike(line: string): boolean {
  return line.length <= 100 && !TERMINAL_LINE.test(line) && !SENTENCE_END.test(line);
}

/** Splits pages into articles (from metadata hints, else bylines) and articles into sentences. */
export function segment(doc: SourceDocument): SegmentedDocument {
  const lines = splitLines(doc.text);
  const articles = doc.meta.articles?.length ? articlesFromHints(doc, lines, doc.meta.articles) : articlesFromBylines(doc, lines);
  const wrap = wrapOf(lines.filter((l) => !l.furniture).map((l) => l.text));
  const passages = articles.flatMap((article) =>
    passagesOf(
      doc,
      article,
      lines.filter((l) => l.start >= article.start && l.end <= article.end),
      wrap,
    ),
  );
  return { ...doc, articles, passages };
}

function articleId(docId: string, index: number): string {
  return `article:${docId}:${index}`;
}

function articlesFromHints(doc: SourceDocument, lines: Line[], hints: ArticleHint[]): ArticleSegment[] {
  const starts: Array<{ line: number; hint: ArticleHint }> = [];
  let from = 0;
  for (const hint of hints) {
    const at = lines.findIndex((l, i) => i >= from && l.text.startsWith(hint.startsWith));
    if (at < 0) throw new IngestInputError(`metadata articles: no line starts with "${hint.startsWith}" (after the previous article)`);
    starts.push({ line: at, hint });
    from = at + 1;
  }
  const segments: ArticleSegment[] = [];
  const first = starts[0];
  if (first && first.line > 0) {
    segments.push(makeArticle(doc, segments.length, lines[0] as Line, lines[first.line - 1] as Line, { startsWith: "", kind: "PAGE_HEADER" }, lines));
  }
  starts.forEach(({ line, hint }, i) => {
    const endLine = (starts[i + 1]?.line ?? lines.length) - 1;
    segments.push(makeArticle(doc, segments.length, lines[line] as Line, lines[endLine] as Line, hint, lines));
  });
  return segments;
}

/** Without hints: an article starts at the headline lines above a □ byline, or after a trailing 记者 byline. */
function articlesFromBylines(doc: SourceDocument, lines: Line[]): ArticleSegment[] {
  const startLines = new Set<number>([0]);
  lines.forEach((line, i) => {
    if (LEAD_BYLINE.test(line.text)) {
      let head = i;
      while (head > 0 && isHeadingLike((lines[head - 1] as Line).text) && !TRAIL_BYLINE.test((lines[head - 1] as Line).text)) head -= 1;
      startLines.add(head);
    } else if (TRAIL_BYLINE.test(line.text) && line.text.length <= 40 && i + 1 < lines.length) startLines.add(i + 1);
  });
  const sorted = [...startLines].sort((a, b) => a - b);
  return sorted.map((startLine, i) => {
    const endLine = (sorted[i + 1] ?? lines.length) - 1;
    const first = lines[startLine] as Line;
    const byline = lines.slice(startLine, endLine + 1).find((l) => LEAD_BYLINE.test(l.text) || TRAIL_BYLINE.test(l.text));
    // A copied web page opens with its furniture (当前位置：首页 > …), not with the headline.
    const headline = lines.slice(startLine, endLine + 1).find((l) => !l.furniture) ?? first;
    return makeArticle(doc, i, first, lines[endLine] as Line, { startsWith: first.text, headline: headline.text, ...(byline ? {} : {}) }, lines);
  });
}

function makeArticle(doc: SourceDocument, index: number, first: Line, last: Line, hint: ArticleHint, lines: Line[]): ArticleSegment {
  const inside = lines.filter((l) => l.start >= first.start && l.end <= last.end);
  const bylineLine = inside.find((l) => isBylineLine(l.text));
  return {
    id: articleId(doc.meta.id, index),
    index,
    kind: hint.kind ?? "ARTICLE",
    headline: hint.headline ?? first.text,
    byline: bylineLine ? bylineLine.text.replace(/^□\s*/u, "") : null,
    reporters: hint.reporters ?? [],
    photographers: hint.photographers ?? [],
    place: hint.place ?? null,
    period: hint.period ?? null,
    observationKind: hint.observationKind ?? null,
    start: first.start,
    end: last.end,
  };
}

/**
 * Sentences of one article. Lines joined by a soft (layout) break form one sentence whose span
 * includes the line break, so quotes stay exact substrings of the document.
 */
function passagesOf(doc: SourceDocument, article: ArticleSegment, lines: Line[], wrap: Wrap | undefined): PassageSegment[] {
  const passages: PassageSegment[] = [];
  let section: string | null = null;
  let i = 0;
  while (i < lines.length) {
    // Gather a run of lines connected by soft breaks.
    let j = i;
    while (j + 1 < lines.length && softBreak(lines[j] as Line, lines[j + 1] as Line, breakContext(lines, i, j, wrap))) j += 1;
    const first = lines[i] as Line;
    const last = lines[j] as Line;
    const furniture = i === j && first.furniture;
    const heading = i === j && !furniture && isHeadingLike(first.text) && !isBylineLine(first.text);
    for (const [start, end] of sentenceSpans(doc.text, first.start, last.end)) {
      const text = doc.text.slice(start, end);
      passages.push({
        id: `passage:${doc.meta.id}:${start}-${end}`,
        articleId: article.id,
        index: passages.length,
        paragraph: lineAt(lines, start).paragraph,
        section,
        isHeading: heading,
        isFurniture: furniture || (text !== first.text && isFurnitureLine(text)),
        start,
        end,
        text,
      });
    }
    if (heading && isSectionTitle(first.text)) section = first.text;
    i = j + 1;
  }
  return passages;
}

function breakContext(lines: Line[], first: number, at: number, wrap: Wrap | undefined): BreakContext {
  const line = lines[at] as Line;
  const next = lines[at + 1];
  return { wrap, adjacent: next?.paragraph === line.paragraph, continued: at > first, hanging: line.indent > 0 && next?.indent === 0 };
}

function lineAt(lines: Line[], offset: number): Line {
  return lines.findLast((l) => l.start <= offset) ?? (lines[0] as Line);
}

/** Sentence spans in text[from, to): each ends after 。！？ and any closing quotes, or at `to`. */
export function sentenceSpans(text: string, from: number, to: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = from;
  for (let k = from; k < to; k++) {
    if (!SENTENCE_END.test(text[k] as string)) continue;
    let end = k + 1;
    while (end < to && CLOSERS.test(text[end] as string)) end += 1;
    spans.push([start, end]);
    start = end;
    k = end - 1;
  }
  if (start < to) spans.push([start, to]);
  return spans
    .map(([s, e]): [number, number] => {
      // Spaces between sentences belong to neither.
      while (s < e && /\s/u.test(text[s] as string)) s += 1;
      while (e > s && /\s/u.test(text[e - 1] as string)) e -= 1;
      return [s, e];
    })
    .filter(([s, e]) => e > s);
}
