import { CitationLink } from "../Citation";
import type { SourceCitationFragment } from "../../gql/graphql";

/** The quote inside its sentence: the sentence's own offsets place it exactly, falling back to a text search. */
export function QuoteInSentence({ citation }: { citation: SourceCitationFragment }) {
  const { passage, quote } = citation;
  let from = citation.start - passage.start;
  if (passage.text.slice(from, from + quote.length) !== quote) from = passage.text.indexOf(quote);
  if (from < 0) return <span className="source-sentence">{quote}</span>;
  return (
    <span className="source-sentence">
      {passage.text.slice(0, from)}
      <mark className="source-quote">{quote}</mark>
      {passage.text.slice(from + quote.length)}
    </span>
  );
}

/** One citation as a card: where it is, the sentence with the quote marked, and a link to the exact characters. */
export function CitationCard({ citation, fact, current = false }: { citation: SourceCitationFragment; fact?: string; current?: boolean }) {
  return (
    <div className={current ? "source-card source-card-current" : "source-card"}>
      <div className="source-card-head muted">
        {current ? <span className="kind source-badge">当前</span> : null}
        {citation.document.publishedOn ?? "日期不详"} · 第 {citation.start}–{citation.end} 字
      </div>
      <p className="source-card-text">
        <QuoteInSentence citation={citation} />
      </p>
      <div className="source-card-foot">
        <CitationLink citation={citation} {...(fact ? { fact } : {})} />
      </div>
    </div>
  );
}
