import { type FormEvent, useMemo, useState } from "react";
import { useQuery } from "urql";
import { Link, useLocation } from "wouter";
import { type AttainmentBar, AttainmentChart } from "../components/charts/AttainmentChart";
import { Citations } from "../components/Citations";
import { formatValue } from "../format";
import { ApiError, Loading, NotFound } from "../components/Status";
import { graphql } from "../gql";
import type { TargetsPageQuery } from "../gql/graphql";
import { routes } from "../routes";

const TargetsQuery = graphql(`
  query TargetsPage($subject: String!, $period: Int!) {
    subject: entity(name: $subject) {
      id
      name
      kind
      targetYears: periods(kind: TARGET)
    }
    targetAttainment(subject: $subject, period: $period) {
      indicator {
        id
        name
      }
      target {
        id
        value
        valueMax
        unit
        normalizedValue
        normalizedUnit
        qualifier
        measure
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
      actual {
        id
        value
        valueMax
        unit
        normalizedValue
        normalizedUnit
        qualifier
        measure
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
      met
    }
  }
`);

type Row = TargetsPageQuery["targetAttainment"][number];
type Status = "met" | "missed" | "none";
type Filter = "all" | Status;

const statusOf = (row: Row): Status => (row.met == null ? "none" : row.met ? "met" : "missed");
const RANK: Record<Status, number> = { missed: 0, met: 1, none: 2 };

const FILTERS: { value: Filter; label: string }[] = [
  { value: "all", label: "全部" },
  { value: "met", label: "已完成" },
  { value: "missed", label: "未完成" },
  { value: "none", label: "暂无结果" },
];

function StatusBadge({ status }: { status: Status }) {
  if (status === "met") return <span className="met targets-status">已完成 ✓</span>;
  if (status === "missed") return <span className="missed targets-status">未完成 ✗</span>;
  return <span className="muted targets-status">暂无结果</span>;
}

/** Bars only where both figures are in the same normalized unit, so the ratio means something. */
function chartBars(rows: readonly Row[]): { bars: AttainmentBar[]; skipped: number } {
  const bars: AttainmentBar[] = [];
  let skipped = 0;
  for (const row of rows) {
    const { target, actual, met } = row;
    if (!actual || met == null) continue;
    if (target.normalizedValue == null || actual.normalizedValue == null || target.normalizedUnit !== actual.normalizedUnit || target.normalizedValue === 0) {
      skipped += 1;
      continue;
    }
    bars.push({
      indicator: row.indicator.name,
      percent: (actual.normalizedValue / target.normalizedValue) * 100,
      met,
      target: formatValue(target),
      actual: formatValue(actual),
    });
  }
  return { bars, skipped };
}

function SubjectYearForm({ subject, year }: { subject: string; year: number }) {
  const [, navigate] = useLocation();
  const [name, setName] = useState(subject);
  const [y, setY] = useState(String(year));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(y);
    if (name.trim() && Number.isInteger(n)) navigate(routes.targets(name.trim(), n));
  };
  return (
    <form className="targets-form" onSubmit={submit}>
      <label>
        主体 <input value={name} onChange={(e) => setName(e.target.value)} placeholder="如 市北区" aria-label="主体" />
      </label>
      <label>
        年份 <input type="number" value={y} onChange={(e) => setY(e.target.value)} min={1949} max={2100} aria-label="年份" className="targets-year-input" />
      </label>
      <button type="submit">查看</button>
    </form>
  );
}

export default function TargetsPage({ subject, year }: { subject: string; year: string }) {
  const period = Number(year);
  if (!/^\d{4}$/.test(year)) return <NotFound what={`年份“${year}”`} />;
  return <Targets key={`${subject}/${period}`} subject={subject} period={period} />;
}

