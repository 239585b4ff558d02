import type { Measure } from "../types.js";
import type { Quantity } from "./quantity.js";

/** Words that frame a figure (time, stance, scope) rather than name what is measured. */
const LEADING_CUES = [
  "截至目前",
  "其中",
  "同时",
  "此外",
  "另外",
  "目前",
  "全年",
  "年内",
  "当年",
  "预计",
  "累计",
  "力争",
  "确保",
  "争取",
  "共计",
  "合计",
  "共",
  "同比",
  "全区",
  "全市",
  "我市",
  "我区",
  "还将",
  "将",
  "要",
  "还",
  "继续",
  "进一步",
  "并",
  "已",
  "均",
  "实现",
  "首年",
  "高质量",
  "高效",
  "全力",
];
const TRAILING_CUES = ["达到", "达", "为", "至", "约", "共", "超", "总计", "合计", "累计", "分别", "完成", "实现", "预计"];
const GROWTH_VERBS = /(同比)?(增长|增速|增幅|涨幅|增加|提高|下降|降低|压减|减少|上涨|回落)$/u;
/** Verbs of a fall: their rate is a negative change (下降2.4% → -2.4). */
const FALL_VERBS = /(下降|降低|回落)$/u;
const LEVEL_VERBS = /(提升至|提高到|提高至|增加到|增至|达到|达)$/u;
const RATE_UNITS = new Set(["%", "个百分点", "倍"]);
/** Counting words: after them the text names what is counted (5处游客服务中心). */
const CLASSIFIERS = new Set([
  "个",
  "家",
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
  "支",
  "台",
  "张",
  "名",
  "位",
  "批",
  "类",
  "节",
  "场",
  "场次",
  "批次",
  "轮次",
  "次",
  "人次",
  "户",
]);
const AFTER_STOP = /[，。；：、！？,;:!?（(]|和|及|与|等|以上|左右|[0-9]/u;

export interface IndicatorPhrase {
  name: string;
  measure: Measure;
  /** The rate is of a fall (下降, 降低): its value is negative. */
  falling?: boolean;
  /** The verb the phrase starts with (新建), for the next count in an enumeration. */
  verb?: string;
}

function stripLeading(text: string, subjects: string[]): string {
  let s = text;
  for (let changed = true; changed; ) {
    changed = false;
    s = s.replace(/^[\s，、,]+/u, "");
    const year = /^(?:(?:19|20)\d{2}\s*年(?:度)?|截至[^，,]{0,10}?(?:底|末|目前|为止))/u.exec(s);
    if (year) {
      s = s.slice(year[0].length);
      changed = true;
      continue;
    }
    for (const word of [...subjects, ...LEADING_CUES]) {
      if (word && s.startsWith(word) && s.length > word.length) {
        s = s.slice(word.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

function stripTrailing(text: string): string {
  let s = text.replace(/[\s，、,的]+$/u, "");
  for (let changed = true; changed; ) {
    changed = false;
    for (const word of TRAILING_CUES) {
      if (s.endsWith(word) && s.length > word.length) {
        s = s.slice(0, -word.length);
        changed = true;
      }
    }
  }
  return s;
}

/** The noun phrase a classifier counts: text after the quantity up to a delimiter (5处→游客服务中心). */
function countedNoun(after: string): string {
  const stop = after.search(AFTER_STOP);
  return (stop < 0 ? after : after.slice(0, stop)).trim();
}

/**
 * What a quantity measures, from the words before it (地区生产总值增长5.5% → 地区生产总值, growth)
 * or, for a count, the verb before it and the noun after it (新建5处游客服务中心 → 新建游客服务中心).
 * `previous` is the indicator of the figure before in the same sentence, for 同比增长28.3%.
 */
export function indicatorPhrase(
  before: string,
  after: string,
  q: Quantity,
  subjects: string[],
  previous: IndicatorPhrase | undefined,
): IndicatorPhrase | undefined {
  let head = stripLeading(before, subjects);
  let measure: Measure = "LEVEL";
  let falling = false;
  const growth = GROWTH_VERBS.exec(head);
  if (growth && RATE_UNITS.has(q.normalizedUnit)) {
    measure = "GROWTH_RATE";
    falling = FALL_VERBS.test(growth[0]) && q.normalizedUnit !== "倍";
    head = head.slice(0, growth.index);
  } else {
    const level = LEVEL_VERBS.exec(head);
    if (level) head = head.slice(0, level.index);
    // 增速达到6%: the rate of growth reached a level, still a growth rate.
    const rate = /(增速|增幅|涨幅|增长率)$/u.exec(head);
    if (rate && RATE_UNITS.has(q.normalizedUnit)) {
      measure = "GROWTH_RATE";
      head = head.slice(0, rate.index);
    }
  }
  head = stripTrailing(stripLeading(head, subjects));
  // Named items listed before a count (加快青啤时尚小镇等9个项目) are examples, not what is counted.
  for (const name of subjects) head = head.replaceAll(`${name}、`, "").replaceAll(`${name}等`, "等");
  // A list before the count (大沙路学校、劲松三路小学等4所学校): keep only its leading verb.
  const listAt = head.search(/[^、]*、|等$/u);
  if (head.endsWith("等") || listAt >= 0) head = leadingVerb(head) || head.replace(/等$/u, "");
  // 新建5处游客服务中心和13处中小型旅游服务驿站: the second count's verb is the first one's.
  if (!head && previous?.verb && /^[和及与、]?$/u.test(before.replace(/^.*[和及与、]/u, ""))) head = previous.verb;
  const noun = CLASSIFIERS.has(q.normalizedUnit) || !head || isVerbOnly(head) ? countedNoun(after) : "";
  let name = head;
  if (noun && (head.length <= 4 || isVerbOnly(head))) name = `${head}${noun}`;
  if (!name && measure === "GROWTH_RATE" && previous) name = previous.name;
  // 增长5.8%、达到1512.6亿元: a level right after the rate of the same indicator is that indicator's level.
  if (!name && previous && measure !== previous.measure && /^[、，,]?(?:达到|达|为|至|突破|超过)?$/u.test(before.replace(/^.*[、，,]/u, ""))) {
    return { name: previous.name, measure, ...(falling ? { falling } : {}) };
  }
  if (!name) return previous && measure === previous.measure ? { ...previous, ...(falling ? { falling } : { falling: false }) } : undefined;
  const verb = leadingVerb(name) || (isVerbOnly(head) ? head : "");
  return { name, measure, ...(falling ? { falling } : {}), ...(verb ? { verb } : {}) };
}

const VERBS = [
  "加快推进",
  "加快",
  "撬动",
  "涉及",
  "推选",
  "组建",
  "选取",
  "惠及",
  "启动建设",
  "开工建设",
  "新建成",
  "新认定",
  "新建",
  "建成",
  "开工",
  "改造",
  "升级",
  "打造",
  "引进",
  "新增",
  "培育",
  "建设",
  "完成",
  "实施",
  "举办",
  "开展",
  "组织",
  "创建",
  "推出",
  "安装",
  "改善",
  "整修",
  "贯通",
  "修缮",
  "拆除",
  "发放",
  "筹建",
  "筹集",
  "销售",
  "吸纳",
  "帮助",
  "接待",
  "培养",
  "落地",
  "签约",
  "推荐",
  "协助",
  "审批",
  "完善",
  "更新",
  "认定",
  "增加",
  "盘活",
  "处置",
  "释放",
  "流转",
  "加装",
  "招引",
  "提供",
  "带动",
  "集聚",
  "入驻",
  "扩建",
  "规划",
  "推动",
  "支持",
  "办好",
  "提标建设",
];

function leadingVerb(text: string): string {
  return VERBS.find((v) => text.startsWith(v)) ?? "";
}

function isVerbOnly(text: string): boolean {
  return VERBS.includes(text);
}
