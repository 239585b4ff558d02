/** Chinese wording of observations: qualifiers, kinds, measures, values as the reports write them. */

export type Kind = "TARGET" | "ESTIMATE" | "ACTUAL";
export type MeasureName = "LEVEL" | "GROWTH_RATE" | "AVERAGE_GROWTH_RATE";
export type QualifierName = "APPROX" | "AT_LEAST" | "AT_MOST" | "EXACT" | "EXCEEDS" | "MORE_THAN" | "NEARLY";

export const KINDS: readonly Kind[] = ["TARGET", "ESTIMATE", "ACTUAL"];

export const kindLabel: Record<Kind, string> = { TARGET: "目标", ESTIMATE: "预计", ACTUAL: "实际" };

export const measureLabel: Record<MeasureName, string> = { LEVEL: "总量", GROWTH_RATE: "增长率", AVERAGE_GROWTH_RATE: "年均增长率" };

/** How the text qualifies the number, in the reports' own words (EXACT has none). */
export const qualifierLabel: Record<QualifierName, string> = {
  APPROX: "左右",
  AT_LEAST: "以上",
  AT_MOST: "不超过",
  EXACT: "",
  EXCEEDS: "突破",
  MORE_THAN: "超过",
  NEARLY: "近",
};

/** Qualifiers the reports put before the number (突破40亿元); the others follow it (5000人以上). */
const PREFIX: ReadonlySet<QualifierName> = new Set(["AT_MOST", "EXCEEDS", "MORE_THAN", "NEARLY"]);

export const kindColor: Record<Kind, string> = { TARGET: "#8a6d1f", ESTIMATE: "#7a8aa6", ACTUAL: "#1f4fa3" };
export const MET_COLOR = "#1e7b34";
export const MISSED_COLOR = "#b3261e";

const numberFormat = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 6 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export interface ValueLike {
  value: number;
  valueMax?: number | null;
  unit: string;
  qualifier: QualifierName;
  measure: MeasureName;
}

/** A figure as the report words it: 增长5.5%左右, 突破40亿元, 3—5个. */
export function formatValue(o: ValueLike): string {
  const amount = o.valueMax != null ? `${formatNumber(o.value)}—${formatNumber(o.valueMax)}` : formatNumber(o.value);
  const q = qualifierLabel[o.qualifier];
  const figure = PREFIX.has(o.qualifier) ? `${q}${amount}${o.unit}` : `${amount}${o.unit}${q}`;
  if (o.measure === "GROWTH_RATE") return `增长${figure}`;
  if (o.measure === "AVERAGE_GROWTH_RATE") return `年均增长${figure}`;
  return figure;
}

/** The years a figure covers: 2023, or 2019—2023 for a span. */
export function formatPeriod(period: number, periodStart?: number | null): string {
  return periodStart != null && periodStart !== period ? `${periodStart}—${period}年` : `${period}年`;
}

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

export const entityKindLabel: Record<string, string> = {
  PROVINCE: "省",
  CITY: "市",
  DISTRICT: "区",
  COUNTY: "县",
  SUBDISTRICT: "街道",
  ZONE: "片区",
  PROJECT: "项目",
  ORGANIZATION: "机构",
  PERSON: "人物",
  EVENT: "活动",
  POLICY: "政策",
  INDICATOR: "指标",
};

/** The number as written (a range as 3—5), without unit or qualifier: for tables that give those their own columns. */
export function formatAmount(o: { value: number; valueMax?: number | null }): string {
  return o.valueMax != null ? `${formatNumber(o.value)}—${formatNumber(o.valueMax)}` : formatNumber(o.value);
}
