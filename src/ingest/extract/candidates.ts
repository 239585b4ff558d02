import type { EntityKind } from "../types.js";

/**
 * New entities found by the shape of their names, conservatively: a name must stand alone
 * between punctuation (or after a leading verb such as 新建成) and end in a suffix that says what
 * it is (…小学, …公园, …片区, …有限公司), or be a plan or regulation in 《…》.
 */
const SUFFIXES: Array<[RegExp, EntityKind]> = [
  [/(有限公司|集团)$/u, "ORGANIZATION"],
  [/(片区)$/u, "ZONE"],
  [
    /(小学|中学|学校|幼儿园|实验室|公园|产业园|科技园|创新园|小镇|综合体|医院|体育中心|中心城|大厦|广场|博物馆|展馆|隧道|码头|停车场|街区|步行街|啤酒街|小吃街|安置区|研发总部|总部基地|遗址公园)$/u,
    "PROJECT",
  ],
];
const POLICY_TITLE = /(办法|方案|计划|规划|措施|意见|规范|清单|条例|规定|通知|纲要|标准|细则|指南)(（[^）]*）)?$/u;
const LEADING_VERBS = [
  "启动建设",
  "开工建设",
  "提标建设",
  "新建成",
  "推动",
  "推进",
  "加快",
  "建成",
  "开工",
  "新建",
  "建设",
  "完成",
  "实施",
  "打造",
  "支持",
  "升级",
  "扩建",
  "改造",
  "开办",
  "开通",
  "开展",
  "落地",
  "落户",
  "发挥",
  "还将",
  "将",
  "以",
  "在",
  "对",
  "为",
  "及",
  "和",
  "与",
];
/** Words that make a run a description, not a name. */
const NOT_A_NAME =
  /^(全|各|多|新|首|国家级|省级|市级|区级|第|一批|一处|示范|重点|配套|特色|历史遗留|战略|赴|公共|开放共享|口袋|优质|医养结合|滨海网红|[两二三四五六七八九十]+[个家处所座条支])|的|争创|入选|获评|成为|授权|年/u;
const SEGMENT = /[^，。；：、！？,;:!?（）()“”"《》\s0-9０-９]+/gu;

export interface Candidate {
  start: number;
  end: number;
  name: string;
  kind: EntityKind;
}

function stripLeadingVerbs(text: string): string {
  let s = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const verb of LEADING_VERBS) {
      if (s.startsWith(verb) && s.length > verb.length + 1) {
        s = s.slice(verb.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

export function findCandidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(/《([^《》]{2,80})》/gu)) {
    const title = m[1] as string;
    if (POLICY_TITLE.test(title)) found.push({ start: (m.index ?? 0) + 1, end: (m.index ?? 0) + 1 + title.length, name: title, kind: "POLICY" });
  }
  for (const m of text.matchAll(SEGMENT)) {
    const segment = m[0];
    // Right after a digit the segment starts with a classifier (15支基金…), not a name.
    if (/[0-9０-９]/u.test(text[(m.index ?? 0) - 1] ?? "")) continue;
    const trimmed = segment.replace(/等$/u, "");
    const name = stripLeadingVerbs(trimmed);
    const start = (m.index ?? 0) + trimmed.length - name.length;
    if (found.some((f) => f.start <= start && start < f.end)) continue;
    for (const [suffix, kind] of SUFFIXES) {
      const s = suffix.exec(name);
      if (!s) continue;
      const stem = name.length - s[0].length;
      if (stem >= 2 && stem <= 10 && !NOT_A_NAME.test(name)) found.push({ start, end: start + name.length, name, kind });
      break;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
