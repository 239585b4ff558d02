import type { Gazetteer } from "../gazetteer/gazetteer.js";
import type { Division } from "../gazetteer/types.js";

/**
 * Words that stand for a place by its level (全市, 我区, 本县) and the bodies named by level alone
 * (市委, 区政府): what they denote depends on the document's own place, never on a default one.
 */

/** The level character of a place word: 市, 区, 县, 旗, 州, 盟 or 省. */
export type LevelChar = "市" | "区" | "县" | "旗" | "州" | "盟" | "省";
const LEVEL_CHARS = "市区县旗州盟省";

/** 全市, 我区, 本县, 全旗 … at the start of a phrase. */
export const PLACE_WORD = new RegExp(`^(?:全|我|本)([${LEVEL_CHARS}])`, "u");
/** 市委, 区政府, 县人民政府, 省委, 州人大常委会 … (the body of the place of that level). */
export const BODY_WORD = new RegExp(`^([${LEVEL_CHARS}])(委|人民政府|政府|人大常委会|政协)`, "u");
/** A character before 市委/区政府 that makes it part of another word (县市区委, 城市政府, 都市委): not the body of a place. */
export const BODY_BLOCKERS = /[市区县旗州盟省城都]$/u;

/** Does the division's name answer to the level word (城阳区 → 区, 黔东南苗族侗族自治州 → 州, 广西壮族自治区 → 区 and 自治区)? */
export function answersTo(d: Division, level: LevelChar | "自治区"): boolean {
  if (level === "省" || level === "自治区") return d.kind === "PROVINCE" && d.name.endsWith(level);
  return d.name.endsWith(level);
}

/**
 * The place a level word denotes for a document about `place`: that place or its nearest ancestor
 * whose name answers to the level. 全市 in a district report is its city; 全区 in a Guangxi city report
 * is the autonomous region; nothing when none answers (全区 in a county report).
 */
export function placeForLevel(gazetteer: Gazetteer, place: Division, level: LevelChar): Division | undefined {
  return [place, ...gazetteer.ancestors(place.code)].find((d) => answersTo(d, level));
}

/** Full name used for the bodies of a place: county-level places carry their prefecture (青岛市城阳区). */
export function qualifiedName(gazetteer: Gazetteer, d: Division): string {
  if (d.kind !== "DISTRICT" && d.kind !== "COUNTY") return d.name;
  const parent = d.parentCode ? gazetteer.byCode(d.parentCode) : undefined;
  return parent && (parent.kind === "CITY" || parent.name.endsWith("市")) ? `${parent.name}${d.name}` : d.name;
}

export type BodyKind = "PARTY_COMMITTEE" | "GOVERNMENT" | "CONGRESS_STANDING_COMMITTEE" | "CPPCC";

const BODY_OF_WORD: Record<string, BodyKind> = {
  委: "PARTY_COMMITTEE",
  人民政府: "GOVERNMENT",
  政府: "GOVERNMENT",
  人大常委会: "CONGRESS_STANDING_COMMITTEE",
  政协: "CPPCC",
};

export function bodyKindOf(word: string): BodyKind | undefined {
  return BODY_OF_WORD[word];
}

/** Official names of a place's bodies: 中共绵阳市委员会, 青岛市城阳区人民政府. */
export function bodyName(gazetteer: Gazetteer, d: Division, body: BodyKind): string {
  const q = qualifiedName(gazetteer, d);
  switch (body) {
    case "PARTY_COMMITTEE":
      return `中共${q}委员会`;
    case "GOVERNMENT":
      return `${q}人民政府`;
    case "CONGRESS_STANDING_COMMITTEE":
      return `${q}人民代表大会常务委员会`;
    case "CPPCC":
      return `中国人民政治协商会议${q}委员会`;
  }
}

/** Other ways the bodies are printed with the place's name (中共绵阳市委, 绵阳市委, 绵阳市政府), for linking. */
export function bodyAliases(gazetteer: Gazetteer, d: Division, body: BodyKind): string[] {
  const q = qualifiedName(gazetteer, d);
  const names = [...new Set([q, d.name])];
  switch (body) {
    case "PARTY_COMMITTEE":
      return names.flatMap((n) => [`中共${n}委`, `${n}委`, `中共${n}委员会`]);
    case "GOVERNMENT":
      return names.flatMap((n) => [`${n}政府`, `${n}人民政府`]);
    case "CONGRESS_STANDING_COMMITTEE":
      return names.map((n) => `${n}人大常委会`);
    case "CPPCC":
      return names.map((n) => `${n}政协`);
  }
}
