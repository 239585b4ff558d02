import type { Registry } from "../registry.js";
import { entityId } from "../registry.js";
import type { EntityKind } from "../types.js";
import { insideQuotes } from "./filters.js";
import { type LevelChar, PLACE_WORD } from "./place-words.js";

/** Kinds a figure can be about. People, events, policies and indicators are never the subject. */
const SUBJECT_KINDS = new Set<EntityKind>(["PROVINCE", "CITY", "DISTRICT", "COUNTY", "SUBDISTRICT", "ZONE", "PROJECT", "ORGANIZATION"]);
/** Places above the county level: named inside a clause they usually qualify a word rather than own the figure. */
const WIDE_PLACES = new Set<EntityKind>(["PROVINCE", "CITY"]);
/** Zones and projects named earlier in the same statement carry over (打造国际人才服务联动平台，累计服务企业400余家). */
const CARRIED = new Set<EntityKind>(["ZONE", "PROJECT"]);
const FRAME = /^(?:[\s，,]|其中|同时|同期|此外|目前|全年|年内|年末|去年|今年|预计|初步核算|累计|力争|确保|还将|将|要|还|并|实现|新增|新)+/u;
const SENTENCE_FRAME = /^(?:[\s，,“]|(?:19|20)\d{2}年(?:以来|初|底|内)?|截至目前|目前|同时|此外|今年|去年|[^，。；“]{1,8}(?:后|之后|以来|期间)，|[0-9]+\s)+/u;
const ARRIVAL_BEFORE = /^[^，,；;]{0,8}?(落户|入驻|落地|在)$|^的$/u;
/** Words after a name that make it the object of someone else's action or a speaker, not an agent. */
const NOT_AGENT_AFTER = /^(相关负责人)?(表示|介绍|说)/u;
const NOT_AGENT_BEFORE = /(支持|落实|协调|推荐|帮助|协助|助力|举办|与|和|对|向|为|在|获评|入选|发布)$/u;

export interface Span {
  start: number;
  end: number;
  entityId: string;
  kind: EntityKind;
  /** Zone named inside this span's name (邮轮港区 in 邮轮港区启动区地下空间). */
  innerZone?: string;
}

export interface SubjectContext {
  registry: Registry;
  sentence: string;
  /** Top-level entity spans of the sentence, in order. */
  spans: Span[];
  /** The place the article reports on; undefined when neither metadata nor text says. */
  articlePlace: Resolved | undefined;
  /** The place a level word denotes here (全市 → the city, 全区 → the district), if any. */
  placeWord: (level: LevelChar) => Resolved | undefined;
}

export interface FigureSpan {
  clauseStart: number;
  clauseEnd: number;
  start: number;
  end: number;
}

function zoneOf(ctx: SubjectContext, span: Span): string | undefined {
  if (span.innerZone) return span.innerZone;
  const entry = ctx.registry.byId.get(span.entityId);
  return entry?.relations.find((r) => r.type === "LOCATED_IN" && ctx.registry.byId.get(r.target)?.kind === "ZONE")?.target;
}

function isListed(sentence: string, span: Span): boolean {
  return /^[等、]/u.test(sentence.slice(span.end)) || /[、及和]$/u.test(sentence.slice(0, span.start));
}

/**
 * A listed item (X、Y等9个项目) stands for the zone every item of its list lies in, or for nothing.
 * The list runs back from the span to the start of the clause.
 */
function listZone(ctx: SubjectContext, span: Span, clauseStart: number): string | undefined {
  const listEnd = ctx.sentence.indexOf("等", span.end);
  const text = ctx.sentence.slice(clauseStart, listEnd >= 0 ? listEnd : span.end);
  const items = text.split("、").length;
  const members = ctx.spans.filter((s) => s.start >= clauseStart && s.end <= (listEnd >= 0 ? listEnd : span.end) && isListed(ctx.sentence, s));
  if (members.length !== items) return undefined;
  const zones = new Set(members.map((m) => zoneOf(ctx, m)));
  const [zone] = [...zones];
  return zones.size === 1 ? zone : undefined;
}

