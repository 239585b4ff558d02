import type { Quantity } from "./quantity.js";

/** Units that mark dates, editions and phases, never a measured amount in these reports. */
const NON_MEASURE_UNITS = new Set(["年", "月", "届", "期", "级", "分钟", "周岁", "度", "层"]);
/** Nouns after a count that make it the report's own structure (七个方面, 两个部分). */
const STRUCTURE_NOUN = /^(关键)?(方面|部分|战场|字|主线|条线|环节)/u;
/** A money amount used as a size class (20亿元以上项目, 亿元以上楼宇), not an amount. */
const THRESHOLD_NOUN = /^(项目|楼宇|企业|大项目)/u;

/** Depth of “…” and 《…》 nesting at `index`: numbers inside are names (“十四五”, 《…2023年…》). */
export function insideQuotes(text: string, index: number): boolean {
  let depth = 0;
  for (let i = 0; i < index; i++) {
    const ch = text[i];
    if (ch === "“" || ch === "《" || ch === "「") depth += 1;
    else if ((ch === "”" || ch === "》" || ch === "」") && depth > 0) depth -= 1;
  }
  return depth > 0;
}

/** Why a quantity found in running text is not an observation, or null when it is one. */
export function rejectReason(text: string, q: Quantity): string | null {
  const unitCore = q.normalizedUnit;
  if (NON_MEASURE_UNITS.has(unitCore)) return "date, edition or phase";
  if (text[q.prefixStart - 1] === "第") return "ordinal";
  if (insideQuotes(text, q.start)) return "inside a name or title";
  if (q.numeral === "chinese" && text.slice(q.start, q.end).startsWith("一")) return "一 as an article";
  const after = text.slice(q.end);
  if (STRUCTURE_NOUN.test(after)) return "structure of the report";
  if (unitCore.endsWith("元") && q.qualifier !== "EXACT" && THRESHOLD_NOUN.test(after)) return "size class";
  if (unitCore.endsWith("元") && THRESHOLD_NOUN.test(after) && /[其中等]$/u.test(text.slice(0, q.prefixStart))) return "size class";
  return null;
}

/** A line made only of figures (1100亿元, 27所、4所): a panel's display number repeating the sentence below. */
export function isFigureLine(text: string): boolean {
  return /^[\s\d.,、余万亿%％]*[\p{Script=Han}]{0,3}(?:、[\d.万亿余]+[\p{Script=Han}]{0,3})*$/u.test(text.trim()) && /\d/u.test(text);
}
