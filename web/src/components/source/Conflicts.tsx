import { Link } from "wouter";
import type { SourceFactFragment } from "../../gql/graphql";
import { routes } from "../../routes";
import { CitationLink } from "../Citation";
import { formatPeriod, formatValue } from "../../format";
import { OBSERVATION_KIND_LABEL as KIND_LABEL } from "../../labels";

/** Where a fact conflicts with another document's figure: both values side by side, each with its sources. */
export function Conflicts({ fact }: { fact: SourceFactFragment }) {
  if (!fact.conflicting && fact.conflictsWith.length === 0) return null;
  return (
    <section className="source-conflicts" aria-label="数值冲突">
      <h3>⚠ 数值冲突</h3>
      <p className="muted">
        其他文档对「{fact.subject.name} · {fact.indicator.name}」{formatPeriod(fact.period, fact.periodStart)}
        {KIND_LABEL[fact.kind] ?? fact.kind}值给出了不同的数字：
      </p>
      {fact.conflictsWith.length === 0 ? <p>（冲突的另一方未能列出）</p> : null}
      {fact.conflictsWith.map((other) => (
        <div className="source-conflict" key={other.id}>
          <div className="source-conflict-side">
            <div className="source-conflict-label">本条</div>
            <div className="source-conflict-value">{formatValue(fact)}</div>
            <ul className="source-conflict-cites">
              {fact.citations.map((c) => (
                <li key={`${c.document.id}:${c.start}`}>
                  <CitationLink citation={c} fact={fact.id} />
                </li>
              ))}
            </ul>
          </div>
          <div className="source-conflict-vs" aria-hidden="true">
            ≠
          </div>
          <div className="source-conflict-side source-conflict-other">
            <div className="source-conflict-label">
              另一说法 <Link href={routes.observation(other.id)}>详情</Link>
            </div>
            <div className="source-conflict-value">{formatValue(other)}</div>
            <ul className="source-conflict-cites">
              {other.citations.map((c) => (
                <li key={`${c.document.id}:${c.start}`}>
                  <CitationLink citation={c} fact={other.id} />
                </li>
              ))}
            </ul>
          </div>
        </div>
      ))}
    </section>
  );
}