/**
 * What a figure is about, first rule that applies:
 * 1. a place word opening its clause (全区, 我市): the document's place or its ancestor of that level, else none;
 * 2. the nearest entity named before it in its clause; when the figure counts a list (X、Y等N个),
 *    the zone all listed items share, else the article's place;
 * 3. an entity the counted things arrive in or belong to, after it in the clause
 *    (3家银行理财子公司在金家岭金融区, 投资2.1亿元的国寿嘉园…项目);
 * 4. when the figure opens its clause, the counted things are the clause's own subject: the
 *    article's place, unless the figure before it was about a zone (300亩土地出让，10个项目开工);
 * 5. the statement's agent: the entity it opens with (after time words), unless it only speaks or is acted on;
 * 6. the nearest zone or project named in an earlier clause of the statement (up to a semicolon);
 * 7. the subject of the figure before it in the sentence;
 * 8. the article's place.
 */
export function resolveSubject(ctx: SubjectContext, f: FigureSpan, previous: Resolved | undefined): Resolved {
  const { sentence } = ctx;
  const clauseHead = sentence.slice(f.clauseStart, f.start).replace(FRAME, "");
  const headOffset = f.start - f.clauseStart - clauseHead.length;
  // A place inside quotes or a title is part of a name (“文化山东”), never what a figure is about.
  const subjects = ctx.spans.filter((s) => SUBJECT_KINDS.has(s.kind) && !insideQuotes(sentence, s.start));
  const respective = respectiveSubject(ctx, f, subjects);
  if (respective) return respective;
  const head = headName(clauseHead, ctx.spans, f.start - clauseHead.length);
  if (head) return head;
  const level = PLACE_WORD.exec(clauseHead)?.[1] as LevelChar | undefined;
  // 全区 in a county report names no place of it: the figure is left out rather than filed elsewhere.
  if (level) return ctx.placeWord(level) ?? { id: undefined, kind: undefined };

  // 投资1亿元的青岛沉信医疗中心项目: the figure belongs to the entity right after its 的.
  const owner = subjects.find((s) => s.start >= f.end && s.end <= f.clauseEnd && sentence.slice(f.end, s.start) === "的");
  if (owner) return { id: owner.entityId, kind: owner.kind };
  // A province or city is the subject only when it opens the clause (绵阳市地区生产总值…), not when it qualifies a word (获评青岛市…).
  const before = subjects.filter((s) => s.start >= f.clauseStart && s.end <= f.start && (!WIDE_PLACES.has(s.kind) || s.start === f.clauseStart + headOffset));
  // X、Y等N个…: the figure counts a list; it is about the zone all items share, or the article's place.
  const listEnd = clauseHead.lastIndexOf("等");
  const arrival = subjects.find((s) => s.start >= f.end && s.end <= f.clauseEnd && ARRIVAL_BEFORE.test(sentence.slice(f.end, s.start)));
  // 山东省仅有的3家…在金家岭金融区: where the counted things are outranks the wide place that frames them.
  if (arrival && before.length > 0 && before.every((s) => WIDE_PLACES.has(s.kind))) return { id: arrival.entityId, kind: arrival.kind };
  for (const span of [...before].reverse()) {
    const inList = isListed(sentence, span) || (listEnd >= 0 && span.end <= f.start - (clauseHead.length - listEnd));
    if (!inList) return { id: span.entityId, kind: span.kind };
    const zone = listZone(ctx, span, f.clauseStart);
    return zone ? { id: zone, kind: "ZONE" } : (previous ?? place(ctx));
  }
  if (listEnd >= 0) return previous ?? place(ctx);
  if (arrival) return { id: arrival.entityId, kind: arrival.kind };
  // The figure opens its clause: what it counts is the clause's own subject, unless a zone's figures run on.
  if (clauseHead.length === 0) return previous?.kind === "ZONE" ? previous : place(ctx);

  // A semicolon starts a new statement: its agent and carried zones are its own.
  const scopeStart = Math.max(sentence.lastIndexOf("；", f.clauseStart - 1), sentence.lastIndexOf(";", f.clauseStart - 1)) + 1;
  const scope = sentence.slice(scopeStart);
  const opening = scopeStart + scope.length - scope.replace(SENTENCE_FRAME, "").length;
  const agent = subjects.find(
    (s) =>
      s.start === opening &&
      s.start < f.start &&
      !isListed(sentence, s) &&
      !NOT_AGENT_AFTER.test(sentence.slice(s.end)) &&
      !NOT_AGENT_BEFORE.test(sentence.slice(scopeStart, s.start)),
  );
  if (agent) return { id: agent.entityId, kind: agent.kind };
  const carried = subjects.filter((s) => s.start >= scopeStart && s.end <= f.clauseStart && CARRIED.has(s.kind) && !isListed(sentence, s)).at(-1);
  if (carried) return { id: carried.entityId, kind: carried.kind };
  return previous ?? place(ctx);
}

