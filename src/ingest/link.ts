import { findCandidates } from "./extract/candidates.js";
import { entityId, type Registry, type RegistryEntry } from "./registry.js";
import { citeSpan } from "./citation.js";
import { compact } from "./text/compact.js";
import type { ArticleSegment, EntityKind, FactMethod, Mention, SegmentedDocument } from "./types.js";

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
      const hit = candidates?.find(
        (c) => c.entry.id !== exclude && text.startsWith(c.surface, i) && (c.localTo === undefined || c.localTo === place),
      );
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
const CONTAINERS = new Set(["PROJECT", "EVENT", "POLICY", "ZONE"]);
const NESTED = new Set(["PROVINCE", "CITY", "DISTRICT", "COUNTY", "SUBDISTRICT", "ZONE", "ORGANIZATION"]);

/** What a span denotes: a registered entry, or a new entity found by the shape of its name. */
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

/**
 * Entities named in a passage's compact text: registered names (leftmost-longest), new names
 * found by their suffixes, and the places and bodies named inside project and event names.
 * A new name that contains a registered one (中央商务区实验学校) wins and keeps it as nested.
 */
export function linkSpans(text: string, matcher: SurfaceMatcher, place: string | null): LinkedSpan[] {
  const registered = matcher.match(text, place);
  const candidates = findCandidates(text).filter((c) => {
    const overlapping = registered.filter((r) => r.start < c.end && c.start < r.end);
    return overlapping.every((r) => c.start <= r.start && r.end <= c.end && (r.end - r.start < c.end - c.start));
  });
  const top: LinkedSpan[] = [
    ...registered
      .filter((r) => !candidates.some((c) => c.start <= r.start && r.end <= c.end))
      .map((r) => ({ start: r.start, end: r.end, entity: fromEntry(r.entry), nested: false })),
    ...candidates.map((c) => ({ start: c.start, end: c.end, entity: { id: entityId(c.kind, c.name), kind: c.kind, name: c.name, method: "RULE" as const }, nested: false })),
  ].sort((a, b) => a.start - b.start);
  const spans: LinkedSpan[] = [];
  for (const span of top) {
    spans.push(span);
    if (!CONTAINERS.has(span.entity.kind)) continue;
    const inner = text.slice(span.start, span.end);
    for (const n of matcher.match(inner, place, span.entity.id)) {
      if (NESTED.has(n.entry.kind)) spans.push({ start: span.start + n.start, end: span.start + n.end, entity: fromEntry(n.entry), nested: true });
    }
  }
  return spans;
}

/** Mentions of registered entities in every passage, as citations with exact document offsets. */
export function linkMentions(doc: SegmentedDocument, matcher: SurfaceMatcher): Mention[] {
  const articles = new Map<string, ArticleSegment>(doc.articles.map((a) => [a.id, a]));
  return doc.passages.flatMap((passage) => {
    const place = articles.get(passage.articleId)?.place ?? null;
    const view = compact(passage.text);
    return linkSpans(view.text, matcher, place).map(({ start, end, entity }) => ({
      entityId: entity.id,
      method: entity.method,
      citation: citeSpan(doc.meta.id, passage, view, start, end),
    }));
  });
}
