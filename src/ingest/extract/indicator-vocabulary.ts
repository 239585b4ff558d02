import { readFileSync } from "node:fs";
import path from "node:path";
import { Converter } from "opencc-js/t2cn";
import { parse } from "yaml";
import { z } from "zod";
import { InternalError } from "../../errors/internal-errors.js";
import { PROJECT_ROOT } from "../../neo4j/paths.js";
import { entityId } from "../registry.js";

/** The controlled vocabulary of standard statistical indicators (国家统计局 names). */
export const VOCABULARY_FILE = path.join(PROJECT_ROOT, "data", "vocabulary", "indicators.yaml");

const entrySchema = z
  .object({
    name: z.string().trim().min(1),
    aliases: z.array(z.string().trim().min(1)).default([]),
    category: z.string().trim().min(1).optional(),
    unitHint: z.string().trim().min(1).optional(),
  })
  .strict();

export interface VocabularyEntry {
  /** `indicator:<name>`, the same id as `entityId("INDICATOR", name)`. */
  id: string;
  name: string;
  aliases: string[];
  category?: string;
  unitHint?: string;
}

export interface StandardIndicator {
  id: string;
  name: string;
  category?: string;
}

/** Words that frame a figure (scope, time, verb of reporting), not part of what is measured. */
const FRAME_WORDS = [
  "全国",
  "全省",
  "全自治区",
  "全市",
  "全州",
  "全盟",
  "全区",
  "全县",
  "全旗",
  "全镇",
  "全乡",
  "我省",
  "我市",
  "我区",
  "我县",
  "我旗",
  "本市",
  "本区",
  "本县",
  "全年",
  "年末",
  "年内",
  "当年",
  "本年",
  "今年",
  "去年",
  "明年",
  "同期",
  "上半年",
  "前三季度",
  "一季度",
  "累计",
  "合计",
  "共计",
  "实现",
  "完成",
  "预计",
  "力争",
  "确保",
  "争取",
  "其中",
  "同比",
  "比上年",
  "较上年",
  "让",
  "使",
  "推动",
  "促进",
  "力促",
  "保持",
  "主要指标中",
];
/** Words after the measure that frame its value (比上年增长, 稳定在600万亩, 年均增长). */
const TRAILING_FRAME_WORDS = [
  "比上年末",
  "比上年",
  "较上年",
  "同比",
  "控制在",
  "稳定在",
  "保持在",
  "始终",
  "年均",
  "分别",
  "累计",
  "力争",
  "确保",
  "预计",
  "争取",
];
const LEADING_YEAR = /^(?:19|20)\d{2}年(?:度)?/u;
/** Rate wording after the measure (金融业增加值增速); not 增长/增加, which also name an increment (常住人口增加22.5万人). */
const TRAILING_RATE = /(?:同比|比上年|较上年)?(?:增长率|增速|增幅|涨幅)$/u;
/** What may stand before a matched name: nothing, a part-of link (…中的), or a place of 3+ characters (市北区, 北部湾港). */
const NEUTRAL_LEFTOVER = /^$|中的?$|^.{2,}(?:[省市区县旗州盟镇乡村寨港岛]|街道)$/u;
/** Population groups that end like a place but narrow the measure (农村牧区居民, 城乡居民). */
const GROUP_WORD = /(?:牧区|农村|城镇|城乡|城市|都市|乡镇)$/u;
/** A note in brackets (（同口径）, （CBD）) at either end does not change what is measured. */
const TRAILING_NOTE = /[（(][^（()）]*[）)]$/u;
const LEADING_NOTE = /^[（(][^（()）]*[）)]/u;
const toSimplified = Converter({ from: "t", to: "cn" });
const MIN_SUFFIX = 3;

/** One spelling for matching: simplified script, full-width forms folded (ＧＤＰ, （）), Latin upper-cased, spaces dropped. */
export function matchKey(text: string): string {
  return toSimplified(text.normalize("NFKC")).toUpperCase().replace(/\s+/gu, "");
}

function entryOf(raw: z.infer<typeof entrySchema>): VocabularyEntry {
  return {
    id: entityId("INDICATOR", raw.name),
    name: raw.name,
    aliases: raw.aliases,
    ...(raw.category ? { category: raw.category } : {}),
    ...(raw.unitHint ? { unitHint: raw.unitHint } : {}),
  };
}