/**
 * 三台县、安州区分别达到452.3亿元和318.6亿元: the i-th value after 分别 belongs to the i-th listed subject.
 */
function respectiveSubject(ctx: SubjectContext, f: FigureSpan, subjects: Span[]): Resolved | undefined {
  const at = ctx.sentence.lastIndexOf("分别", f.start);
  if (at < f.clauseStart) return undefined;
  const listed = subjects.filter((s) => s.start >= f.clauseStart && s.end <= at);
  if (listed.length < 2) return undefined;
  const joined = listed.every((s, i) => i === 0 || /^[、和及与]$/u.test(ctx.sentence.slice((listed[i - 1] as Span).end, s.start)));
  const index = respectiveIndex(ctx.sentence, at, f.start);
  const span = joined ? listed[index] : undefined;
  return span ? { id: span.entityId, kind: span.kind } : undefined;
}

/** Endings of names that own figures when they open a clause (北部湾港货物吞吐量, 奇瑞汽车股份有限公司整车出口). */
const HEAD_NAME_ENDINGS: Array<[RegExp, EntityKind]> = [
  [/^(.{2,14}?(?:股份有限公司|有限责任公司|有限公司|集团))(?=\p{Script=Han})/u, "ORGANIZATION"],
  [
    /^(.{2,14}?(?:自由贸易试验区|经济技术开发区|高新技术产业开发区|开发区|高新区|产业园区|产业园|园区|示范区|试验区|新区|风景名胜区|景区|步行街|商圈|古镇|苗寨|口岸|港|园))(?=\p{Script=Han})/u,
    "ZONE",
  ],
];
/** Words that make a clause head a description rather than a name (全市, 新建, 各类). */
const NOT_NAME_HEAD = /^(?:全|我|本|各|新|建|推进|加快|完成|实施|其中|同期|规模以上|去年|今年)|[0-9，、。；“”]|占|比重|人均|单位/u;

/** A name opening the clause, ending in a zone's or company's word, that owns the figure; not one that is a known place's. */
function headName(clauseHead: string, spans: Span[], headStart: number): Resolved | undefined {
  if (NOT_NAME_HEAD.test(clauseHead)) return undefined;
  for (const [re, kind] of HEAD_NAME_ENDINGS) {
    const name = re.exec(clauseHead)?.[1];
    // 新增大枣园等城市公园4个: a listed example, not the owner of the count.
    if (!name || name.length < 3 || /^[等、和及与]/u.test(clauseHead.slice(name.length))) continue;
    // 湖南地区生产总值 is 湖南's; a linked entity covering the whole name is handled by the spans.
    const linked = spans.find((s) => s.start === headStart && s.end - s.start >= name.length - 2);
    if (linked) return undefined;
    return { id: entityId(kind, name), kind };
  }
  return undefined;
}

/** Which value of a 分别 list the one at `at` is: the joiners (和, 、) between 分别 and it. */
export function respectiveIndex(sentence: string, respectively: number, at: number): number {
  return (sentence.slice(respectively, at).match(/[和、及与]/gu) ?? []).length;
}

export interface Resolved {
  id: string | undefined;
  kind: EntityKind | undefined;
}

function place(ctx: SubjectContext): Resolved {
  return ctx.articlePlace ?? { id: undefined, kind: undefined };
}
