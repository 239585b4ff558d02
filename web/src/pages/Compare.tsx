import { type FormEvent, useMemo, useState } from "react";
import { useQuery } from "urql";
import { Link, useLocation, useSearch } from "wouter";
import { Citations } from "../components/Citations";
import { groupByScale } from "../components/charts/format";
import { formatAmount, formatPeriod } from "../format";
import type { ObservationKind as Kind } from "../gql/graphql";
import {
  KIND_LABEL as entityKindLabel,
  OBSERVATION_KINDS as KINDS,
  OBSERVATION_KIND_LABEL as kindLabel,
  MEASURE_LABEL as measureLabel,
  QUALIFIER_LABEL as qualifierLabel,
} from "../labels";
import { GroupChart, kindDatasets } from "../components/charts/GroupChart";
import { ApiError, Loading } from "../components/Status";
import { graphql } from "../gql";
import type { ComparePageQuery } from "../gql/graphql";
import { routes } from "../routes";

const CompareQuery = graphql(`
  query ComparePage($indicator: String!, $period: Int!, $kind: ObservationKind) {
    indicator: entity(name: $indicator, kind: INDICATOR) {
      id
      name
    }
    compare(indicator: $indicator, period: $period, kind: $kind) {
      id
      kind
      period
      periodStart
      value
      valueMax
      unit
      normalizedValue
      normalizedUnit
      measure
      qualifier
      subject {
        id
        name
        kind
      }
      citations {
        quote
        start
        end
        document {
          id
          title
        }
        passage {
          id
        }
      }
    }
  }
`);

type Row = ComparePageQuery["compare"][number];

const parseKind = (s: string | null): Kind | null => ((KINDS as readonly string[]).includes(s ?? "") ? (s as Kind) : null);

function CompareForm({ indicator, period, kind }: { indicator: string; period: number | null; kind: Kind | null }) {
  const [, navigate] = useLocation();
  const [name, setName] = useState(indicator);
  const [year, setYear] = useState(period == null ? "" : String(period));
  const go = (k: Kind | null) => {
    const y = Number(year);
    if (name.trim() && year && Number.isInteger(y)) navigate(routes.compare(name.trim(), y, k ?? "ALL"));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go(kind);
  };
  return (
    <form className="charts-form" onSubmit={submit}>
      <label>
        指标 <input value={name} onChange={(e) => setName(e.target.value)} placeholder="如 地区生产总值" aria-label="指标" />
      </label>
      <label>
        年份{" "}
        <input type="number" value={year} onChange={(e) => setYear(e.target.value)} min={1949} max={2100} aria-label="年份" className="targets-year-input" />
      </label>
      <label>
        类型{" "}
        <select value={kind ?? "ALL"} onChange={(e) => go(parseKind(e.target.value))} aria-label="类型">
          <option value="ALL">全部</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel[k]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">对比</button>
    </form>
  );
}

export default function ComparePage() {
  const params = new URLSearchParams(useSearch());
  const indicator = params.get("indicator")?.trim() ?? "";
  const periodText = params.get("period") ?? "";
  const period = /^\d{4}$/.test(periodText) ? Number(periodText) : null;
  const kind = parseKind(params.get("kind"));
  return (
    <div className="charts-page">
      <h1>
        各地对比{indicator ? `：${indicator}` : ""}
        {period != null ? ` · ${period}年` : ""}
        {kind ? ` · ${kindLabel[kind]}` : ""}
      </h1>
      <div className="charts-controls">
        <CompareForm key={`${indicator}/${period}/${kind}`} indicator={indicator} period={period} kind={kind} />
      </div>
      {indicator && period != null ? (
        <CompareResult key={`${indicator}/${period}/${kind}`} indicator={indicator} period={period} kind={kind} />
      ) : (
        <div className="card charts-empty">
          <h2>选择指标和年份</h2>
          <p>
            对比同一指标同一年份在各地（各主体）的数值。例如 <Link href={routes.compare("地区生产总值", 2023, "TARGET")}>地区生产总值 2023年 目标</Link>。
          </p>
        </div>
      )}
    </div>
  );
}

