import { Link } from "wouter";
import type { ObservationKind, SourceFactFragment } from "../../gql/graphql";
import { routes } from "../../routes";
import { formatNormalized, formatPeriod, formatValue } from "../../format";
import { OBSERVATION_KIND_LABEL as KIND_LABEL, MEASURE_LABEL, METHOD_LABEL, QUALIFIER_DESCRIPTION as QUALIFIER_LABEL } from "../../labels";

/** The kind as a coloured badge: 目标, 预计, 实际. */
export function KindBadge({ kind }: { kind: ObservationKind }) {
  return <span className={`kind source-kind-${kind.toLowerCase()}`}>{KIND_LABEL[kind] ?? kind}</span>;
}

/** A fact's fields as a definition list; `full` adds the normalised value, measure and method. */
export function FactSummary({ fact, full = false }: { fact: SourceFactFragment; full?: boolean }) {
  const normalized = formatNormalized(fact.normalizedValue, fact.normalizedUnit);
  return (
    <dl className="source-fact">
      <dt>主体</dt>
      <dd>
        <Link href={routes.entity(fact.subject.id)}>{fact.subject.name}</Link>
      </dd>
      <dt>指标</dt>
      <dd>
        <Link href={routes.entity(fact.indicator.id)}>{fact.indicator.name}</Link>
        {fact.indicator.category ? <span className="muted">（{fact.indicator.category}）</span> : null}
      </dd>
      <dt>类型</dt>
      <dd>
        <KindBadge kind={fact.kind} />
      </dd>
      <dt>时期</dt>
      <dd>{formatPeriod(fact.period, fact.periodStart)}</dd>
      <dt>数值</dt>
      <dd>
        <strong className="source-fact-value">{formatValue(fact)}</strong>
      </dd>
      <dt>限定</dt>
      <dd>{QUALIFIER_LABEL[fact.qualifier] ?? fact.qualifier}</dd>
      {full ? (
        <>
          <dt>原数</dt>
          <dd>
            {fact.value}
            {fact.valueMax != null ? `—${fact.valueMax}` : ""} {fact.unit}
          </dd>
          <dt>换算</dt>
          <dd>{normalized ?? <span className="muted">无</span>}</dd>
          <dt>度量</dt>
          <dd>{MEASURE_LABEL[fact.measure] ?? fact.measure}</dd>
          <dt>来源方式</dt>
          <dd>{METHOD_LABEL[fact.method] ?? fact.method}</dd>
        </>
      ) : null}
      <dt>原文</dt>
      <dd>「{fact.text}」</dd>
    </dl>
  );
}
