import { useMemo, useState } from "react";
import { type CombinedError, useClient } from "urql";
import { Link } from "wouter";
import { graphql } from "../../gql";
import type { EntityDetailsFragment, ObservationKind, ObservationRowFragment } from "../../gql/graphql";
import { routes } from "../../routes";
import { ApiError } from "../Status";
import { Citations } from "../Citations";
import { MEASURE_LABEL, OBSERVATION_KIND_LABEL, QUALIFIER_LABEL } from "../../labels";

export const OBSERVATIONS_FIRST = 50;
const MORE_FIRST = 100;

const ObservationsMore = graphql(`
  query EntityObservationsMore($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      id
      ... on Entity {
        observations(first: $first, after: $after, newestFirst: true) {
          totalCount
          pageInfo {
            endCursor
            hasNextPage
          }
          edges {
            node {
              ...ObservationRow
            }
          }
        }
      }
    }
  }
`);

type Row = ObservationRowFragment;
type SortKey = "name" | "kind" | "period" | "value" | "qualifier" | "measure";
interface Sort {
  key: SortKey;
  dir: 1 | -1;
}

const KIND_ORDER: Record<ObservationKind, number> = { TARGET: 0, ESTIMATE: 1, ACTUAL: 2 };

function compare(a: Row, b: Row, key: SortKey, bySubject: boolean): number {
  switch (key) {
    case "name":
      return (bySubject ? a.subject.name : a.indicator.name).localeCompare(bySubject ? b.subject.name : b.indicator.name, "zh");
    case "kind":
      return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
    case "period":
      return a.period - b.period || (a.periodStart ?? a.period) - (b.periodStart ?? b.period);
    case "value":
      return a.value - b.value;
    case "qualifier":
      return a.qualifier.localeCompare(b.qualifier);
    case "measure":
      return a.measure.localeCompare(b.measure);
  }
}

function formatValue(o: Row): string {
  const value = o.valueMax != null ? `${o.value}—${o.valueMax}` : String(o.value);
  return `${value}${o.unit}`;
}

