/**
 * Chinese quantities as printed in government reports: "5.5%左右", "4.76万人", "近2600场次",
 * "3000余户", "突破1100亿元", "两所", "2万亿元", "1.3万个以上", "1/6". The tested number
 * parsers on npm mis-read mixed forms such as 1.3万 or 0.8万, so this grammar is ours.
 */

import type { Qualifier } from "../../vocabulary.js";

export type { Qualifier };

export interface Quantity {
  /** Offsets into the scanned string: the number through its unit and suffix qualifier. */
  start: number;
  end: number;
  /** Start of a qualifier word before the number (近, 约, 突破 …), or `start` when none. */
  prefixStart: number;
  text: string;
  value: number;
  /** Upper end of a range such as 3—5个. */
  valueMax?: number;
  /** The unit as written, magnitude included: 万人, 亿元, %, 个. */
  unit: string;
  magnitude: number;
  normalizedValue: number;
  normalizedUnit: string;
  qualifier: Qualifier;
  numeral: "arabic" | "chinese" | "fraction";
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** Only 万, 亿 and 万亿 are magnitudes of a unit (4.76万人); 千 and 百 belong to the numeral. */
const MAGNITUDES: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4 };

/**
 * Units, longest first so 平方公里 wins over 公里 and 人次 over 人. Classifiers count things
 * (个, 家, 所); measures carry a dimension (元, 平方米, %).
 */
const UNITS = [
  "个百分点",
  "个工作日",
  "平方公里",
  "平方米",
  "立方米",
  "万千瓦",
  "千瓦时",
  "标准箱",
  "人次",
  "场次",
  "批次",
  "轮次",
  "户次",
  "件次",
  "架次",
  "车次",
  "工作日",
  "小时",
  "分钟",
  "毫米",
  "厘米",
  "公里",
  "公顷",
  "美元",
  "港元",
  "欧元",
  "周岁",
  "千瓦",
  "公斤",
  "千克",
  "头",
  "斤",
  "%",
  "％",
  "‰",
  "倍",
  "元",
  "亩",
  "米",
  "吨",
  "人",
  "户",
  "名",
  "位",
  "家",
  "个",
  "项",
  "件",
  "处",
  "座",
  "所",
  "栋",
  "幢",
  "条",
  "部",
  "套",
  "辆",
  "笔",
  "次",
  "场",
  "节",
  "类",
  "支",
  "台",
  "张",
  "本",
  "册",
  "间",
  "床",
  "块",
  "片",
  "批",
  "组",
  "期",
  "届",
  "天",
  "年",
  "月",
  "棵",
  "株",
  "艘",
  "架",
  "层",
  "级",
  "度",
  "例",
  "宗",
  "单",
].sort((a, b) => b.length - a.length);

const PREFIX_QUALIFIERS: Array<[string, Qualifier]> = [
  ["不低于", "AT_LEAST"],
  ["不少于", "AT_LEAST"],
  ["至少", "AT_LEAST"],
  ["不超过", "AT_MOST"],
  ["超过", "MORE_THAN"],
  ["超", "MORE_THAN"],
  ["逾", "MORE_THAN"],
  ["过", "MORE_THAN"],
  ["将近", "NEARLY"],
  ["接近", "NEARLY"],
  ["近", "NEARLY"],
  ["大约", "APPROX"],
  ["约", "APPROX"],
  ["突破", "EXCEEDS"],
];
const SUFFIX_QUALIFIERS: Array<[string, Qualifier]> = [
  ["以上", "AT_LEAST"],
  ["左右", "APPROX"],
  ["上下", "APPROX"],
  ["以内", "AT_MOST"],
  ["以下", "AT_MOST"],
];

/** Parses a Chinese numeral (一百二十三, 两千, 三万五千, 十二, 1.3 is not one); undefined when malformed (十四五). */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let section = 0; // below 万
  let digit: number | undefined;
  let lastSmallUnit = Infinity;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch in DIGITS) {
      // Two digits in a row without a unit between them (十四五, 二三) is not a number, except after 零.
      if (digit !== undefined && digit !== 0) return undefined;
      digit = DIGITS[ch];
      continue;
    }
    if (ch in SMALL_UNITS) {
      const unit = SMALL_UNITS[ch] as number;
      if (unit >= lastSmallUnit) return undefined;
      // 十二 and a leading 千 (过千亿) mean one ten, one thousand.
      const leading = digit === undefined && section === 0 && total === 0;
      if (digit === undefined && !leading) return undefined;
      section += (digit ?? 1) * unit;
      lastSmallUnit = unit;
      digit = undefined;
      continue;
    }
    if (ch === "万") {
      // 万 scales only the digits since the last 亿: 一亿二千万 = 1亿 + 2000万.
      const part = section + (digit ?? 0);
      total += (part === 0 ? 1 : part) * 1e4;
      section = 0;
      digit = undefined;
      lastSmallUnit = Infinity;
      continue;
    }
    if (ch === "亿") {
      const part = total + section + (digit ?? 0);
      total = (part === 0 ? 1 : part) * 1e8;
      section = 0;
      digit = undefined;
      lastSmallUnit = Infinity;
      continue;
    }
    return undefined;
  }
  const result = total + section + (digit ?? 0);
  return Number.isFinite(result) ? result : undefined;
}

