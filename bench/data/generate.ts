import { createHash } from "node:crypto";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { bandKeys } from "../../src/ingest/dedupe.js";
import { factKey, observationId } from "../../src/ingest/extract/observations.js";
import type { Qualifier } from "../../src/ingest/extract/quantity.js";
import {
  type CitationRow,
  type EntityRow,
  type GraphRows,
  KIND_LABEL,
  type ObservationRow,
  type PostRow,
  postId,
  type RelationRow,
} from "../../src/ingest/graph.js";
import { entityId } from "../../src/ingest/registry.js";
import type { EntityKind } from "../../src/ingest/types.js";

/**
 * A seeded generator of graphs with the corpus graph's model and shape: synthetic districts, each
 * with zones, projects, people, organizations, events and policies, and five years of work reports
 * and news pages whose sentences state targets, estimates and results, with exact citations. Each
 * district's content depends only on the seed and its index, so district k is the same in a 10k and
 * in a 1M graph: only the size of the world around it changes.
 */

export const YEARS = [2019, 2020, 2021, 2022, 2023] as const;
const DISTRICTS_PER_CITY = 10;
const CITIES_PER_PROVINCE = 10;
const CORE_INDICATORS = 12;
const ESTIMATES = 6;
const RESTATED = 6;

const HAN = "青云华海山川明德东南西北安和平兴盛泰康宁嘉瑞祥福顺达昌隆丰源泽润金玉林松柏桂兰梅竹荷芳雅静清秀新春光辉阳星月晨晓鸿鹏远志诚信仁义礼智勤俭";
const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const ZONE_WORDS = ["中央商务区", "滨海新区", "高新技术产业园区", "老城历史街区", "国际邮轮港区", "临空经济区"];
const PROJECT_WORDS = [
  "智慧产业园",
  "科创中心",
  "国际会展中心",
  "滨河公园",
  "人才公寓",
  "数据中心",
  "医养综合体",
  "轨道交通枢纽",
  "文化艺术馆",
  "创新研究院",
  "物流枢纽",
  "体育中心",
  "金融大厦",
  "湿地公园",
  "学校扩建工程",
];
const ORGANIZATION_WORDS = ["区人民政府", "区发展和改革局", "区财政局", "区科学技术局"];
const TITLES = ["区长", "副区长", "局长", "副局长", "主任", "党组书记"];
const EVENT_WORDS = ["招商推介大会", "人才发展大会"];
const POLICY_WORDS = ["产业扶持办法", "人才新政二十条"];
const SUBDISTRICT_WORDS = ["东路街道", "西山街道"];

interface IndicatorSpec {
  name: string;
  unit: string;
  measure: "LEVEL" | "GROWTH_RATE";
}

/** Real indicator names first, then combinations, for a pool of 120 shared by all districts. */
export const INDICATORS: IndicatorSpec[] = (() => {
  const real: IndicatorSpec[] = [
    { name: "地区生产总值", unit: "%", measure: "GROWTH_RATE" },
    { name: "一般公共预算收入", unit: "%", measure: "GROWTH_RATE" },
    { name: "固定资产投资", unit: "%", measure: "GROWTH_RATE" },
    { name: "社会消费品零售总额", unit: "%", measure: "GROWTH_RATE" },
    { name: "新增城镇就业", unit: "万人", measure: "LEVEL" },
    { name: "规上工业增加值", unit: "%", measure: "GROWTH_RATE" },
    { name: "外贸进出口总额", unit: "亿元", measure: "LEVEL" },
    { name: "实际使用外资", unit: "亿美元", measure: "LEVEL" },
  ];
  const subjects = [
    "服务业",
    "数字经济",
    "海洋经济",
    "文旅产业",
    "高技术制造业",
    "金融业",
    "现代物流",
    "建筑业",
    "科技企业",
    "民营经济",
    "农业",
    "城市更新",
    "绿色低碳",
  ];
  const measures: IndicatorSpec[] = [
    { name: "增加值", unit: "%", measure: "GROWTH_RATE" },
    { name: "营业收入", unit: "亿元", measure: "LEVEL" },
    { name: "投资", unit: "%", measure: "GROWTH_RATE" },
    { name: "税收", unit: "亿元", measure: "LEVEL" },
    { name: "新增主体", unit: "家", measure: "LEVEL" },
    { name: "从业人员", unit: "万人", measure: "LEVEL" },
    { name: "项目数", unit: "个", measure: "LEVEL" },
    { name: "产值", unit: "%", measure: "GROWTH_RATE" },
    { name: "占比", unit: "%", measure: "LEVEL" },
  ];
  return [...real, ...subjects.flatMap((s) => measures.map((m) => ({ ...m, name: `${s}${m.name}` })))].slice(0, 120);
})();

