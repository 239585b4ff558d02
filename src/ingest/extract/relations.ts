import { placeFrame } from "../context.js";
import { linkSpans, type LinkedSpan } from "../link.js";
import { divisionId } from "../registry.js";
import type { ExtractionContext } from "./observations.js";
import { citeSpan } from "../citation.js";
import { compact } from "../text/compact.js";
import type { ArticleSegment, CitationRef, EntityKind, FactMethod, PassageSegment, SegmentedDocument } from "../types.js";

/** Relationship types between entities; the only ones the writer may create. */
import type { EntityRelationType } from "../../vocabulary.js";

export { ENTITY_RELATION_TYPES as RELATION_TYPES } from "../../vocabulary.js";
export type RelationType = EntityRelationType;

export interface ExtractedRelation {
  type: RelationType;
  fromId: string;
  toId: string;
  method: FactMethod;
  citation: CitationRef;
}

const PLACE_RANK: Partial<Record<EntityKind, number>> = { PROVINCE: 4, CITY: 3, DISTRICT: 2, COUNTY: 2, ZONE: 1, SUBDISTRICT: 1 };

interface Context {
  doc: SegmentedDocument;
  passage: PassageSegment;
  article: ArticleSegment | undefined;
  text: string;
  spans: LinkedSpan[];
  cite: (start: number, end: number) => CitationRef;
  districtId: string | undefined;
}

/**
 * Containment and participation stated in the text: 位于X的Y; adjacent places (青岛市李沧区);
 * partner counties of a district (协作地); zones and subdistricts named in a district's article;
 * projects in the zone their statement is about; people at an event their paragraph opens with.
 */
export function extractRelations(doc: SegmentedDocument, deps: ExtractionContext): ExtractedRelation[] {
  const articles = new Map(doc.articles.map((a) => [a.id, a]));
  const out: ExtractedRelation[] = [];
  const eventOfParagraph = new Map<number, string>();
  for (const passage of doc.passages) {
    if (passage.isFurniture) continue;
    const article = articles.get(passage.articleId);
    const view = compact(passage.text);
    const frame = placeFrame(deps.context, deps.gazetteer, deps.registry, article);
    const spans = linkSpans(view.text, deps.matcher, frame);
    const place = frame.place;
    const ctx: Context = {
      doc,
      passage,
      article,
      text: view.text,
      spans,
      districtId: place?.kind === "DISTRICT" ? divisionId(place) : undefined,
      cite: (start, end) => citeSpan(doc.meta.id, passage, view, start, end),
    };
    out.push(
      ...locatedAt(ctx),
      ...adjacentPlaces(ctx),
      ...partners(ctx),
      ...inDistrictArticle(ctx),
      ...projectsOfZone(ctx),
      ...zonesInNames(ctx),
      ...policyPlaces(ctx),
    );
    // Participation: people named in the paragraph whose first sentence names an event.
    const event = spans.find((s) => s.entity.kind === "EVENT" && !s.nested);
    if (event && !eventOfParagraph.has(passage.paragraph)) eventOfParagraph.set(passage.paragraph, event.entity.id);
    const paragraphEvent = eventOfParagraph.get(passage.paragraph);
    if (paragraphEvent) {
      for (const person of spans.filter((s) => s.entity.kind === "PERSON")) {
        out.push({ type: "PARTICIPATED_IN", fromId: person.entity.id, toId: paragraphEvent, method: "RULE", citation: ctx.cite(person.start, person.end) });
      }
    }
  }
  return dedupe(out);
}

function rel(ctx: Context, type: RelationType, from: LinkedSpan, toId: string, start: number, end: number): ExtractedRelation {
  return { type, fromId: from.entity.id, toId, method: "RULE", citation: ctx.cite(start, end) };
}

function containment(child: LinkedSpan): RelationType {
  return child.entity.kind === "PROJECT" ? "LOCATED_IN" : "PART_OF";
}

/** 位于市北区的邮轮港区. */
function locatedAt(ctx: Context): ExtractedRelation[] {
  const out: ExtractedRelation[] = [];
  for (const m of ctx.text.matchAll(/位于/gu)) {
    const at = (m.index ?? 0) + 2;
    const parent = ctx.spans.find((s) => s.start === at && PLACE_RANK[s.entity.kind]);
    if (!parent || ctx.text[parent.end] !== "的") continue;
    const child = ctx.spans.find((s) => s.start === parent.end + 1 && !s.nested);
    if (child) out.push(rel(ctx, containment(child), child, parent.entity.id, m.index ?? 0, child.end));
  }
  return out;
}

