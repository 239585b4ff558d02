import type { Measure, Qualifier } from "./gql/graphql";
import { QUALIFIER_LABEL } from "./labels";

/** Numbers and figures written the way the reports write them. */

const numberFormat = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 6, useGrouping: false });
const groupedFormat = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 6 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** What a figure needs to be written out. */
export interface ValueLike {
  value: number;
  valueMax?: number | null;
  unit: string;
  qualifier: Qualifier;
  measure?: Measure;
}

/** Qualifiers the reports put before the number (突破40亿元); the others follow it (5000人以上). */
const PREFIX: ReadonlySet<Qualifier> = new Set(["AT_MOST", "EXCEEDS", "MORE_THAN", "NEARLY"]);

/** The number as written (a range as 3—5), without unit or qualifier. */
export function formatAmount(o: { value: number; valueMax?: number | null }): string {
  return o.valueMax != null && o.valueMax !== o.value ? `${formatNumber(o.value)}—${formatNumber(o.valueMax)}` : formatNumber(o.value);
}

/** A figure as the report words it: 增长5.5%左右, 突破40亿元, 3—5个. */
export function formatValue(o: ValueLike): string {
  const amount = formatAmount(o);
  const q = QUALIFIER_LABEL[o.qualifier] ?? "";
  const figure = PREFIX.has(o.qualifier) ? `${q}${amount}${o.unit}` : `${amount}${o.unit}${q}`;
  if (o.measure === "GROWTH_RATE") return `增长${figure}`;
  if (o.measure === "AVERAGE_GROWTH_RATE") return `年均增长${figure}`;
  return figure;
}

/** 万 and 亿 multiplied out, with thousands separators: 47,600人. */
export function formatNormalized(value: number | null | undefined, unit: string | null | undefined): string | null {
  return value == null ? null : `${groupedFormat.format(value)}${unit ?? ""}`;
}

/** The years a figure covers: 2023年, or 2019—2023年 for a span. */
export function formatPeriod(period: number, periodStart?: number | null): string {
  return periodStart != null && periodStart !== period ? `${periodStart}—${period}年` : `${period}年`;
}

/** Similarity 0.82 as 82%. */
export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
