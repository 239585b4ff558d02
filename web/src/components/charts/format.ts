/** Chart colours and the grouping of figures by unit and measure (values are worded in ../../format.ts). */

import type { Measure as MeasureName, ObservationKind as Kind } from "../../gql/graphql";
import { MEASURE_LABEL as measureLabel } from "../../labels";

export const kindColor: Record<Kind, string> = { TARGET: "#8a6d1f", ESTIMATE: "#7a8aa6", ACTUAL: "#1f4fa3" };
export const MET_COLOR = "#1e7b34";
export const MISSED_COLOR = "#b3261e";

export interface Scaled {
  value: number;
  unit: string;
  normalizedValue?: number | null;
  normalizedUnit?: string | null;
}

export interface Grouped extends Scaled {
  measure: MeasureName;
  period: number;
  periodStart?: number | null;
}

/** Figures that can share one axis: the same unit without its magnitude (万元 and 亿元 both count in 元), the same measure, and the same kind of span. */
export interface Group<T extends Grouped> {
  key: string;
  /** 增长率（%）, 总量（亿元） · 5年累计 */
  title: string;
  /** The unit most of its figures are written in: the axis unit. */
  unit: string;
  /** From a normalized value to the axis unit. */
  factor: number;
  rows: T[];
}

/** Splits figures into groups that may share an axis, the largest group first. */
export function groupByScale<T extends Grouped>(rows: readonly T[]): Group<T>[] {
  const groups = new Map<string, T[]>();
  for (const o of rows) {
    const span = o.periodStart != null && o.periodStart !== o.period ? `${o.period - o.periodStart + 1}年累计` : "";
    const key = `${o.normalizedUnit ?? o.unit}|${o.measure}|${span}`;
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  }
  return [...groups.entries()]
    .map(([key, list]) => {
      const [, measure, span] = key.split("|");
      const { unit, factor } = displayScale(list);
      const m = measureLabel[measure as MeasureName];
      return { key, title: `${m}（${unit || "无单位"}）${span ? ` · ${span}` : ""}`, unit, factor, rows: list };
    })
    .sort((a, b) => b.rows.length - a.rows.length);
}

function displayScale(rows: readonly Scaled[]): { unit: string; factor: number } {
  const counts = new Map<string, { n: number; row: Scaled }>();
  for (const row of rows) {
    const c = counts.get(row.unit);
    if (c) c.n += 1;
    else counts.set(row.unit, { n: 1, row });
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  if (!best) return { unit: "", factor: 1 };
  const { row } = best;
  const factor = row.normalizedValue != null && row.value !== 0 ? row.normalizedValue / row.value : 1;
  return { unit: row.unit, factor };
}

/** A figure in its group's axis unit (its normalized value divided back), or its written value when it has none. */
export function scaledValue(o: Scaled, group: { factor: number }): number {
  return o.normalizedValue != null ? o.normalizedValue / group.factor : o.value;
}
