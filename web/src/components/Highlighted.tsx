import type { ReactNode } from "react";

export interface Highlight {
  start: number;
  end: number;
  className: string;
  id?: string;
  title?: string;
}

/**
 * The text with each span wrapped in a <mark> at its exact offsets (UTF-16, as `String.slice`).
 * Overlapping spans: the one starting first wins, so every character appears exactly once.
 */
export function HighlightedText({ text, highlights }: { text: string; highlights: readonly Highlight[] }) {
  const sorted = highlights.filter((h) => h.start >= 0 && h.end <= text.length && h.start < h.end).sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const h of sorted) {
    if (h.start < at) continue;
    if (h.start > at) parts.push(text.slice(at, h.start));
    parts.push(
      <mark key={`${h.start}-${h.end}`} className={h.className} id={h.id} title={h.title} data-start={h.start} data-end={h.end}>
        {text.slice(h.start, h.end)}
      </mark>,
    );
    at = h.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