const ARABIC = "[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?";
const CHINESE = "[零〇一二两三四五六七八九十百千万亿]+";
const QUANTITY = new RegExp(
  `(?<prefix>${PREFIX_QUALIFIERS.map(([w]) => w).join("|")})?` +
    `(?:(?<fraction>[0-9]+/[0-9]+)|(?<arabic>${ARABIC})(?:\\s*(?<range>[-—–~～至到])\\s*(?<arabicMax>${ARABIC}))?|(?<chinese>${CHINESE}))` +
    `\\s*(?<aboutBefore>余|多)?(?<magnitude>万亿|亿|万)?(?<about>余|多)?\\s*(?<unit>${UNITS.map(escapeRegExp).join("|")})?(?<suffix>${SUFFIX_QUALIFIERS.map(([w]) => w).join("|")})?`,
  "gu",
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0))).replaceAll(",", "");
}

/** Strips magnitude characters from a unit as written: 万人 → 人, 亿元 → 元. */
function splitMagnitude(chineseTail: string): { magnitude: number; rest: string } {
  for (const [word, factor] of Object.entries(MAGNITUDES)) {
    if (chineseTail.endsWith(word)) return { magnitude: factor, rest: chineseTail.slice(0, -word.length) };
  }
  return { magnitude: 1, rest: chineseTail };
}

/** Rounds away floating-point noise such as 4.76 * 10000 = 47599.99999999999. */
function clean(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}

/**
 * Every quantity with a unit in `text`, left to right. A bare number without a unit (years in
 * running text, list numbers) is not returned; callers filter dates and names with context.
 */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const g = match.groups as Record<string, string | undefined>;
    const unitWord = g.unit;
    const magnitudeWord = g.magnitude;
    if (!unitWord && !magnitudeWord && !g.fraction) continue;
    const matchStart = match.index ?? 0;
    const prefix = g.prefix ?? "";
    const start = matchStart + prefix.length;
    let end = matchStart + match[0].length;

    let value: number | undefined;
    let valueMax: number | undefined;
    let magnitude = 1;
    let numeral: Quantity["numeral"] = "arabic";
    if (g.fraction) {
      const [a, b] = g.fraction.split("/").map(Number) as [number, number];
      if (b === 0) continue;
      value = clean(a / b);
      numeral = "fraction";
    } else if (g.arabic) {
      value = Number(toAsciiDigits(g.arabic));
      if (g.arabicMax) valueMax = Number(toAsciiDigits(g.arabicMax));
    } else if (g.chinese) {
      numeral = "chinese";
      // A trailing 万/亿 of a Chinese numeral is its magnitude (三万人 = 3 万人), like 3万人.
      const { magnitude: m, rest } = splitMagnitude(g.chinese);
      // A lone 万 or 亿 is a number only after a qualifier (近万家); in 亿元项目 it is part of a name.
      if (rest.length === 0 && !prefix) continue;
      const parsed = rest.length === 0 ? 1 : parseChineseNumeral(rest);
      if (parsed === undefined) continue;
      value = parsed;
      magnitude = m;
    }
    if (value === undefined || Number.isNaN(value)) continue;
    if (magnitudeWord) magnitude *= MAGNITUDES[magnitudeWord] ?? 1;
    if (!unitWord && numeral === "chinese") continue;

    let qualifier: Qualifier = "EXACT";
    const prefixQualifier = PREFIX_QUALIFIERS.find(([w]) => w === prefix)?.[1];
    const suffixQualifier = SUFFIX_QUALIFIERS.find(([w]) => w === g.suffix)?.[1];
    if (g.about || g.aboutBefore) qualifier = "MORE_THAN";
    else if (suffixQualifier) qualifier = suffixQualifier;
    if (prefixQualifier && qualifier === "EXACT") qualifier = prefixQualifier;
    else if (prefixQualifier === "MORE_THAN") qualifier = "MORE_THAN";

    const numberText = match[0].slice(prefix.length);
    // Trailing spaces before a missing unit are not part of the quantity.
    const trimmed = numberText.replace(/\s+$/u, "");
    end -= numberText.length - trimmed.length;
    const unitWithMagnitude = `${magnitudeWord ?? (numeral === "chinese" && magnitude > 1 ? splitMagnitudeWord(g.chinese ?? "") : "")}${unitWord ?? ""}`;
    found.push({
      start,
      end,
      prefixStart: matchStart,
      text: text.slice(start, end),
      value,
      ...(valueMax !== undefined ? { valueMax } : {}),
      unit: unitWithMagnitude,
      magnitude,
      normalizedValue: clean(value * magnitude),
      normalizedUnit: unitWord === "％" ? "%" : (unitWord ?? ""),
      qualifier,
      numeral,
    });
  }
  return found;
}

function splitMagnitudeWord(chinese: string): string {
  for (const word of Object.keys(MAGNITUDES)) if (chinese.endsWith(word)) return word;
  return "";
}
