import { Link } from "wouter";
import { routes } from "../routes";

/** What a citation link needs: any Citation selection with these fields fits. */
export interface CitationLike {
  quote: string;
  start: number;
  end: number;
  document: { id: string; title?: string | null };
  passage?: { id: string } | null;
}

/** A quote that opens the source view scrolled to its exact characters (a shareable link). */
export function CitationLink({ citation, fact }: { citation: CitationLike; fact?: string }) {
  const href = routes.source({
    document: citation.document.id,
    start: citation.start,
    end: citation.end,
    ...(citation.passage ? { passage: citation.passage.id } : {}),
    ...(fact ? { fact } : {}),
  });
  return (
    <Link href={href} className="citation" title={`${citation.document.title ?? citation.document.id} · ${citation.start}–${citation.end}`}>
      「{citation.quote}」<span className="muted">{citation.document.title ?? citation.document.id}</span>
    </Link>
  );
}
