import { type FormEvent, useMemo, useState } from "react";
import { useQuery } from "urql";
import { Link, useLocation, useSearch } from "wouter";
import { Citations } from "../components/Citations";
import { groupByScale } from "../components/charts/format";
import { formatPeriod, formatValue } from "../format";
import { OBSERVATION_KIND_LABEL as kindLabel, MEASURE_LABEL as measureLabel, QUALIFIER_LABEL as qualifierLabel } from "../labels";
import { GroupChart, kindDatasets } from "../components/charts/GroupChart";
import { ApiError, Loading } from "../components/Status";
import { graphql } from "../gql";
import type { SeriesPageQuery } from "../gql/graphql";
import { routes } from "../routes";

const SeriesQuery = graphql(`
  query SeriesPage($subject: String!, $indicator: String!) {
    subject: entity(name: $subject) {
      id
      name
      kind
    }
    indicator: entity(name: $indicator, kind: INDICATOR) {
      id
      name
    }
    series(subject: $subject, indicator: $indicator) {
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
      conflicting
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

type Row = SeriesPageQuery["series"][number];

function SeriesForm({ subject, indicator }: { subject: string; indicator: string }) {
  const [, navigate] = useLocation();
  const [s, setS] = useState(subject);
  const [i, setI] = useState(indicator);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (s.trim() && i.trim()) navigate(routes.series(s.trim(), i.trim()));
  };
  return (
    <form className="charts-form" onSubmit={submit}>
      <label>
        主体 <input value={s} onChange={(e) => setS(e.target.value)} placeholder="如 市北区" aria-label="主体" />
      </label>
      <label>
        指标 <input value={i} onChange={(e) => setI(e.target.value)} placeholder="如 一般公共预算收入" aria-label="指标" />
      </label>
      <button type="submit">查看</button>
    </form>
  );
}

export default function SeriesPage() {
  const params = new URLSearchParams(useSearch());
  const subject = params.get("subject")?.trim() ?? "";
  const indicator = params.get("indicator")?.trim() ?? "";
  return (
    <div className="charts-page">
      <h1>
        历年走势{subject ? `：${subject}` : ""}
        {indicator ? ` · ${indicator}` : ""}
      </h1>
      <div className="charts-controls">
        <SeriesForm key={`${subject}/${indicator}`} subject={subject} indicator={indicator} />
      </div>
      {subject && indicator ? (
        <SeriesResult key={`${subject}/${indicator}`} subject={subject} indicator={indicator} />
      ) : (
        <div className="card charts-empty">
          <h2>选择主体和指标</h2>
          <p>
            查看一个主体的一个指标在各年份的目标、预计和实际值。例如 <Link href={routes.series("市北区", "一般公共预算收入")}>市北区 · 一般公共预算收入</Link>。
          </p>
        </div>
      )}
    </div>
  );
}

function SeriesResult({ subject, indicator }: { subject: string; indicator: string }) {
  const [{ data, fetching, error }] = useQuery({ query: SeriesQuery, variables: { subject, indicator } });
  const groups = useMemo(() => groupByScale(data?.series ?? []), [data]);
  if (fetching && !data) return <Loading />;
  if (error) return <ApiError error={error} />;
  if (!data) return null;
  const subjectName = data.subject?.name ?? subject;
  const indicatorName = data.indicator?.name ?? indicator;
  if (groups.length === 0) {
    return (
      <div className="card charts-empty">
        <h2>没有数据</h2>
        <p>
          语料中没有{subjectName}的{indicatorName}数值（任何年份、任何类型都没有）。可以在
          <Link href={routes.search(indicatorName)}>搜索</Link>里看看这个指标出现在哪些地方的报告里。
        </p>
      </div>
    );
  }
  const periods = [...new Set(data.series.map((o) => o.period))].sort((a, b) => a - b);
  return (
    <>
      <p className="muted">
        {data.subject ? <Link href={routes.entity(data.subject.id)}>{subjectName}</Link> : subjectName} 的{" "}
        {data.indicator ? <Link href={routes.entity(data.indicator.id)}>{indicatorName}</Link> : indicatorName}：{data.series.length} 个数值，
        {periods[0]}—{periods[periods.length - 1]}年。
        {groups.length > 1 ? ` 单位或口径不同的数值不能画在同一坐标轴上，分为 ${groups.length} 组。` : ""}
      </p>
      {groups.map((g) => {
        const labels = [...new Set(g.rows.map((r) => formatPeriod(r.period, r.periodStart)))];
        const datasets = kindDatasets(g, labels, (r) => formatPeriod(r.period, r.periodStart));
        return (
          <section key={g.key} className="card charts-section" data-group={g.key}>
            <h2>{g.title}</h2>
            <GroupChart
              labels={labels}
              datasets={datasets}
              unit={g.unit}
              line={labels.length >= 3}
              label={`${subjectName} ${indicatorName} ${g.title}，按年份：${labels.join("、")}`}
            />
            <SeriesTable rows={g.rows} subject={subjectName} indicator={indicatorName} />
          </section>
        );
      })}
    </>
  );
}

function SeriesTable({ rows, subject, indicator }: { rows: readonly Row[]; subject: string; indicator: string }) {
  return (
    <table className="charts-table">
      <thead>
        <tr>
          <th>年份</th>
          <th>类型</th>
          <th>数值</th>
          <th>口径</th>
          <th>出处</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={o.id} data-period={o.period}>
            <td>
              {formatPeriod(o.period, o.periodStart)}
              <div className="targets-links">
                <Link href={routes.targets(subject, o.period)}>目标与完成</Link>
                <Link href={routes.compare(indicator, o.period, o.kind)}>各地对比</Link>
              </div>
            </td>
            <td>{kindLabel[o.kind]}</td>
            <td className="charts-value">
              <Link href={routes.observation(o.id)}>{formatValue(o)}</Link>
              {o.conflicting ? (
                <div className="missed charts-conflict" title="另一份文件给出不同的数值">
                  来源间有出入
                </div>
              ) : null}
            </td>
            <td>
              {measureLabel[o.measure]}
              {o.qualifier !== "EXACT" ? ` · ${qualifierLabel[o.qualifier]}` : ""}
            </td>
            <td>
              <Citations citations={o.citations} fact={o.id} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
