import type { DivisionKind } from "./types.js";

/** The 55 minority nationalities, plus 各 (龙胜各族自治县). */
const ETHNIC_GROUPS = [
  "蒙古",
  "回",
  "藏",
  "维吾尔",
  "苗",
  "彝",
  "壮",
  "布依",
  "朝鲜",
  "满",
  "侗",
  "瑶",
  "白",
  "土家",
  "哈尼",
  "哈萨克",
  "傣",
  "黎",
  "傈僳",
  "佤",
  "畲",
  "高山",
  "拉祜",
  "水",
  "东乡",
  "纳西",
  "景颇",
  "柯尔克孜",
  "土",
  "达斡尔",
  "仫佬",
  "羌",
  "布朗",
  "撒拉",
  "毛南",
  "仡佬",
  "锡伯",
  "阿昌",
  "普米",
  "塔吉克",
  "怒",
  "乌孜别克",
  "俄罗斯",
  "鄂温克",
  "德昂",
  "保安",
  "裕固",
  "京",
  "塔塔尔",
  "独龙",
  "鄂伦春",
  "赫哲",
  "门巴",
  "珞巴",
  "基诺",
  "各",
];

const LONG_GROUPS = ETHNIC_GROUPS.filter((g) => g.length >= 2);
// Xinjiang's names drop 族 (伊犁哈萨克自治州); a one-character group without 族 would eat place names (北京).
const TRAILING_GROUP = new RegExp(`(?:(?:${ETHNIC_GROUPS.join("|")})族|(?:${LONG_GROUPS.join("|")}))$`);

/** Short and alias forms of a full name: stems are bare (绵阳), aliases keep a generic suffix (黔东南州). */
export interface DerivedNames {
  stems: string[];
  aliases: string[];
}

/** Suffixes by kind, longest first; `alias` is what the common form keeps (自治州 → 州). */
const SUFFIXES: Record<DivisionKind, ReadonlyArray<{ suffix: string; alias?: string }>> = {
  PROVINCE: [{ suffix: "特别行政区" }, { suffix: "自治区" }, { suffix: "省" }, { suffix: "市" }],
  CITY: [{ suffix: "自治州", alias: "州" }, { suffix: "地区" }, { suffix: "盟" }, { suffix: "市" }],
  DISTRICT: [{ suffix: "新区" }, { suffix: "区" }],
  COUNTY: [
    { suffix: "自治县", alias: "县" },
    { suffix: "自治旗", alias: "旗" },
    { suffix: "林区" },
    { suffix: "特区" },
    { suffix: "县" },
    { suffix: "市" },
    { suffix: "旗" },
  ],
};

/** Removes trailing nationality words: 黔东南苗族侗族 → 黔东南, 东乡族 → 东乡. */
export function stripEthnic(stem: string): string {
  let s = stem;
  for (;;) {
    const m = TRAILING_GROUP.exec(s);
    if (!m) return s;
    if (m.index < 2) return m.index === 0 ? s.replace(/族$/, "") : s;
    s = s.slice(0, m.index);
  }
}

/** 四川省 → 四川; 黔东南苗族侗族自治州 → 黔东南 (+ 黔东南州); never one character. */
export function deriveNames(name: string, kind: DivisionKind): DerivedNames {
  const rule = SUFFIXES[kind].find((r) => name.endsWith(r.suffix) && name.length - r.suffix.length >= 2);
  if (!rule) return { stems: [], aliases: [] };
  const bare = name.slice(0, -rule.suffix.length);
  const stem = rule.suffix.startsWith("自治") ? stripEthnic(bare) : bare;
  if (stem.length < 2) return { stems: [], aliases: [] };
  const alias = rule.alias ? stem + rule.alias : undefined;
  return { stems: [stem], aliases: alias && alias !== name ? [alias] : [] };
}

// China's only 林区 and 特区; 碑林区 and 万柏林区 are ordinary districts.
const COUNTY_NAMED_QU = new Set(["神农架林区", "六枝特区"]);

/** County-level kind from the name: 区 is a district, everything else (县, 县级市, 旗 …) a county. */
export function countyLevelKind(name: string): DivisionKind {
  return name.endsWith("区") && !COUNTY_NAMED_QU.has(name) ? "DISTRICT" : "COUNTY";
}
