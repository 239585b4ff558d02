/** Chinese labels and number formatting shared by the source view and the observation page. */

export const KIND_LABEL: Record<string, string> = { TARGET: "目标", ESTIMATE: "预计", ACTUAL: "实际" };

export const QUALIFIER_LABEL: Record<string, string> = {
  EXACT: "确数",
  APPROX: "约数（左右、约）",
  AT_LEAST: "下限（以上、不低于）",
  AT_MOST: "上限（以下、以内）",
  MORE_THAN: "多于（超过、余、多）",
  NEARLY: "接近（近）",
  EXCEEDS: "突破",
};

export const MEASURE_LABEL: Record<string, string> = { LEVEL: "水平值", GROWTH_RATE: "增长率", AVERAGE_GROWTH_RATE: "年均增长率" };

export const METHOD_LABEL: Record<string, string> = { CURATED: "人工审定", REFERENCE: "参考数据", RULE: "规则抽取" };

const num = (n: number): string => n.toLocaleString("zh-CN", { maximumFractionDigits: 6 });

/** What a figure needs to be written out. */
export interface ValueLike {
  value: number;
  valueMax?: number | null;
  unit: string;
  qualifier: string;
  measure?: string;
}

/** The value as the reports write it (no thousands separators): 增长5.5%左右, 3—5个, 突破1100亿元. */
export function formatValue(v: ValueLike): string {
  const range = v.valueMax != null && v.valueMax !== v.value ? `${v.value}—${v.valueMax}` : String(v.value);
  const growth = v.measure === "GROWTH_RATE" ? "增长" : v.measure === "AVERAGE_GROWTH_RATE" ? "年均增长" : "";
  switch (v.qualifier) {
    case "APPROX":
      return `${growth}${range}${v.unit}左右`;
    case "AT_LEAST":
      return `${growth}${range}${v.unit}以上`;
    case "AT_MOST":
      return `${growth}${range}${v.unit}以内`;
    case "MORE_THAN":
      return `${growth}超过${range}${v.unit}`;
    case "NEARLY":
      return `${growth}近${range}${v.unit}`;
    case "EXCEEDS":
      return `${growth}突破${range}${v.unit}`;
    default:
      return `${growth}${range}${v.unit}`;
  }
}

export function formatNormalized(value: number | null | undefined, unit: string | null | undefined): string | null {
  return value == null ? null : `${num(value)}${unit ?? ""}`;
}

export function formatPeriod(period: number, periodStart?: number | null): string {
  return periodStart != null && periodStart !== period ? `${periodStart}—${period}年` : `${period}年`;
}

/** Similarity 0.82 as 82%. */
export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
