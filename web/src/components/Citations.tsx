import { useState } from "react";
import { type CitationLike, CitationLink } from "./Citation";

/** A sentence naming the other entity states the relationship better than the bare name does. */
function stating(citations: readonly CitationLike[], name: string): CitationLike[] {
  const rank = (c: CitationLike) => (c.quote.includes(name) && c.quote.length > name.length ? 0 : c.quote.length > name.length ? 1 : 2);
  return [...citations].sort((a, b) => rank(a) - rank(b));
}

/** The first few citations of a fact, the rest one click away (they are already loaded). */
export function Citations({ citations, fact, prefer, show = 1 }: { citations: readonly CitationLike[]; fact?: string; prefer?: string; show?: number }) {
  const [all, setAll] = useState(false);
  if (citations.length === 0) return <span className="muted">—</span>;
  const ordered = prefer ? stating(citations, prefer) : citations;
  const shown = all ? ordered : ordered.slice(0, show);
  return (
    <ul className="entity-cites">
      {shown.map((c) => (
        <li key={`${c.document.id}:${c.start}:${c.end}`}>
          <CitationLink citation={c} {...(fact ? { fact } : {})} />
        </li>
      ))}
      {citations.length > show && (
        <li>
          <button type="button" className="entity-link-button" onClick={() => setAll(!all)}>
            {all ? "收起" : `另有 ${citations.length - show} 处出处`}
          </button>
        </li>
      )}
    </ul>
  );
}