/** A name from an index: base-|HAN| digits, so distinct indexes give distinct names. */
function core(index: number, width = 2): string {
  let name = "";
  let n = index;
  for (let i = 0; i < width; i++) {
    name += HAN[n % HAN.length];
    n = Math.floor(n / HAN.length);
  }
  return name;
}

function personName(n: number): string {
  return `${SURNAMES[Math.floor(n / HAN.length ** 2) % SURNAMES.length]}${core(n)}`;
}

export interface District {
  index: number;
  name: string;
  city: string;
  province: string;
  zones: string[];
  projects: Array<{ name: string; zone: string }>;
  subdistricts: string[];
  organizations: string[];
  people: Array<{ name: string; organization: string; title: string }>;
  events: string[];
  policies: string[];
  partner: string;
  indicators: IndicatorSpec[];
}

/** Whatever a district is made of, from the seed and its index alone. */
export function district(seed: number, index: number): District {
  const rng = xoroshiro128plus(seed * 1_000_003 + index);
  const c = core(index);
  const cityIndex = Math.floor(index / DISTRICTS_PER_CITY);
  const name = `${c}区`;
  const zones = [0, 1, 2].map((j) => `${c}${ZONE_WORDS[(index + j) % ZONE_WORDS.length]}`);
  const organizations = ORGANIZATION_WORDS.map((w) => `${c}${w}`);
  const pool = [...INDICATORS];
  const indicators: IndicatorSpec[] = [];
  for (let i = 0; i < CORE_INDICATORS; i++) indicators.push(...pool.splice(uniformInt(rng, 0, pool.length - 1), 1));
  return {
    index,
    name,
    city: `${core(cityIndex + 3000)}市`,
    province: `${core(Math.floor(cityIndex / CITIES_PER_PROVINCE) + 3500)}省`,
    zones,
    projects: PROJECT_WORDS.map((w, j) => ({ name: `${c}${w}`, zone: zones[j % zones.length] as string })),
    subdistricts: SUBDISTRICT_WORDS.map((w) => `${c}${w}`),
    organizations,
    people: [0, 1, 2, 3, 4, 5].map((j) => ({
      name: personName(index * 6 + j),
      organization: organizations[j % organizations.length] as string,
      title: TITLES[j] as string,
    })),
    events: EVENT_WORDS.map((w) => `${name}${w}`),
    policies: POLICY_WORDS.map((w) => `${name}${w}`),
    partner: `${core(index + 2000)}县`,
    indicators,
  };
}

interface Passage {
  id: string;
  start: number;
  text: string;
}

/** Builds one document's text sentence by sentence, keeping every offset, and its graph rows. */
class DocumentBuilder {
  private text = "";
  private readonly entities = new Map<string, EntityRow>();
  private readonly observations = new Map<string, ObservationRow>();
  private readonly posts = new Map<string, PostRow>();
  private readonly relations = new Map<string, RelationRow>();
  readonly rows: Omit<GraphRows, "document" | "entities" | "observations" | "posts" | "relations" | "factKeys">;
  private article = "";
  private articleStart = 0;

  constructor(
    readonly id: string,
    private readonly place: string,
  ) {
    this.rows = {
      articles: [],
      passages: [],
      nearDuplicates: [],
      mentions: [],
      observationCitations: [],
      postCitations: [],
      authorship: [],
      summary: { subject: null, subjectSource: null, skipped: { noSubject: 0, noPeriod: 0, noIndicator: 0 }, warnings: [] },
    };
  }

  startArticle(headline: string): void {
    this.endArticle();
    if (this.text.length > 0) this.text += "\n\n";
    this.article = `${this.id}:a${this.rows.articles.length}`;
    this.articleStart = this.text.length;
    this.text += `${headline}\n`;
    this.rows.articles.push({
      id: this.article,
      documentId: this.id,
      index: this.rows.articles.length,
      kind: "ARTICLE",
      headline,
      byline: null,
      place: this.place,
      start: this.articleStart,
      end: this.articleStart,
    });
  }

