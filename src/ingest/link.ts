import { findCandidates } from "./extract/candidates.js";
import { BODY_BLOCKERS, BODY_WORD, bodyKindOf, bodyName, type LevelChar, placeForLevel } from "./extract/place-words.js";
import type { Gazetteer } from "./gazetteer/gazetteer.js";
import type { Division } from "./gazetteer/types.js";
import { divisionId, entityId, type Registry, type RegistryEntry } from "./registry.js";
import { citeSpan } from "./citation.js";
import { compact } from "./text/compact.js";
import type { EntityKind, FactMethod, Mention, SegmentedDocument } from "./types.js";

interface Surface {
  surface: string;
  entry: RegistryEntry;
  localTo: string | undefined;
}

/** A surface index for leftmost-longest matching; built once per registry. */
export class SurfaceMatcher {
  private readonly byFirstChar = new Map<string, Surface[]>();

  constructor(surfaces: Surface[]) {
    for (const s of surfaces) {
      const first = s.surface[0] as string;
      const list = this.byFirstChar.get(first) ?? [];
      list.push(s);
      this.byFirstChar.set(first, list);
    }
    for (const list of this.byFirstChar.values()) list.sort((a, b) => b.surface.length - a.surface.length);
  }

  static of(registry: Registry): SurfaceMatcher {
    return new SurfaceMatcher(registry.surfaces());
  }

  /** Non-overlapping matches in `text`, leftmost first, longest at each position; local aliases only for `place`. */
  match(text: string, place: string | null, exclude?: string): Array<{ start: number; end: number; entry: RegistryEntry }> {
    const found: Array<{ start: number; end: number; entry: RegistryEntry }> = [];
    let i = 0;
    while (i < text.length) {
      const candidates = this.byFirstChar.get(text[i] as string);
      const hit = candidates?.find((c) => c.entry.id !== exclude && text.startsWith(c.surface, i) && (c.localTo === undefined || c.localTo === place));
      if (hit) {
        found.push({ start: i, end: i + hit.surface.length, entry: hit.entry });
        i += hit.surface.length;
      } else {
        i += 1;
      }
    }
    return found;
  }
}

/** Kinds whose names embed other names worth citing (邮轮港区 in 邮轮港区启动区地下空间). */
const CONTAINERS = new Set(["PROJECT", "EVENT", "POLICY", "ZONE", "ORGANIZATION"]);
const NESTED = new Set(["PROVINCE", "CITY", "DISTRICT", "COUNTY", "SUBDISTRICT", "ZONE", "ORGANIZATION"]);

/** What a span denotes: a registered entry, a gazetteer place, or a new entity found by the shape of its name. */
export interface SpanEntity {
  id: string;
  kind: EntityKind;
  name: string;
  method: FactMethod;
}

export interface LinkedSpan {
  /** Offsets into the passage's compact text. */
  start: number;
  end: number;
  entity: SpanEntity;
  nested: boolean;
}

function fromEntry(entry: RegistryEntry): SpanEntity {
  return { id: entry.id, kind: entry.kind, name: entry.name, method: "CURATED" };
}

/** Where a passage stands: the names that frame it (its article's place, the document's places). */
export interface PlaceFrame {
  gazetteer: Gazetteer;
  /** Codes that resolve ambiguous and short place names. */
  within: readonly string[];
  /** The place the passage's article is about, for 全市, 区委 and the registry's local aliases. */
  place: Division | null;
  /** The registry's name for that place, when the registry lists it (local aliases are keyed by it). */
  placeName: string | null;
}

