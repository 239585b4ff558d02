import { placeFrame } from "../context.js";
import { codeOfId, entityId, DIVISION_KINDS, type Registry } from "../registry.js";
import { linkSpans, type LinkedSpan, type PlaceFrame, type SurfaceMatcher } from "../link.js";
import type { ExtractionContext } from "./observations.js";
import { bodyName, type BodyKind, type LevelChar, placeForLevel } from "./place-words.js";
import { personNames } from "./person-names.js";
import { citePassage, citeSpan } from "../citation.js";
import { compact } from "../text/compact.js";
import type { ArticleSegment, CitationRef, SegmentedDocument } from "../types.js";

/** A post held by a person in an organization (W3C ORG: org:Post, org:holds, org:postIn). */
export interface ExtractedPost {
  personId: string;
  title: string;
  organizationId: string;
  /** The document's date: what the text says the post was, then. */
  asOf: string | null;
  /** false for 原 (former) and 时任 (then) posts. */
  current: boolean;
  citation: CitationRef;
}

/** A leader of a government by its level: 市长, 代区长, 常务副县长, 副省长, 旗长, 州长, 盟长. */
const GOVERNMENT_HEAD = /^(?:代|常务)?副?[市区县旗州盟省]长$/u;
const TITLE = new RegExp(
  `^(?:党组书记|党组副书记|副书记|书记|总书记|${GOVERNMENT_HEAD.source.slice(1, -1)}|副主任|主任|副主席|主席|副局长|局长|总经理助理|总经理|董事长|副总指挥|总指挥|首席记者|记者|处长|所长|院长|校长)$`,
  "u",
);
const FORMER = /(原|时任|前任)$/u;
/** Titles whose organization is implied when none is printed (习近平总书记). */
const IMPLIED_ORG: Record<string, string> = { 总书记: "中国共产党中央委员会" };

/** The body of a place a title belongs to: a 长 heads its government, a 书记 its party committee. */
function bodyOfPlace(frame: PlaceFrame, placeId: string, title: string): string | undefined {
  const code = codeOfId(placeId);
  const place = code ? frame.gazetteer.byCode(code) : undefined;
  if (!place) return undefined;
  // An autonomous region's government is led by its 主席 (广西壮族自治区主席).
  const heads = GOVERNMENT_HEAD.test(title) || (/^(?:代|常务)?副?主席$/u.test(title) && place.name.endsWith("自治区"));
  const body: BodyKind | undefined = heads ? "GOVERNMENT" : /书记$/u.test(title) ? "PARTY_COMMITTEE" : undefined;
  return body ? entityId("ORGANIZATION", bodyName(frame.gazetteer, place, body)) : undefined;
}

/** 市长 with no body printed: the government of the place of that level this text is about. */
function bodyOfLevel(frame: PlaceFrame, title: string): string | undefined {
  const level = title.at(-2) as LevelChar | undefined;
  const place = frame.place && level ? placeForLevel(frame.gazetteer, frame.place, level) : undefined;
  return place ? entityId("ORGANIZATION", bodyName(frame.gazetteer, place, "GOVERNMENT")) : undefined;
}

function postsBeforePerson(
  text: string,
  spans: LinkedSpan[],
  person: LinkedSpan,
  frame: PlaceFrame,
): Array<{ title: string; orgId: string; start: number; end: number; current: boolean }> {
  // The title chain runs back from the name to the previous clause break: 区委副书记、区政府区长刘新学.
  // A signature sets the name apart with spaces (朝阳区区长　周立群).
  let chainEnd = person.start;
  while (chainEnd > 0 && /[ \t\u3000]/u.test(text[chainEnd - 1] as string)) chainEnd -= 1;
  let chainStart = chainEnd;
  while (chainStart > 0 && !/[，,。；;：:\s“”]/u.test(text[chainStart - 1] as string)) chainStart -= 1;
  const chain = text.slice(chainStart, chainEnd);
  // 习近平总书记: a title written after the name, whose body goes without saying.
  const after = /^(总书记)/u.exec(text.slice(person.end));
  const implied = after ? IMPLIED_ORG[after[1] as string] : undefined;
  if (after && implied)
    return [
      {
        title: after[1] as string,
        orgId: entityId("ORGANIZATION", implied),
        start: person.start,
        end: person.end + (after[1] as string).length,
        current: true,
      },
    ];
  if (!chain) return [];
  const orgs = spans.filter(
    (s) => !s.nested && (s.entity.kind === "ORGANIZATION" || DIVISION_KINDS.has(s.entity.kind)) && s.start >= chainStart && s.end <= person.start,
  );
  const nestedOrgs = spans.filter((s) => s.entity.kind === "ORGANIZATION" && s.end <= chainStart);
  const current = !FORMER.test(text.slice(Math.max(0, chainStart - 2), chainStart)) && !/^(原|时任)/u.test(chain);
  const posts: Array<{ title: string; orgId: string; start: number; end: number; current: boolean }> = [];
  let lastOrg: string | undefined;
  let offset = chainStart;
  for (const piece of chain.split("、")) {
    const pieceStart = offset;
    offset += piece.length + 1;
    const org = orgs.filter((o) => o.start >= pieceStart && o.end <= pieceStart + piece.length).at(-1);
    // 自治州州长, 市人民政府市长 with no place named: the level word is not part of the title.
    const title = piece
      .slice(org ? org.end - pieceStart : 0)
      .replace(/^(原|时任)/u, "")
      .replace(/^(?:自治[州县区旗]|[市区县旗州盟省](?:人民)?政府)(?=.{1,4}$)/u, "");
    // 城阳区区长, 绵阳市市长: a place before a title stands for the body the title belongs to.
    const placeOrg = org && DIVISION_KINDS.has(org.entity.kind) ? bodyOfPlace(frame, org.entity.id, title) : undefined;
    if (org) lastOrg = placeOrg ?? (DIVISION_KINDS.has(org.entity.kind) ? undefined : org.entity.id);
    else if (GOVERNMENT_HEAD.test(title)) lastOrg = bodyOfLevel(frame, title) ?? lastOrg;
    // 时任总经理助理 of a company named earlier in the sentence (inside a project's name).
    const orgId = lastOrg ?? nestedOrgs.at(-1)?.entity.id;
    if (TITLE.test(title) && orgId) posts.push({ title, orgId, start: pieceStart, end: person.end, current });
  }
  return posts;
}