  private endArticle(): void {
    const last = this.rows.articles.at(-1);
    if (last) last.end = this.text.length;
  }

  say(sentence: string): Passage {
    const start = this.text.length;
    this.text += sentence;
    const index = this.rows.passages.length;
    const passage = { id: `${this.id}:p${index}`, start, text: sentence };
    this.rows.passages.push({
      id: passage.id,
      documentId: this.id,
      articleId: this.article,
      index,
      paragraph: index,
      section: null,
      isHeading: false,
      isFurniture: false,
      start,
      end: start + sentence.length,
      text: sentence,
      bands: bandKeys(sentence),
    });
    return passage;
  }

  private span(p: Passage, quote: string): { start: number; end: number } {
    const at = p.text.indexOf(quote);
    if (at < 0) throw new Error(`"${quote}" is not in "${p.text}"`);
    return { start: p.start + at, end: p.start + at + quote.length };
  }

  private cite(nodeId: string, p: Passage, quote: string): CitationRow {
    return { nodeId, passageId: p.id, ...this.span(p, quote), quote, method: "RULE" };
  }

  entity(kind: EntityKind, name: string, aliases: string[] = []): string {
    const id = entityId(kind, name);
    if (!this.entities.has(id))
      this.entities.set(id, {
        id,
        kind,
        label: KIND_LABEL[kind],
        name,
        aliases,
        searchText: [name, ...aliases].join(" "),
        method: "RULE",
        description: null,
        properties: {},
      });
    return id;
  }

  mention(kind: EntityKind, name: string, p: Passage, aliases: string[] = []): string {
    const id = this.entity(kind, name, aliases);
    this.rows.mentions.push(this.cite(id, p, name));
    return id;
  }

  relate(type: RelationRow["type"], fromId: string, toId: string, p: Passage): void {
    const key = `${type}|${fromId}|${toId}`;
    const { start, end } = this.span(p, p.text.slice(0, -1));
    const citation = `${p.id}#${start}-${end}`;
    const existing = this.relations.get(key);
    if (existing) existing.citations.push(citation);
    else this.relations.set(key, { type, fromId, toId, method: "RULE", citations: [citation], reference: null });
  }

  observe(
    o: { subjectId: string; indicator: IndicatorSpec; period: number; kind: "TARGET" | "ESTIMATE" | "ACTUAL"; value: number; qualifier: Qualifier },
    p: Passage,
    quote: string,
  ): void {
    // As in the corpus graph: the indicator is cited by the observation's quote, the subject by its name.
    const indicatorId = this.entity("INDICATOR", o.indicator.name);
    this.rows.mentions.push(this.cite(indicatorId, p, o.indicator.name));
    const shape = {
      subjectId: o.subjectId,
      indicatorId,
      period: o.period,
      kind: o.kind,
      measure: o.indicator.measure,
      qualifier: o.qualifier,
      normalizedValue: o.value,
      normalizedUnit: o.indicator.unit,
    };
    const id = observationId(shape);
    this.observations.set(id, {
      ...shape,
      id,
      factKey: factKey(shape),
      periodStart: null,
      value: o.value,
      valueMax: null,
      unit: o.indicator.unit,
      qualifier: o.qualifier,
      text: quote,
      method: "RULE",
    });
    this.rows.observationCitations.push(this.cite(id, p, quote));
  }

  post(personId: string, organizationId: string, title: string, asOf: string, p: Passage, quote: string): void {
    const id = postId({ personId, organizationId, title });
    this.posts.set(id, { id, personId, organizationId, title, asOf, current: true, method: "RULE" });
    this.rows.postCitations.push(this.cite(id, p, quote));
  }

  build(meta: { title: string; publishedOn: string; reportYear: number }): GraphRows {
    this.endArticle();
    const text = this.text;
    const observations = [...this.observations.values()];
    return {
      document: {
        id: this.id,
        sourceFile: `${this.id}.txt`,
        title: meta.title,
        publisher: "合成数据",
        publishedOn: meta.publishedOn,
        dateNote: "generated",
        page: null,
        issue: null,
        reportYear: meta.reportYear,
        sha256: createHash("sha256").update(text).digest("hex"),
        length: text.length,
        text,
        subjectId: null,
        subjectSource: null,
      },
      ...this.rows,
      entities: [...this.entities.values()],
      observations,
      posts: [...this.posts.values()],
      relations: [...this.relations.values()],
      factKeys: [...new Set(observations.map((o) => o.factKey))],
    };
  }
}

