import { useQuery } from "urql";
import { Link } from "wouter";
import { CitationCard } from "../components/source/CitationCard";
import { Conflicts } from "../components/source/Conflicts";
import { FactSummary, KindBadge } from "../components/source/FactSummary";
import { formatPeriod, formatValue } from "../format";
import { ApiError, Loading, NotFound } from "../components/Status";
import { graphql } from "../gql";
import { routes } from "../routes";

const ObservationPageQuery = graphql(`
  query ObservationPage($id: ID!) {
    node(id: $id) {
      __typename
      id
      ...SourceFact
    }
  }
`);

/** `/observation/:id`: one fact in full, every sentence that states it side by side, and any conflicting figure. */
export function ObservationPage({ id }: { id: string }) {
  const [{ data, fetching, error }] = useQuery({ query: ObservationPageQuery, variables: { id } });
  if (fetching && data?.node?.id !== id) return <Loading />;
  if (error && !data?.node) return <ApiError error={error} />;
  const fact = data?.node?.__typename === "Observation" ? data.node : null;
  if (!fact) return <NotFound what="这条事实" />;
  const documents = new Set(fact.citations.map((c) => c.document.id)).size;
  return (
    <div className="source-obs">
      <header className="source-obs-head">
        <p className="muted source-crumbs">
          <Link href={routes.entity(fact.subject.id)}>{fact.subject.name}</Link> › <Link href={routes.entity(fact.indicator.id)}>{fact.indicator.name}</Link> ›{" "}
          {formatPeriod(fact.period, fact.periodStart)}
        </p>
        <h1>
          <KindBadge kind={fact.kind} />
          {fact.subject.name} {formatPeriod(fact.period, fact.periodStart)}
          {fact.indicator.name}
        </h1>
        <p className="source-obs-value">
          {formatValue(fact)}
          {fact.conflicting ? (
            <a href="#conflicts" className="source-obs-flag">
              ⚠ 与其他文档的数字冲突
            </a>
          ) : null}
        </p>
        <p className="source-obs-links">
          <Link href={routes.series(fact.subject.name, fact.indicator.name)}>历年走势</Link>
          <Link href={routes.compare(fact.indicator.name, fact.period, fact.kind)}>各地比较</Link>
          {fact.kind === "TARGET" || fact.kind === "ACTUAL" ? <Link href={routes.targets(fact.subject.name, fact.period)}>目标与完成</Link> : null}
        </p>
      </header>
      <div className="source-obs-grid">
        <section className="card">
          <h2>事实</h2>
          <FactSummary fact={fact} full />
        </section>
        <section className="source-obs-cites">
          <h2>
            原文引用（{fact.citations.length} 处{documents > 1 ? `，来自 ${documents} 份文档` : ""}）
          </h2>
          <div className="source-cards source-cards-grid">
            {fact.citations.map((c) => (
              <CitationCard key={`${c.document.id}:${c.start}:${c.end}`} citation={c} fact={fact.id} />
            ))}
          </div>
        </section>
      </div>
      {fact.conflicting || fact.conflictsWith.length > 0 ? (
        <div id="conflicts" className="card">
          <Conflicts fact={fact} />
        </div>
      ) : null}
    </div>
  );
}