function Targets({ subject, period }: { subject: string; period: number }) {
  const [{ data, fetching, error }] = useQuery({ query: TargetsQuery, variables: { subject, period } });
  const [filter, setFilter] = useState<Filter>("all");
  const rows = useMemo(() => [...(data?.targetAttainment ?? [])].sort((a, b) => RANK[statusOf(a)] - RANK[statusOf(b)]), [data]);
  const { bars, skipped } = useMemo(() => chartBars(rows), [rows]);

  const name = data?.subject?.name ?? subject;
  const counts = { all: rows.length, met: 0, missed: 0, none: 0 };
  for (const row of rows) counts[statusOf(row)] += 1;
  const shown = filter === "all" ? rows : rows.filter((r) => statusOf(r) === filter);

  return (
    <div className="targets-page">
      <h1>
        {data?.subject ? <Link href={routes.entity(data.subject.id)}>{name}</Link> : name} {period}年 目标与完成情况
      </h1>
      <div className="targets-controls">
        <nav className="targets-years" aria-label="年份">
          {/* The years the subject has targets for, from the graph: no year is guessed. */}
          {[...new Set([...(data?.subject?.targetYears ?? []), period])]
            .sort((a, b) => a - b)
            .map((y) =>
              y === period ? (
                <strong key={y}>{y}年</strong>
              ) : (
                <Link key={y} href={routes.targets(subject, y)}>
                  {y}年
                </Link>
              ),
            )}
        </nav>
        <SubjectYearForm subject={subject} year={period} />
      </div>
      {fetching && !data ? <Loading /> : null}
      {error ? <ApiError error={error} /> : null}
      {data && rows.length === 0 ? (
        <div className="card targets-empty">
          <h2>没有数据</h2>
          <p>
            语料中没有{name}
            {period}年的目标。目标通常出自当年年初的政府工作报告，完成情况出自下一年的报告；请换一个年份或主体。
          </p>
        </div>
      ) : null}
      {rows.length > 0 ? (
        <>
          <section className="targets-summary" aria-label="汇总">
            <div className="targets-stat" data-count="all">
              <span className="targets-stat-n">{counts.all}</span> 项目标
            </div>
            <div className="targets-stat met" data-count="met">
              <span className="targets-stat-n">{counts.met}</span> 项已完成
            </div>
            <div className="targets-stat missed" data-count="missed">
              <span className="targets-stat-n">{counts.missed}</span> 项未完成
            </div>
            <div className="targets-stat muted" data-count="none">
              <span className="targets-stat-n">{counts.none}</span> 项暂无结果
            </div>
          </section>
          <section className="card targets-chart">
            <h2>完成度</h2>
            {bars.length > 0 ? (
              <>
                <AttainmentChart bars={bars} />
                <p className="muted targets-note">
                  每条为实际值 ÷ 目标值（两者换算到同一单位后相除）；虚线为 100%。增长率目标比较的是两个百分数；“不超过”类目标以低于 100%
                  为完成；区间目标按下限计。颜色按是否完成：<span className="met">绿色已完成</span>，<span className="missed">红色未完成</span>。
                  {skipped > 0 ? ` 另有 ${skipped} 项的目标与结果单位不可比，未画入。` : ""}
                </p>
              </>
            ) : (
              <p className="muted">还没有可以比较的结果：{counts.none} 项目标都暂无结果。</p>
            )}
          </section>
          <section className="targets-list">
            <fieldset className="targets-filter">
              <legend className="targets-legend">筛选</legend>
              {FILTERS.map((f) => (
                <button
                  key={f.value}
                  type="button"
                  aria-pressed={filter === f.value}
                  className={filter === f.value ? "primary" : ""}
                  onClick={() => setFilter(f.value)}
                >
                  {f.label} {counts[f.value]}
                </button>
              ))}
            </fieldset>
            <table className="targets-table">
              <thead>
                <tr>
                  <th>指标</th>
                  <th>目标</th>
                  <th>结果</th>
                  <th>状态</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <tr key={row.target.id} data-status={statusOf(row)} data-indicator={row.indicator.name}>
                    <td className="targets-indicator">
                      <Link href={routes.entity(row.indicator.id)}>{row.indicator.name}</Link>
                      <div className="targets-links">
                        <Link href={routes.series(name, row.indicator.name)}>历年走势</Link>
                        <Link href={routes.compare(row.indicator.name, period, "ACTUAL")}>各地对比</Link>
                      </div>
                    </td>
                    <td>
                      <div className="targets-value">{formatValue(row.target)}</div>
                      <Citations citations={row.target.citations} fact={row.target.id} />
                    </td>
                    <td>
                      {row.actual ? (
                        <>
                          <div className="targets-value">{formatValue(row.actual)}</div>
                          <Citations citations={row.actual.citations} fact={row.actual.id} />
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td>
                      <StatusBadge status={statusOf(row)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {shown.length === 0 ? <p className="muted">这一类没有目标。</p> : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
