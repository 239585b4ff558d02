import { Link } from "wouter";
import { routes } from "../../routes";
import { percent } from "../../format";

export interface NearDuplicateLike {
  similarity: number;
  passage: { id: string; text: string; start: number; end: number; document: { id: string; title?: string | null } };
}

/** Passages of other documents that say nearly the same, most similar first, each opening at its own characters. */
export function NearDuplicates({ items, documentId }: { items: readonly NearDuplicateLike[]; documentId: string }) {
  if (items.length === 0) return <p className="muted">没有近似的句子。</p>;
  const sorted = [...items].sort((a, b) => b.similarity - a.similarity);
  return (
    <ul className="source-dups">
      {sorted.map(({ similarity, passage }) => (
        <li key={passage.id} className="source-card">
          <div className="source-card-head">
            <span className="source-sim" title="MinHash Jaccard 相似度估计">
              <span className="source-sim-bar" style={{ width: percent(similarity) }} />
            </span>
            <strong>{percent(similarity)}</strong> 相似
          </div>
          <Link
            href={routes.source({ document: passage.document.id, start: passage.start, end: passage.end, passage: passage.id })}
            className="source-dup-link"
          >
            <span className="source-card-text">{passage.text}</span>
            <span className="muted source-dup-doc">{passage.document.id === documentId ? "本文另一处" : (passage.document.title ?? passage.document.id)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