/** A value for an indicator: growth rates with one decimal, levels as whole numbers. */
function valueFor(rng: RandomGenerator, spec: IndicatorSpec): number {
  return spec.measure === "GROWTH_RATE" ? uniformInt(rng, 15, 120) / 10 : uniformInt(rng, 1, 500);
}

function phrase(spec: IndicatorSpec, value: number): string {
  return spec.measure === "GROWTH_RATE" ? `${spec.name}增长${value}${spec.unit}` : `${spec.name}达到${value}${spec.unit}`;
}

/** The work report of year Y (published in January of Y+1): results of Y, estimates, targets for Y+1. */
function report(seed: number, d: District, year: number): GraphRows {
  const rng = xoroshiro128plus(seed * 7_919 + d.index * 101 + year);
  const b = new DocumentBuilder(`bench-${d.index}-${year}-report`, d.name);
  const shortName = d.name.slice(0, -1);
  b.startArticle(`${d.name}${year + 1}年政府工作报告`);
  let p = b.say(`${d.name}隶属${d.city}，${d.city}是${d.province}的地级市。`);
  const districtId = b.mention("DISTRICT", d.name, p, [shortName]);
  const cityId = b.mention("CITY", d.city, p);
  const provinceId = b.mention("PROVINCE", d.province, p);
  b.relate("PART_OF", districtId, cityId, p);
  b.relate("PART_OF", cityId, provinceId, p);
  p = b.say(`${d.name}下辖${d.subdistricts.join("、")}。`);
  for (const s of d.subdistricts) b.relate("PART_OF", b.mention("SUBDISTRICT", s, p), districtId, p);

  for (const spec of d.indicators) {
    const value = valueFor(rng, spec);
    const quote = phrase(spec, value);
    p = b.say(`${year}年，${d.name}${quote}。`);
    b.observe({ subjectId: districtId, indicator: spec, period: year, kind: "ACTUAL", value, qualifier: "EXACT" }, p, quote);
  }
  for (const spec of d.indicators.slice(0, ESTIMATES)) {
    const value = valueFor(rng, spec);
    const quote = phrase(spec, value);
    p = b.say(`预计${year}年${d.name}${quote}。`);
    b.observe({ subjectId: districtId, indicator: spec, period: year, kind: "ESTIMATE", value, qualifier: "APPROX" }, p, quote);
  }
  b.startArticle(`${year + 1}年主要预期目标`);
  for (const spec of d.indicators) {
    const value = targetValue(seed, d, spec, year + 1);
    const quote = `${phrase(spec, value)}左右`;
    p = b.say(`${year + 1}年，${d.name}力争${quote}。`);
    b.observe({ subjectId: districtId, indicator: spec, period: year + 1, kind: "TARGET", value, qualifier: "APPROX" }, p, quote);
  }

  b.startArticle(`${d.name}重点片区和项目`);
  for (const zone of d.zones) {
    p = b.say(`${zone}是${d.name}的重点发展片区。`);
    b.relate("PART_OF", b.mention("ZONE", zone, p), districtId, p);
  }
  const investment: IndicatorSpec = { name: "完成投资", unit: "亿元", measure: "LEVEL" };
  for (const project of d.projects) {
    const value = uniformInt(rng, 1, 80);
    const quote = `完成投资${value}亿元`;
    p = b.say(`${project.name}位于${project.zone}，${year}年${quote}。`);
    const projectId = b.mention("PROJECT", project.name, p);
    b.relate("LOCATED_IN", projectId, b.mention("ZONE", project.zone, p), p);
    b.observe({ subjectId: projectId, indicator: investment, period: year, kind: "ACTUAL", value, qualifier: "EXACT" }, p, quote);
  }

  b.startArticle(`${d.name}政府组成人员`);
  for (const person of d.people) {
    const quote = `${person.name}任${person.organization}${person.title}`;
    p = b.say(`${quote}。`);
    b.post(b.mention("PERSON", person.name, p), b.mention("ORGANIZATION", person.organization, p), person.title, `${year + 1}-01`, p, quote);
  }
  b.startArticle(`${d.name}活动与政策`);
  for (const [i, event] of d.events.entries()) {
    const person = d.people[i] as District["people"][number];
    p = b.say(`${d.name}召开${event}，${person.name}出席。`);
    b.relate("PARTICIPATED_IN", b.mention("PERSON", person.name, p), b.mention("EVENT", event, p), p);
  }
  for (const policy of d.policies) {
    p = b.say(`${d.name}出台${policy}。`);
    b.relate("APPLIES_TO", b.mention("POLICY", policy, p), b.mention("DISTRICT", d.name, p, [shortName]), p);
  }
  p = b.say(`${d.partner}与${d.name}开展对口协作。`);
  b.relate("PARTNER_OF", b.mention("COUNTY", d.partner, p), b.mention("DISTRICT", d.name, p, [shortName]), p);
  return b.build({ title: `${d.name}${year + 1}年政府工作报告`, publishedOn: `${year + 1}-01`, reportYear: year });
}