/** An entity's figures: filtered and sorted here over what is loaded; more pages on request. */
export function ObservationTable({ entityId, page, bySubject }: { entityId: string; page: EntityDetailsFragment["observations"]; bySubject: boolean }) {
  const client = useClient();
  const [more, setMore] = useState<{ rows: Row[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const [period, setPeriod] = useState("");
  const [kind, setKind] = useState<ObservationKind | "">("");
  const [name, setName] = useState("");
  const [sort, setSort] = useState<Sort | null>(null);

  const loaded = useMemo(() => [...page.edges.map((e) => e.node), ...(more?.rows ?? [])], [page, more]);
  const hasNextPage = more ? more.hasNextPage : page.pageInfo.hasNextPage;
  const after = more ? more.endCursor : page.pageInfo.endCursor;
  const periods = useMemo(() => [...new Set(loaded.map((o) => o.period))].sort((a, b) => b - a), [loaded]);

  const rows = useMemo(() => {
    const needle = name.trim();
    const filtered = loaded.filter(
      (o) =>
        (!period || o.period === Number(period)) && (!kind || o.kind === kind) && (!needle || (bySubject ? o.subject.name : o.indicator.name).includes(needle)),
    );
    return sort ? filtered.sort((a, b) => sort.dir * compare(a, b, sort.key, bySubject)) : filtered;
  }, [loaded, period, kind, name, sort, bySubject]);

  const loadMore = async () => {
    setBusy(true);
    const result = await client.query(ObservationsMore, { id: entityId, first: MORE_FIRST, after }).toPromise();
    setBusy(false);
    setError(result.error ?? null);
    const node = result.data?.node;
    if (!node || !("observations" in node)) return;
    const got = node.observations;
    setMore((prev) => ({
      rows: [...(prev?.rows ?? []), ...got.edges.map((e) => e.node)],
      endCursor: got.pageInfo.endCursor ?? null,
      hasNextPage: got.pageInfo.hasNextPage,
    }));
  };

  const header = (key: SortKey, label: string) => {
    const active = sort?.key === key;
    const next: Sort | null = !active ? { key, dir: 1 } : sort.dir === 1 ? { key, dir: -1 } : null;
    return (
      <th aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
        <button type="button" className="entity-sort" onClick={() => setSort(next)}>
          {label}
          <span className="entity-sort-mark" aria-hidden="true">
            {active ? (sort.dir === 1 ? "▲" : "▼") : "↕"}
          </span>
        </button>
      </th>
    );
  };

  return (
    <section className="card entity-observations" aria-labelledby="entity-observations-h">
      <h2 id="entity-observations-h">
        数据 <span className="muted">{page.totalCount}</span>
      </h2>
      {page.totalCount === 0 ? (
        <p className="muted">文本中没有关于它的数字。</p>
      ) : (
        <>
          <div className="entity-filters">
            <label>
              年份{" "}
              <select aria-label="按年份筛选" value={period} onChange={(e) => setPeriod(e.target.value)}>
                <option value="">全部</option>
                {periods.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
            <label>
              类型{" "}
              <select aria-label="按类型筛选" value={kind} onChange={(e) => setKind(e.target.value as ObservationKind | "")}>
                <option value="">全部</option>
                {(Object.keys(OBSERVATION_KIND_LABEL) as ObservationKind[]).map((k) => (
                  <option key={k} value={k}>
                    {OBSERVATION_KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {bySubject ? "主体" : "指标"}{" "}
              <input
                type="search"
                aria-label={bySubject ? "按主体筛选" : "按指标筛选"}
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder="筛选"
              />
            </label>
            <span className="muted entity-filter-count">
              显示 {rows.length} 条 · 已加载 {loaded.length} / {page.totalCount}
            </span>
          </div>
          <div className="entity-table-wrap">
            <table className="entity-obs-table">
              <thead>
                <tr>
                  {header("name", bySubject ? "主体" : "指标")}
                  {header("kind", "类型")}
                  {header("period", "年份")}
                  {header("value", "数值")}
                  {header("qualifier", "限定")}
                  {header("measure", "度量")}
                  <th>出处</th>
                  <th>
                    <span className="entity-visually-hidden">详情</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((o) => (
                  <ObservationRowView key={o.id} o={o} bySubject={bySubject} />
                ))}
              </tbody>
            </table>
          </div>
          {rows.length === 0 && <p className="muted">已加载的数据中没有符合筛选条件的。</p>}
          {hasNextPage && (period || kind || name.trim()) && <p className="muted">筛选只在已加载的 {loaded.length} 条中进行；其余的请先“加载更多”。</p>}
        </>
      )}
      {error && <ApiError error={error} />}
      {hasNextPage && (
        <button type="button" onClick={loadMore} disabled={busy}>
          {busy ? "加载中…" : `加载更多（已加载 ${loaded.length} / ${page.totalCount}）`}
        </button>
      )}
    </section>
  );
}

function ObservationRowView({ o, bySubject }: { o: Row; bySubject: boolean }) {
  const other = bySubject ? o.subject : o.indicator;
  const conflict = o.conflictsWith[0];
  return (
    <tr className={o.conflicting ? "entity-obs-conflict" : undefined}>
      <td>
        <Link href={routes.entity(other.id)}>{other.name}</Link>
      </td>
      <td className={`entity-nowrap entity-obs-kind-${o.kind.toLowerCase()}`}>{OBSERVATION_KIND_LABEL[o.kind]}</td>
      <td className="entity-nowrap">{o.periodStart != null ? `${o.periodStart}—${o.period}` : o.period}</td>
      <td className="entity-nowrap entity-num">{formatValue(o)}</td>
      <td className="entity-nowrap">{QUALIFIER_LABEL[o.qualifier]}</td>
      <td className="entity-nowrap">{MEASURE_LABEL[o.measure]}</td>
      <td className="entity-obs-cites">
        <Citations citations={o.citations} fact={o.id} />
      </td>
      <td className="entity-nowrap">
        <Link href={routes.observation(o.id)}>详情</Link>{" "}
        <Link href={routes.series(o.subject.name, o.indicator.name)} className="muted" title="这个指标历年的数值">
          走势
        </Link>
        {o.conflicting && (
          <Link
            href={routes.observation(conflict?.id ?? o.id)}
            className="entity-conflict"
            title={`另一份文件给出了不同的数值（${o.conflictsWith.length} 条）`}
          >
            {" "}
            ⚠ 有冲突
          </Link>
        )}
      </td>
    </tr>
  );
}
