import { entityId, type Registry } from "../registry.js";
import { linkSpans, type LinkedSpan, type SurfaceMatcher } from "../link.js";
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

const TITLE = /^(?:党组书记|党组副书记|副书记|书记|总书记|副区长|区长|副市长|市长|副主任|主任|副主席|主席|副局长|局长|总经理助理|总经理|董事长|副总指挥|总指挥|首席记者|记者|处长|所长|院长|校长)$/u;
const FORMER = /(原|时任|前任)$/u;
/** Titles whose organization is implied when none is printed (习近平总书记). */
const IMPLIED_ORG: Record<string, string> = { 总书记: "中国共产党中央委员会" };

function postsBeforePerson(
  text: string,
  spans: LinkedSpan[],
  person: LinkedSpan,
): Array<{ title: string; orgId: string; start: number; end: number; current: boolean }> {
  // The title chain runs back from the name to the previous clause break: 区委副书记、区政府区长刘新学.
  let chainStart = person.start;
  while (chainStart > 0 && !/[，,。；;：:\s“”]/u.test(text[chainStart - 1] as string)) chainStart -= 1;
  const chain = text.slice(chainStart, person.start);
  // 习近平总书记: a title written after the name, whose body goes without saying.
  const after = /^(总书记)/u.exec(text.slice(person.end));
  const implied = after ? IMPLIED_ORG[after[1] as string] : undefined;
  if (after && implied) return [{ title: after[1] as string, orgId: entityId("ORGANIZATION", implied), start: person.start, end: person.end + (after[1] as string).length, current: true }];
  if (!chain) return [];
  const orgs = spans.filter((s) => !s.nested && s.entity.kind === "ORGANIZATION" && s.start >= chainStart && s.end <= person.start);
  const nestedOrgs = spans.filter((s) => s.entity.kind === "ORGANIZATION" && s.end <= chainStart);
  const current = !FORMER.test(text.slice(Math.max(0, chainStart - 2), chainStart)) && !/^(原|时任)/u.test(chain);
  const posts: Array<{ title: string; orgId: string; start: number; end: number; current: boolean }> = [];
  let lastOrg: string | undefined;
  let offset = chainStart;
  for (const piece of chain.split("、")) {
    const pieceStart = offset;
    offset += piece.length + 1;
    const org = orgs.filter((o) => o.start >= pieceStart && o.end <= pieceStart + piece.length).at(-1);
    if (org) lastOrg = org.entity.id;
    const title = piece.slice(org ? org.end - pieceStart : 0).replace(/^(原|时任)/u, "");
    // 时任总经理助理 of a company named earlier in the sentence (inside a project's name).
    const orgId = lastOrg ?? nestedOrgs.at(-1)?.entity.id;
    if (TITLE.test(title) && orgId) posts.push({ title, orgId, start: pieceStart, end: person.end, current });
  }
  return posts;
}

/** Posts from "title chain + name" (市北区委书记高健, 党组书记、副局长滕军红) and from bylines. */
export function extractPosts(doc: SegmentedDocument, registry: Registry, matcher: SurfaceMatcher): ExtractedPost[] {
  const articles = new Map<string, ArticleSegment>(doc.articles.map((a) => [a.id, a]));
  const out: ExtractedPost[] = [];
  for (const passage of doc.passages) {
    const place = articles.get(passage.articleId)?.place ?? null;
    const view = compact(passage.text);
    const spans = linkSpans(view.text, matcher, place);
    for (const person of spans.filter((s) => s.entity.kind === "PERSON")) {
      for (const post of postsBeforePerson(view.text, spans, person)) {
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
    out.push(...bylinePosts(doc, passage, view.text, registry, matcher, place));
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