/** A target's value, the same wherever it is restated (so restating corroborates). */
function targetValue(seed: number, d: District, spec: IndicatorSpec, period: number): number {
  const rng = xoroshiro128plus(seed * 104_729 + d.index * 1_009 + period * 7 + INDICATORS.indexOf(spec));
  return valueFor(rng, spec);
}

/** A news page restating some of the report's targets (one of them with a different figure) and projects. */
function news(seed: number, d: District, year: number): GraphRows {
  const b = new DocumentBuilder(`bench-${d.index}-${year}-news`, d.name);
  b.startArticle(`${d.name}两会观察`);
  for (const [i, spec] of d.indicators.slice(0, RESTATED + 1).entries()) {
    const restated = targetValue(seed, d, spec, year + 1);
    const value = i === RESTATED ? restated + (spec.measure === "GROWTH_RATE" ? 0.5 : 1) : restated;
    const quote = `${phrase(spec, value)}左右`;
    const p = b.say(`${d.name}提出，${year + 1}年${quote}。`);
    b.observe(
      { subjectId: b.mention("DISTRICT", d.name, p, [d.name.slice(0, -1)]), indicator: spec, period: year + 1, kind: "TARGET", value, qualifier: "APPROX" },
      p,
      quote,
    );
  }
  for (const project of d.projects.slice(0, 5)) {
    const p = b.say(`${project.name}加快建设。`);
    b.mention("PROJECT", project.name, p);
  }
  return b.build({ title: `${d.name}两会观察`, publishedOn: `${year + 1}-01`, reportYear: year });
}

/** Every document of one district, in the order they are loaded. */
export function* districtDocuments(seed: number, d: District): Generator<GraphRows> {
  for (const year of YEARS) {
    yield report(seed, d, year);
    yield news(seed, d, year);
  }
}

export interface GenerationPlan {
  seed: number;
  districts: number;
}

/**
 * How many districts reach at least `nodes` nodes. A district's own nodes are counted on district 0;
 * indicators, cities and provinces are shared, so they are added once per pool, city and province.
 */
export function planFor(nodes: number, seed: number): GenerationPlan {
  const own = new Set<string>();
  const shared = /^(indicator|city|province):/;
  for (const rows of districtDocuments(seed, district(seed, 0))) for (const id of nodeIds(rows)) if (!shared.test(id)) own.add(id);
  const total = (districts: number): number =>
    districts * own.size +
    INDICATORS.length +
    1 +
    Math.ceil(districts / DISTRICTS_PER_CITY) +
    Math.ceil(districts / (DISTRICTS_PER_CITY * CITIES_PER_PROVINCE));
  let districts = Math.max(2, Math.floor(nodes / own.size) - 1);
  while (total(districts) < nodes) districts += 1;
  return { seed, districts };
}

/** The ids of the nodes a document's rows create or merge into. */
export function nodeIds(rows: GraphRows): string[] {
  return [
    rows.document.id,
    ...rows.articles.map((a) => a.id),
    ...rows.passages.map((p) => p.id),
    ...rows.entities.map((e) => e.id),
    ...rows.observations.map((o) => o.id),
    ...rows.posts.map((p) => p.id),
  ];
}

/** The documents of a plan, district by district, from district `from` on (to grow a loaded graph). */
export function* documents(plan: GenerationPlan, from = 0): Generator<GraphRows> {
  for (let i = from; i < plan.districts; i++) yield* districtDocuments(plan.seed, district(plan.seed, i));
}