/** Checks parsed YAML: each entry's shape, and that no name or alias denotes two entries. */
export function parseVocabulary(items: unknown, source = "vocabulary"): VocabularyEntry[] {
  if (!Array.isArray(items)) throw new InternalError(`${source}: expected a list of indicators`);
  const entries = items.map((item: unknown, i) => {
    const parsed = entrySchema.safeParse(item);
    if (parsed.success) return entryOf(parsed.data);
    const issues = parsed.error.issues.map((x) => `${x.path.join(".") || "entry"}: ${x.message}`).join("; ");
    throw new InternalError(`${source} #${i + 1}: ${issues}`);
  });
  checkSurfaces(entries, source);
  return entries;
}

function checkSurfaces(entries: VocabularyEntry[], source: string): void {
  const owner = new Map<string, string>();
  for (const e of entries) {
    for (const surface of new Set([e.name, ...e.aliases].map(matchKey))) {
      const previous = owner.get(surface);
      if (previous) throw new InternalError(`${source}: "${surface}" names both ${previous} and ${e.name}`);
      owner.set(surface, e.name);
    }
  }
}

export class IndicatorVocabulary {
  readonly byId = new Map<string, VocabularyEntry>();
  private readonly bySurface = new Map<string, VocabularyEntry>();
  /** Surfaces of at least MIN_SUFFIX characters, longest first, for the suffix match. */
  private readonly suffixes: string[];

  constructor(readonly entries: VocabularyEntry[]) {
    for (const e of entries) {
      this.byId.set(e.id, e);
      for (const s of [e.name, ...e.aliases]) this.bySurface.set(matchKey(s), e);
    }
    this.suffixes = [...this.bySurface.keys()].filter((s) => [...s].length >= MIN_SUFFIX).sort((a, b) => b.length - a.length);
  }

  /** The standard indicator a phrase names, or undefined when it is not one. */
  lookup(phrase: string): StandardIndicator | undefined {
    const key = stripTrailing(stripFrame(matchKey(phrase)));
    const found = this.match(key) ?? this.match(key.replace(TRAILING_RATE, ""));
    return found && { id: found.id, name: found.name, ...(found.category ? { category: found.category } : {}) };
  }

  private match(key: string): VocabularyEntry | undefined {
    if (!key) return undefined;
    const exact = this.bySurface.get(key);
    if (exact) return exact;
    // Longest first so 城镇居民人均可支配收入 is not read as 居民人均可支配收入.
    const suffix = this.suffixes.find((s) => key.length > s.length && key.endsWith(s) && isNeutral(key.slice(0, -s.length)));
    return suffix === undefined ? undefined : this.bySurface.get(suffix);
  }
}

/** Drops leading years and frame words, repeatedly (2023年全市实现 …). */
export function stripFrame(text: string): string {
  let s = text;
  for (let changed = true; changed; ) {
    const before = s;
    s = s
      .replace(/^[，、,:：]+/u, "")
      .replace(LEADING_YEAR, "")
      .replace(LEADING_NOTE, "");
    const word = FRAME_WORDS.find((w) => s.startsWith(w) && s.length > w.length);
    if (word) s = s.slice(word.length);
    changed = s !== before;
  }
  return s;
}

/** Drops a comparability note and trailing frame words (固定资产投资比上年 → 固定资产投资). */
function stripTrailing(text: string): string {
  let s = text.replace(TRAILING_NOTE, "");
  for (let word = endingWord(s, TRAILING_FRAME_WORDS); word; word = endingWord(s, TRAILING_FRAME_WORDS)) s = s.slice(0, -word.length);
  return s;
}

/** A modifier before a matched name narrows it (城乡…, 新增…, 跨境电商…); a place or a link does not. */
function isNeutral(leftover: string): boolean {
  let s = leftover;
  for (let word = endingWord(s, FRAME_WORDS); word; word = endingWord(s, FRAME_WORDS)) s = s.slice(0, -word.length);
  return NEUTRAL_LEFTOVER.test(s) && !GROUP_WORD.test(s);
}

function endingWord(text: string, words: string[]): string | undefined {
  return words.find((w) => text.endsWith(w) && text.length > w.length);
}

export function loadVocabulary(file = VOCABULARY_FILE): IndicatorVocabulary {
  return new IndicatorVocabulary(parseVocabulary(parse(readFileSync(file, "utf8")) as unknown, path.basename(file)));
}

let loaded: IndicatorVocabulary | undefined;

/** The project's vocabulary, read and checked once. */
export function indicatorVocabulary(): IndicatorVocabulary {
  loaded ??= loadVocabulary();
  return loaded;
}

/** The standard indicator a phrase names: exact name or alias, else the longest one it ends with. */
export function standardIndicator(phrase: string): StandardIndicator | undefined {
  return indicatorVocabulary().lookup(phrase);
}
