import { type CitationLike, CitationLink } from "../Citation";

/** An observation's citations: the first in full, the others behind a toggle. */
export function Citations({ citations, fact }: { citations: readonly CitationLike[]; fact: string }) {
  const [first, ...rest] = citations;
  if (!first) return null;
  return (
    <div className="charts-citations">
      <CitationLink citation={first} fact={fact} />
      {rest.length > 0 && (
        <details>
          <summary>另有 {rest.length} 处出处</summary>
          {rest.map((c) => (
            <div key={`${c.document.id}:${c.start}`}>
              <CitationLink citation={c} fact={fact} />
            </div>
          ))}
        </details>
      )}
    </div>
  );
}
