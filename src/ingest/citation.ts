import { type CompactText, originalSpan } from "./text/compact.js";
import type { CitationRef, PassageSegment } from "./types.js";

type CitedPassage = Pick<PassageSegment, "id" | "start" | "text">;

/** A citation of a span found in a passage's compact view, mapped back to exact document offsets. */
export function citeSpan(documentId: string, passage: CitedPassage, view: CompactText, start: number, end: number): CitationRef {
  const [from, to] = originalSpan(view, start, end);
  return { documentId, passageId: passage.id, start: passage.start + from, end: passage.start + to, quote: passage.text.slice(from, to) };
}

/** A citation of a whole passage. */
export function citePassage(documentId: string, passage: CitedPassage): CitationRef {
  return { documentId, passageId: passage.id, start: passage.start, end: passage.start + passage.text.length, quote: passage.text };
}
