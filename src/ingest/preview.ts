import type { SkippedFigure, SkippedFigures } from "./extract/observations.js";
import type { CitationRow, GraphRows } from "./graph.js";
import type { SkipReason } from "../vocabulary.js";
import type { EntityKind, FactMethod } from "./types.js";

/** What a dry run shows: the rows an ingest would write, with names resolved and every fact at its offsets. */

export interface PreviewSpan {
  start: number;
  end: number;
  quote: string;
}

export interface PreviewEntity {
  id: string;
  kind: EntityKind;
  name: string;
  method: FactMethod;
  mentions: PreviewSpan[];
}

export interface PreviewObservation {
  id: string;
  subjectId: string;
  subject: string;
  indicatorId: string;
  indicator: string;
  kind: string;
  measure: string;
  period: number;
  periodStart: number | null;
  value: number;
  valueMax: number | null;
  unit: string;
  qualifier: string;
  text: string;
  citations: PreviewSpan[];
}

export interface PreviewPost {
  id: string;
  person: string;
  organization: string;
  title: string;
  current: boolean;
  citations: PreviewSpan[];
}

export interface PreviewRelation {
  type: string;
  from: string;
  to: string;
  citations: PreviewSpan[];
}

export interface PreviewSkipped extends PreviewSpan {
  reason: SkipReason;
}

export interface IngestPreview {
  /** The text as it would be stored: every span's offsets index into it. */
  text: string;
  entities: PreviewEntity[];
  observations: PreviewObservation[];
  posts: PreviewPost[];
  relations: PreviewRelation[];
  skipped: PreviewSkipped[];
  /** True when a list was cut at PREVIEW_LIMIT (the counts of the result stay exact). */
  truncated: boolean;
}

/** Items per list, and mentions per entity, a preview carries. */
export const PREVIEW_LIMIT = 1000;
const MENTIONS_PER_ENTITY = 20;

const SKIP_REASON: Readonly<Record<keyof SkippedFigures, SkipReason>> = { noSubject: "NO_SUBJECT", noPeriod: "NO_PERIOD", noIndicator: "NO_INDICATOR" };

const span = (c: Pick<CitationRow, "start" | "end" | "quote">): PreviewSpan => ({ start: c.start, end: c.end, quote: c.quote });

function byNode(rows: readonly CitationRow[]): Map<string, PreviewSpan[]> {
  const out = new Map<string, PreviewSpan[]>();
  for (const row of rows) {
    const list = out.get(row.nodeId) ?? [];
    list.push(span(row));
    out.set(row.nodeId, list);
  }
  return out;
}

/** A relation's citation key "passageId#start-end" as a span of the text. */
function relationSpan(text: string, key: string): PreviewSpan | undefined {
  const match = /#(\d+)-(\d+)$/u.exec(key);
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return { start, end, quote: text.slice(start, end) };
}

export function previewOf(graph: GraphRows, skippedFigures: readonly SkippedFigure[]): IngestPreview {
  const text = graph.document.text;
  const names = new Map(graph.entities.map((e) => [e.id, e.name]));
  const nameOf = (id: string): string => names.get(id) ?? id;
  const mentions = byNode(graph.mentions);
  const observationCitations = byNode(graph.observationCitations);
  const postCitations = byNode(graph.postCitations);
  let truncated = false;
  const cap = <T>(items: readonly T[]): T[] => {
    if (items.length > PREVIEW_LIMIT) truncated = true;
    return items.slice(0, PREVIEW_LIMIT);
  };
  const firstAt = (spans: readonly PreviewSpan[] | undefined): number => spans?.[0]?.start ?? Number.MAX_SAFE_INTEGER;
  const entities = graph.entities
    .map((e) => ({ id: e.id, kind: e.kind, name: e.name, method: e.method, mentions: (mentions.get(e.id) ?? []).slice(0, MENTIONS_PER_ENTITY) }))
    .sort((a, b) => firstAt(a.mentions) - firstAt(b.mentions) || a.id.localeCompare(b.id));
  const observations = graph.observations
    .map((o) => ({
      id: o.id,
      subjectId: o.subjectId,
      subject: nameOf(o.subjectId),
      indicatorId: o.indicatorId,
      indicator: nameOf(o.indicatorId),
      kind: o.kind,
      measure: o.measure,
      period: o.period,
      periodStart: o.periodStart,
      value: o.value,
      valueMax: o.valueMax,
      unit: o.unit,
      qualifier: o.qualifier,
      text: o.text,
      citations: observationCitations.get(o.id) ?? [],
    }))
    .sort((a, b) => firstAt(a.citations) - firstAt(b.citations) || a.id.localeCompare(b.id));
  const posts = graph.posts.map((p) => ({
    id: p.id,
    person: nameOf(p.personId),
    organization: nameOf(p.organizationId),
    title: p.title,
    current: p.current,
    citations: postCitations.get(p.id) ?? [],
  }));
  const relations = graph.relations.map((r) => ({
    type: r.type,
    from: nameOf(r.fromId),
    to: nameOf(r.toId),
    citations: r.citations.map((c) => relationSpan(text, c)).filter((c): c is PreviewSpan => c !== undefined),
  }));
  const skipped = skippedFigures.map((f) => ({ reason: SKIP_REASON[f.reason], ...span(f) })).sort((a, b) => a.start - b.start);
  return {
    text,
    entities: cap(entities),
    observations: cap(observations),
    posts: cap(posts),
    relations: cap(relations),
    skipped: cap(skipped),
    truncated,
  };
}
