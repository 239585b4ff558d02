import { type ReactNode, useMemo } from "react";

/** A lighter highlight over [start, end): another citation of the fact, the cited sentence, a heading. */
export interface Highlight {
  start: number;
  end: number;
  className: string;
  title?: string;
}

/** An empty element at a text offset that a table of contents can scroll to. */
export interface Anchor {
  offset: number;
  id: string;
}

/** Valid UTF-16 offsets into the text, as `String.prototype.slice` takes them. */
export interface Range {
  start: number;
  end: number;
}

function render(text: string, from: number, to: number, highlights: readonly Highlight[], anchors: readonly Anchor[]): ReactNode[] {
  const points = new Set([from, to]);
  for (const h of highlights) {
    if (h.start > from && h.start < to) points.add(h.start);
    if (h.end > from && h.end < to) points.add(h.end);
  }
  for (const a of anchors) if (a.offset > from && a.offset < to) points.add(a.offset);
  const sorted = [...points].sort((a, b) => a - b);
  const out: ReactNode[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i] as number;
    const b = sorted[i + 1] as number;
    for (const anchor of anchors) if (anchor.offset === a) out.push(<span key={`anchor:${anchor.id}`} id={anchor.id} className="source-anchor" />);
    const covering = highlights.filter((h) => h.start <= a && h.end >= b);
    const piece = text.slice(a, b);
    if (covering.length === 0) out.push(piece);
    else
      out.push(
        <span key={`${a}-${b}`} className={covering.map((h) => h.className).join(" ")} title={covering.find((h) => h.title)?.title}>
          {piece}
        </span>,
      );
  }
  return out;
}

/** The document's whole text, line breaks kept; the cited characters wrapped in exactly one `<mark id="cite">`. */
export function DocumentText({
  text,
  cite,
  highlights,
  anchors,
}: {
  text: string;
  cite: Range | null;
  highlights: readonly Highlight[];
  anchors: readonly Anchor[];
}) {
  const body = useMemo(() => {
    if (!cite) return render(text, 0, text.length, highlights, anchors);
    return [
      ...render(text, 0, cite.start, highlights, anchors),
      <mark key="cite" id="cite">
        {render(text, cite.start, cite.end, highlights, anchors)}
      </mark>,
      ...render(text, cite.end, text.length, highlights, anchors),
    ];
  }, [text, cite, highlights, anchors]);
  return <div className="source-text">{body}</div>;
}

/** Offsets from the URL, checked against the text: null when absent, an error message when unusable. */
export function checkRange(startParam: string | null, endParam: string | null, length: number): { range: Range | null; problem: string | null } {
  if (startParam === null && endParam === null) return { range: null, problem: null };
  const start = Number(startParam);
  const end = Number(endParam);
  if (startParam === null || endParam === null || startParam.trim() === "" || endParam.trim() === "")
    return { range: null, problem: "链接只给出了引文的起点或终点之一，无法定位引文。" };
  if (!Number.isInteger(start) || !Number.isInteger(end)) return { range: null, problem: `引文位置「${startParam}–${endParam}」不是整数，无法定位引文。` };
  if (start < 0 || end < 0) return { range: null, problem: `引文位置 ${start}–${end} 为负数，无法定位引文。` };
  if (end <= start) return { range: null, problem: `引文终点 ${end} 不在起点 ${start} 之后，无法定位引文。` };
  if (end > length) return { range: null, problem: `引文位置 ${start}–${end} 超出了文档长度（${length} 字），无法定位引文。` };
  return { range: { start, end }, problem: null };
}

/** A line that reads as a section heading: short, no sentence punctuation, not a caption, byline, subtitle or bare figure. */
const HEADING = /^(?![□●▲◆—\-（(【“"])[^，。；！？,;!?\n]{4,40}$/;
const NOT_HEADING = /摄$|[：:、」”"]$|[：:]|记者|编辑|通讯员|^第\d+期$|^[\d.]+[^\s\d]{0,5}(、[\d.]+[^\s\d]{0,5})*$|(\S{1,3}\s+){2,}\S{1,3}$/;

export interface TocEntry {
  id: string;
  label: string;
  offset: number;
  /** End of the heading line in the text. */
  end: number;
  level: 1 | 2;
}

/** Articles (from the API) and the section headings inside them (short lines that are not sentences). */
export function tableOfContents(
  text: string,
  articles: readonly { index: number; headline?: string | null; kind: string; start: number; end: number }[],
): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const article of articles) {
    const firstLineEnd = text.indexOf("\n", article.start);
    const headEnd = firstLineEnd < 0 || firstLineEnd > article.end ? article.end : firstLineEnd;
    entries.push({ id: `article-${article.index}`, label: article.headline || `第 ${article.index + 1} 篇`, offset: article.start, end: headEnd, level: 1 });
    let at = firstLineEnd < 0 ? article.end : firstLineEnd + 1;
    while (at < article.end) {
      const next = text.indexOf("\n", at);
      const lineEnd = next < 0 || next > article.end ? article.end : next;
      const line = text.slice(at, lineEnd).trim();
      if (HEADING.test(line) && !NOT_HEADING.test(line) && line !== article.headline) {
        const offset = at + text.slice(at, lineEnd).indexOf(line);
        entries.push({ id: `section-${offset}`, label: line.replace(/^■\s*/, ""), offset, level: 2, end: offset + line.length });
      }
      at = lineEnd + 1;
    }
  }
  return entries;
}