/** 选举刘洪涛为四平市人民政府市长, 刘洪涛此前任…代市长: a post written after the name. */
function postAfterPerson(
  text: string,
  spans: LinkedSpan[],
  person: LinkedSpan,
  frame: PlaceFrame,
): { title: string; orgId: string; start: number; end: number; current: boolean } | undefined {
  const elected = /(选举|任命)$/u.test(text.slice(0, person.start));
  const link = (elected ? /^为/u : /^(?:此前|曾|原)任|^现任/u).exec(text.slice(person.end));
  if (!link) return undefined;
  const from = person.end + link[0].length;
  const stop = text.slice(from).search(/[，,。；;：:、\s]/u);
  const to = stop < 0 ? text.length : from + stop;
  const org = spans
    .filter((s) => !s.nested && (s.entity.kind === "ORGANIZATION" || DIVISION_KINDS.has(s.entity.kind)) && s.start >= from && s.end <= to)
    .at(-1);
  const title = text.slice(org ? org.end : from, to);
  if (!TITLE.test(title)) return undefined;
  const orgId = org ? (DIVISION_KINDS.has(org.entity.kind) ? bodyOfPlace(frame, org.entity.id, title) : org.entity.id) : bodyOfLevel(frame, title);
  return orgId ? { title, orgId, start: person.start, end: to, current: !/^(?:此前|曾|原)/u.test(link[0]) } : undefined;
}

/** Posts from "title chain + name" (市北区委书记高健, 党组书记、副局长滕军红, 城阳区区长王某) and from bylines. */
export function extractPosts(doc: SegmentedDocument, deps: ExtractionContext): ExtractedPost[] {
  const { registry, matcher } = deps;
  const articles = new Map<string, ArticleSegment>(doc.articles.map((a) => [a.id, a]));
  const out: ExtractedPost[] = [];
  // Each passage is viewed and linked once; both passes below read it.
  const read = doc.passages
    .filter((passage) => !passage.isFurniture)
    .map((passage) => {
      const article = articles.get(passage.articleId);
      const frame = placeFrame(deps.context, deps.gazetteer, registry, article);
      const view = compact(passage.text);
      return { passage, place: article?.place ?? null, frame, view, linked: linkSpans(view.text, matcher, frame) };
    });
  // Names found after a title anywhere in the document are people wherever else they appear.
  const known = new Set(read.flatMap((r) => personNames(r.view.text, r.linked, TITLE).map((p) => p.entity.name)));
  for (const { passage, place, frame, view, linked } of read) {
    const spans = [...linked, ...personNames(view.text, linked, TITLE, known)].sort((a, b) => a.start - b.start);
    // A byline (青岛日报/观海新闻记者 王某) is read by its own rule, outlet by outlet.
    const byline = bylinePosts(doc, passage, view.text, registry, matcher, place);
    if (byline.length > 0) {
      out.push(...byline);
      continue;
    }
    for (const person of spans.filter((s) => s.entity.kind === "PERSON")) {
      const after = postAfterPerson(view.text, spans, person, frame);
      for (const post of [...postsBeforePerson(view.text, spans, person, frame), ...(after ? [after] : [])]) {
        out.push({
          personId: person.entity.id,
          title: post.title,
          organizationId: post.orgId,
          asOf: doc.meta.publishedOn,
          current: post.current,
          citation: citeSpan(doc.meta.id, passage, view, post.start, post.end),
        });
      }
    }
  }
  return out;
}

/** 青岛日报/观海新闻记者 余瑞新, 观海新闻/青岛晚报 首席记者 刘卓毅: a reporter's post at each outlet. */
function bylinePosts(
  doc: SegmentedDocument,
  passage: SegmentedDocument["passages"][number],
  text: string,
  registry: Registry,
  matcher: SurfaceMatcher,
  place: string | null,
): ExtractedPost[] {
  const m = /^□?\s*((?:[\p{Script=Han}]+\/)*[\p{Script=Han}]+?)\s*(首席记者|记者)\s*([\p{Script=Han}]\s?[\p{Script=Han}]{1,2})$/u.exec(text);
  if (!m || passage.text.includes("\n")) return [];
  const name = (m[3] as string).replace(/\s/gu, "");
  const person = registry.entries.find((e) => e.kind === "PERSON" && (e.name === name || e.aliases.includes(m[3] as string)));
  if (!person) return [];
  const outlets = matcher.match(m[1] as string, place).filter((o) => o.entry.kind === "ORGANIZATION");
  return outlets.map((outlet) => ({
    personId: person.id,
    title: m[2] as string,
    organizationId: outlet.entry.id,
    asOf: doc.meta.publishedOn,
    current: true,
    citation: citePassage(doc.meta.id, passage),
  }));
}