/** 青岛市李沧区, 崂山金家岭金融区: a larger place written right before a smaller one. */
function adjacentPlaces(ctx: Context): ExtractedRelation[] {
  const out: ExtractedRelation[] = [];
  for (const a of ctx.spans) {
    const b = ctx.spans.find((s) => s.start === a.end && s.nested === a.nested);
    const ra = PLACE_RANK[a.entity.kind];
    const rb = b ? PLACE_RANK[b.entity.kind] : undefined;
    if (b && ra && rb && ra > rb) out.push(rel(ctx, "PART_OF", b, a.entity.id, a.start, b.end));
  }
  return out;
}

/** 临洮县、西和县、成武县等协作地: counties a district cooperates with. */
function partners(ctx: Context): ExtractedRelation[] {
  if (!ctx.districtId || !/协作/u.test(ctx.text)) return [];
  return ctx.spans.filter((s) => s.entity.kind === "COUNTY").map((s) => rel(ctx, "PARTNER_OF", s, ctx.districtId as string, s.start, s.end));
}

/** Zones and subdistricts a district's own article names, when the registry does not put them elsewhere. */
function inDistrictArticle(ctx: Context): ExtractedRelation[] {
  if (!ctx.districtId) return [];
  return ctx.spans
    .filter((s) => !s.nested && (s.entity.kind === "ZONE" || s.entity.kind === "SUBDISTRICT") && s.entity.method === "CURATED")
    .filter((s) => !ctx.spans.some((z) => z !== s && z.entity.kind === "ZONE" && z.start === 0 && s.start > 0))
    .map((s) => rel(ctx, "PART_OF", s, ctx.districtId as string, s.start, s.end));
}

/**
 * A statement (up to a semicolon) that opens with a zone as its agent (中央商务区加快青啤时尚小镇等9个项目建设;
 * 历史城区完成中车四方智汇港片区二期…出让): the projects and the 片区 it names lie in that zone.
 */
function projectsOfZone(ctx: Context): ExtractedRelation[] {
  const out: ExtractedRelation[] = [];
  let statementStart = 0;
  for (const statement of ctx.text.split(/(?<=[；;。])/u)) {
    const from = statementStart;
    statementStart += statement.length;
    const spans = ctx.spans.filter((s) => !s.nested && s.start >= from && s.end <= from + statement.length);
    const opening = spans[0];
    if (opening?.entity.kind !== "ZONE") continue;
    const lead = ctx.text.slice(from, opening.start).replace(/[\s“]|(?:19|20)\d{2}年/gu, "");
    if (lead.length > 0 || /^[、等和及]/u.test(ctx.text.slice(opening.end))) continue;
    for (const s of spans.slice(1)) {
      if (s.entity.kind === "PROJECT") out.push(rel(ctx, "LOCATED_IN", s, opening.entity.id, s.start, s.end));
      if (s.entity.kind === "ZONE" && /(片区|剩余片)$/u.test(s.entity.name)) out.push(rel(ctx, "PART_OF", s, opening.entity.id, s.start, s.end));
    }
  }
  return out;
}

/** Projects whose names carry a zone (邮轮港区启动区地下空间) lie in it, wherever they are named. */
function zonesInNames(ctx: Context): ExtractedRelation[] {
  return ctx.spans
    .filter((s) => !s.nested && s.entity.kind === "PROJECT")
    .flatMap((project) => {
      const zone = ctx.spans.find((z) => z.nested && z.entity.kind === "ZONE" && z.start >= project.start && z.end <= project.end);
      return zone ? [rel(ctx, "LOCATED_IN", project, zone.entity.id, project.start, project.end)] : [];
    });
}

/** 《市北区…方案》: a plan or regulation that names a place applies to it. */
function policyPlaces(ctx: Context): ExtractedRelation[] {
  const out: ExtractedRelation[] = [];
  for (const policy of ctx.spans.filter((s) => s.entity.kind === "POLICY" && !s.nested)) {
    const places = ctx.spans.filter((s) => s.nested && s.start >= policy.start && s.end <= policy.end && PLACE_RANK[s.entity.kind]);
    const narrowest = places.sort((a, b) => (PLACE_RANK[a.entity.kind] ?? 0) - (PLACE_RANK[b.entity.kind] ?? 0))[0];
    if (narrowest) out.push(rel(ctx, "APPLIES_TO", policy, narrowest.entity.id, policy.start, policy.end));
  }
  return out;
}

function dedupe(relations: ExtractedRelation[]): ExtractedRelation[] {
  const seen = new Set<string>();
  return relations.filter((r) => {
    const key = `${r.type}|${r.fromId}|${r.toId}|${r.citation.passageId}|${r.citation.start}`;
    if (seen.has(key) || r.fromId === r.toId) return false;
    seen.add(key);
    return true;
  });
}