function CompareResult({ indicator, period, kind }: { indicator: string; period: number; kind: Kind | null }) {
  const [{ data, fetching, error }] = useQuery({ query: CompareQuery, variables: { indicator, period, kind } });
  const groups = useMemo(() => groupByScale(data?.compare ?? []), [data]);
  if (fetching && !data) return <Loading />;
  if (error) return <ApiError error={error} />;
  if (!data) return null;
  const name = data.indicator?.name ?? indicator;
  if (groups.length === 0) {
    return (
      <div className="card charts-empty">
        <h2>没有数据</h2>
        <p>
          语料中没有任何地方报告{name}在{period}年的{kind ? kindLabel[kind] : ""}数值。
          {kind ? (
            <>
              {" "}
              可以看看<Link href={routes.compare(name, period, "ALL")}>全部类型</Link>（目标、预计、实际），
            </>
          ) : (
            " 可以"
          )}
          换一个年份：<Link href={routes.compare(name, period - 1, kind ?? "ALL")}>{period - 1}年</Link> ·{" "}
          <Link href={routes.compare(name, period + 1, kind ?? "ALL")}>{period + 1}年</Link>。
        </p>
      </div>
    );
  }
  return (
    <>
      <p className="muted">
        {data.indicator ? <Link href={routes.entity(data.indicator.id)}>{name}</Link> : name}：{data.compare.length} 个数值，来自{" "}
        {new Set(data.compare.map((o) => o.subject.id)).size} 个主体。
        {groups.length > 1 ? ` 单位或口径不同的数值不能画在同一坐标轴上，分为 ${groups.length} 组。` : ""}
      </p>
      {groups.map((g) => {
        const labels = [...new Set(g.rows.map((r) => r.subject.name))];
        const datasets = kindDatasets(g, labels, (r) => r.subject.name);
        return (
          <section key={g.key} className="card charts-section" data-group={g.key}>
            <h2>{g.title}</h2>
            <GroupChart
              labels={labels}
              datasets={datasets}
              unit={g.unit}
              horizontal={labels.length > 8}
              label={`${name}${period}年 ${g.title}，按主体：${labels.join("、")}`}
            />
            <CompareTable rows={g.rows} period={period} indicator={name} />
          </section>
        );
      })}
    </>
  );
}

function CompareTable({ rows, period, indicator }: { rows: readonly Row[]; period: number; indicator: string }) {
  return (
    <table className="charts-table">
      <thead>
        <tr>
          <th>主体</th>
          <th>类型</th>
          <th>数值</th>
          <th>单位</th>
          <th>口径</th>
          <th>限定</th>
          <th>出处</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={o.id} data-subject={o.subject.name}>
            <td>
              <span className="kind">{entityKindLabel[o.subject.kind] ?? o.subject.kind}</span>
              <Link href={routes.entity(o.subject.id)}>{o.subject.name}</Link>
              <div className="targets-links">
                <Link href={routes.series(o.subject.name, indicator)}>历年走势</Link>
                <Link href={routes.targets(o.subject.name, period)}>目标与完成</Link>
              </div>
            </td>
            <td>{kindLabel[o.kind]}</td>
            <td className="charts-value">
              <Link href={routes.observation(o.id)}>{formatAmount(o)}</Link>
            </td>
            <td>{o.unit}</td>
            <td>
              {measureLabel[o.measure]}
              {o.periodStart != null && o.periodStart !== o.period ? `（${formatPeriod(o.period, o.periodStart)}）` : ""}
            </td>
            <td>{qualifierLabel[o.qualifier] || "—"}</td>
            <td>
              <Citations citations={o.citations} fact={o.id} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
