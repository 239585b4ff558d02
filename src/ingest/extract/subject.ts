import type { Registry } from "../registry.js";
import type { EntityKind } from "../types.js";

/** Kinds a figure can be about. People, events, policies and indicators are never the subject. */
const SUBJECT_KINDS = new Set<EntityKind>(["DISTRICT", "COUNTY", "SUBDISTRICT", "ZONE", "PROJECT", "ORGANIZATION"]);
/** Zones and projects named earlier in the same statement carry over (打造国际人才服务联动平台，累计服务企业400余家). */
const CARRIED = new Set<EntityKind>(["ZONE", "PROJECT"]);
const CITY_WORDS = /^(全市|我市)/u;
const DISTRICT_WORDS = /^(全区|我区|本区)/u;
const FRAME = /^(?:[\s，,]|其中|同时|此外|目前|全年|年内|预计|累计|力争|确保|还将|将|要|还|并|实现|新增|新)+/u;
const SENTENCE_FRAME = /^(?:[\s，,“]|(?:19|20)\d{2}年(?:以来|初|底|内)?|截至目前|目前|同时|此外|今年|去年|了解到需求后|[0-9]+\s)+/u;
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
  /** The place the article reports on (entity id), and the city for 全市/我市. */
  articlePlace: string | undefined;
  cityId: string | undefined;
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
 * 1. a place word opening its clause (全区, 我市);
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
  if (CITY_WORDS.test(clauseHead) && ctx.cityId) return { id: ctx.cityId, kind: "CITY" };
  if (DISTRICT_WORDS.test(clauseHead) && ctx.articlePlace) return { id: ctx.articlePlace, kind: "DISTRICT" };

  const subjects = ctx.spans.filter((s) => SUBJECT_KINDS.has(s.kind));
  // 投资1亿元的青岛沉信医疗中心项目: the figure belongs to the entity right after its 的.
  const owner = subjects.find((s) => s.start >= f.end && s.end <= f.clauseEnd && sentence.slice(f.end, s.start) === "的");
  if (owner) return { id: owner.entityId, kind: owner.kind };
  const before = subjects.filter((s) => s.start >= f.clauseStart && s.end <= f.start);
  // X、Y等N个…: the figure counts a list; it is about the zone all items share, or the article's place.
  const listEnd = clauseHead.lastIndexOf("等");
  for (const span of [...before].reverse()) {
    const inList = isListed(sentence, span) || (listEnd >= 0 && span.end <= f.start - (clauseHead.length - listEnd));
    if (!inList) return { id: span.entityId, kind: span.kind };
    const zone = listZone(ctx, span, f.clauseStart);
    return zone ? { id: zone, kind: "ZONE" } : (previous ?? place(ctx));
  }
  if (listEnd >= 0) return previous ?? place(ctx);
  const arrival = subjects.find((s) => s.start >= f.end && s.end <= f.clauseEnd && ARRIVAL_BEFORE.test(sentence.slice(f.end, s.start)));
  if (arrival) return { id: arrival.entityId, kind: arrival.kind };
  // The figure opens its clause: what it counts is the clause's own subject, unless a zone's figures run on.
  if (clauseHead.length === 0) return previous?.kind === "ZONE" ? previous : place(ctx);

  // A semicolon starts a new statement: its agent and carried zones are its own.
  const scopeStart = Math.max(sentence.lastIndexOf("；", f.clauseStart - 1), sentence.lastIndexOf(";", f.clauseStart - 1)) + 1;
  const scope = sentence.slice(scopeStart);
  const opening = scopeStart + scope.length - scope.replace(SENTENCE_FRAME, "").length;
  const agent = subjects.find(
    (s) => s.start === opening && s.start < f.start && !isListed(sentence, s) && !NOT_AGENT_AFTER.test(sentence.slice(s.end)) && !NOT_AGENT_BEFORE.test(sentence.slice(scopeStart, s.start)),
  );
  if (agent) return { id: agent.entityId, kind: agent.kind };
  const carried = subjects.filter((s) => s.start >= scopeStart && s.end <= f.clauseStart && CARRIED.has(s.kind) && !isListed(sentence, s)).at(-1);
  if (carried) return { id: carried.entityId, kind: carried.kind };
  return previous ?? place(ctx);
}

export interface Resolved {
  id: string | undefined;
  kind: EntityKind | undefined;
}

function place(ctx: SubjectContext): Resolved {
  return { id: ctx.articlePlace, kind: "DISTRICT" };
}