/** A body named right after its place: 绵阳市委, 中共城阳区委员会, 额济纳旗人民政府 (not 市委员 of a person). */
const BODY_AFTER_PLACE = /^(委员会|委(?!员)|人民政府|政府|人大常委会|政协)/u;

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Gazetteer places and the bodies named with them (绵阳市委, 中共城阳区委, 区政府), as spans. */
function placeSpans(text: string, frame: PlaceFrame): LinkedSpan[] {
  const spans: LinkedSpan[] = [];
  for (const m of frame.gazetteer.findMentions(text, { within: frame.within })) {
    // 代县长 is an acting county head, not 代县 (忻州) followed by 长.
    if (m.division.name.length === 2 && text[m.end] === "长") continue;
    const place: SpanEntity = { id: divisionId(m.division), kind: m.division.kind, name: m.division.name, method: "REFERENCE" };
    const suffix = BODY_AFTER_PLACE.exec(text.slice(m.end))?.[1];
    const kind = suffix ? bodyKindOf(suffix === "委员会" ? "委" : suffix) : undefined;
    if (suffix && kind) {
      const start = text.slice(Math.max(0, m.start - 2), m.start) === "中共" ? m.start - 2 : m.start;
      const name = bodyName(frame.gazetteer, m.division, kind);
      spans.push({
        start,
        end: m.end + suffix.length,
        entity: { id: entityId("ORGANIZATION", name), kind: "ORGANIZATION", name, method: "RULE" },
        nested: false,
      });
      spans.push({ start: m.start, end: m.end, entity: place, nested: true });
    } else {
      spans.push({ start: m.start, end: m.end, entity: place, nested: false });
    }
  }
  if (!frame.place) return spans;
  for (const m of text.matchAll(new RegExp(BODY_WORD.source.slice(1), "gu"))) {
    const at = m.index ?? 0;
    if (BODY_BLOCKERS.test(text.slice(Math.max(0, at - 1), at)) || spans.some((s) => overlaps(s, { start: at, end: at + m[0].length }))) continue;
    const target = placeForLevel(frame.gazetteer, frame.place, m[1] as LevelChar);
    const kind = bodyKindOf(m[2] as string);
    if (!target || !kind) continue;
    const name = bodyName(frame.gazetteer, target, kind);
    spans.push({ start: at, end: at + m[0].length, entity: { id: entityId("ORGANIZATION", name), kind: "ORGANIZATION", name, method: "RULE" }, nested: false });
  }
  return spans;
}

/**
 * Entities named in a passage's compact text: registered names (leftmost-longest), gazetteer places
 * and their bodies, new names found by their suffixes, and the places and bodies named inside project
 * and event names. A new name that contains a registered one (中央商务区实验学校) wins and keeps it as nested.
 */
export function linkSpans(text: string, matcher: SurfaceMatcher, frame: PlaceFrame): LinkedSpan[] {
  const registered = matcher.match(text, frame.placeName);
  const places = placeSpans(text, frame).filter((p) => !registered.some((r) => overlaps(r, p)));
  const topPlaces = places.filter((p) => !p.nested);
  const candidates = findCandidates(text).filter((c) => {
    const covered = [...registered, ...topPlaces].filter((r) => overlaps(r, c));
    return covered.every((r) => c.start <= r.start && r.end <= c.end && r.end - r.start < c.end - c.start);
  });
  const inCandidate = (r: { start: number; end: number }): boolean => candidates.some((c) => c.start <= r.start && r.end <= c.end);
  const top: LinkedSpan[] = [
    ...registered.filter((r) => !inCandidate(r)).map((r) => ({ start: r.start, end: r.end, entity: fromEntry(r.entry), nested: false })),
    ...topPlaces.filter((p) => !inCandidate(p)),
    ...candidates.map((c) => ({
      start: c.start,
      end: c.end,
      entity: { id: entityId(c.kind, c.name), kind: c.kind, name: c.name, method: "RULE" as const },
      nested: false,
    })),
  ].sort((a, b) => a.start - b.start);
  const spans: LinkedSpan[] = [];
  for (const span of top) {
    spans.push(span);
    if (!CONTAINERS.has(span.entity.kind)) continue;
    const inner = text.slice(span.start, span.end);
    for (const n of matcher.match(inner, frame.placeName, span.entity.id)) {
      if (NESTED.has(n.entry.kind)) spans.push({ start: span.start + n.start, end: span.start + n.end, entity: fromEntry(n.entry), nested: true });
    }
    for (const p of places) {
      const inside = p.start >= span.start && p.end <= span.end && p.entity.id !== span.entity.id;
      if (inside && !spans.some((s) => s.start === p.start && s.end === p.end)) spans.push({ ...p, nested: true });
    }
  }
  return spans.sort((a, b) => a.start - b.start || Number(a.nested) - Number(b.nested));
}

/** Mentions of entities in every passage, as citations with exact document offsets. */
export function linkMentions(doc: SegmentedDocument, matcher: SurfaceMatcher, frames: (articleId: string) => PlaceFrame): Mention[] {
  return doc.passages.flatMap((passage) => {
    // 来源：某某日报, 责任编辑：… are page furniture, not statements about the places they name.
    if (passage.isFurniture) return [];
    const view = compact(passage.text);
    return linkSpans(view.text, matcher, frames(passage.articleId)).map(({ start, end, entity }) => ({
      entityId: entity.id,
      method: entity.method,
      citation: citeSpan(doc.meta.id, passage, view, start, end),
    }));
  });
}
