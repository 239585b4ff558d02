import { IngestInputError } from "../errors/client-errors.js";
import type { Gazetteer } from "./gazetteer/gazetteer.js";
import { answersTo, type LevelChar } from "./extract/place-words.js";
import { normalize } from "./text/normalize.js";
import type { Division, Mention } from "./gazetteer/types.js";
import type { PlaceFrame } from "./link.js";
import { divisionId, type Registry } from "./registry.js";
import type { ArticleSegment, SegmentedDocument } from "./types.js";

/** How a document's subject was found, strongest first. */
export const SUBJECT_SOURCES = ["GIVEN", "TITLE", "HEADING", "SIGNATURE", "OPENING", "PLACE_WORDS"] as const;
export type SubjectSource = (typeof SUBJECT_SOURCES)[number];

export interface DocumentSubject {
  division: Division;
  source: SubjectSource;
  /** Document offsets of the words that name it; null when given or from the title. */
  evidence: { start: number; end: number } | null;
}

/** Output of the context stage: what the document is about, and the places that frame its names. */
export interface DocumentContext {
  subject: DocumentSubject | null;
  /** Codes that resolve ambiguous names: the subject, its ancestors, places the head of the text names. */
  within: string[];
  /** Each article's place: its metadata hint, else the document's subject. */
  articlePlaces: Map<string, Division | null>;
  /** The year the document reviews and the year it was published, from metadata or text; null when neither says. */
  reportYear: number | null;
  publishedYear: number | null;
  /** A statistical bulletin (统计公报): its figures are statistics of closed years. */
  bulletin: boolean;
}

const HEAD_LINES = 6;
const TAIL_LINES = 4;
/** What follows a place named as the issuer of a text: a body, a congress, a leader's title. */
const ISSUER_AFTER =
  /^(?:[^\s，。；]{0,12}?(?:人民政府|统计局|调查队|发展和改革委员会|人民代表大会|代表大会|第[一二三四五六七八九十百\d]+届|委员会)|(?:代|常务)?(?:副)?(?:市长|区长|县长|旗长|州长|盟长|省长|主席))/u;
/** 我代表区人民政府 / 我代表自治区人民政府: the level of the speaking government. */
const OPENING = /我代表(自治区|[市区县旗州盟省])人民政府/u;
const PLACE_WORDS = /[全我本](市|区|县|旗|州|盟|省)/gu;

function givenSubject(gazetteer: Gazetteer, given: string): Division {
  const found = given.includes("/") ? gazetteer.byPath(given) : /^\d{6}$/u.test(given) ? gazetteer.byCode(given) : gazetteer.resolve(given);
  if (found) return found;
  const options = gazetteer.candidates(given).map((d) => gazetteer.path(d.code));
  throw new IngestInputError(
    options.length > 1
      ? `metadata subject: "${given}" names ${options.length} places (${options.join(", ")}); give the path or the code`
      : `metadata subject: "${given}" is not a province, prefecture or county-level place of the gazetteer; give its name, path (山东省/青岛市/城阳区) or code`,
  );
}

/** The deepest division of a chain of mentions (青岛市城阳区 → 城阳区), when they agree. */
function deepest(gazetteer: Gazetteer, mentions: Mention[]): Mention | undefined {
  let best: Mention | undefined;
  for (const m of mentions) {
    if (!best) best = m;
    else if (gazetteer.ancestors(m.division.code).some((a) => a.code === best?.division.code)) best = m;
  }
  return best;
}

interface Line {
  start: number;
  text: string;
}

/** Non-empty lines with their offsets; only the few read for an issuer are normalized. */
function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const raw of text.split("\n")) {
    if (raw.trim()) out.push({ start, text: raw });
    start += raw.length + 1;
  }
  return out;
}

/** A place named as the issuer in the first or last lines: 绵阳市统计局, 在城阳区第十八届人民代表大会…, 某某县县长 王某. */
function issuerIn(gazetteer: Gazetteer, candidates: Line[], within: string[]): { division: Division; start: number; end: number } | undefined {
  for (const { start, text: raw } of candidates) {
    const line = { start, text: normalize(raw) };
    const mentions = gazetteer.findMentions(line.text, { within });
    const issuers = mentions.filter((m) => ISSUER_AFTER.test(line.text.slice(m.end)));
    const chain = deepest(gazetteer, issuers.length ? mentions.filter((m) => m.end <= (issuers.at(-1)?.end ?? 0)) : []);
    if (chain) return { division: chain.division, start: line.start + chain.start, end: line.start + chain.end };
  }
  return undefined;
}

/** The most-named place of the speaking level (我代表县人民政府 → the county named most often). */
function mostNamedAtLevel(
  gazetteer: Gazetteer,
  text: string,
  level: LevelChar | "自治区",
  within: string[],
): { division: Division; start: number; end: number } | undefined {
  const counts = new Map<string, { n: number; first: Mention }>();
  for (const m of gazetteer.findMentions(text, { within })) {
    if (!answersTo(m.division, level)) continue;
    const entry = counts.get(m.division.code) ?? { n: 0, first: m };
    entry.n += 1;
    counts.set(m.division.code, entry);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || a.first.start - b.first.start);
  const top = ranked[0];
  return top ? { division: top.first.division, start: top.first.start, end: top.first.end } : undefined;
}

/** The level most place words speak of (全县 ×12, 全市 ×3 → 县), if any. */
function placeWordLevel(text: string): LevelChar | undefined {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(PLACE_WORDS)) counts.set(m[1] as string, (counts.get(m[1] as string) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] as LevelChar | undefined;
}

/**
 * Finds what a document is about, strongest evidence first: the metadata's `subject`, the title,
 * an issuer in the first lines (a congress, a bureau), a signature in the last lines, the opening
 * formula's level with the place of that level the text names most, the level of its place words
 * likewise. Null when the text names no such place: then nothing is filed under a guessed one.
 */
export function findSubject(doc: SegmentedDocument, gazetteer: Gazetteer, given: string | undefined): DocumentSubject | null {
  if (given) return { division: givenSubject(gazetteer, given), source: "GIVEN", evidence: null };
  const text = normalize(doc.text);
  // Places the text names without doubt frame the ones it names ambiguously (鼓楼区 beside 福州).
  const within = unambiguousPlaces(gazetteer, text);
  const titleMentions = gazetteer.findMentions(normalize(doc.meta.title), { within });
  const fromTitle = deepest(gazetteer, titleMentions);
  if (fromTitle) return { division: fromTitle.division, source: "TITLE", evidence: null };
  const all = lines(doc.text);
  const head = issuerIn(gazetteer, all.slice(0, HEAD_LINES), within);
  if (head) return { division: head.division, source: "HEADING", evidence: { start: head.start, end: head.end } };
  const tail = issuerIn(gazetteer, all.slice(-TAIL_LINES).reverse(), within);
  if (tail) return { division: tail.division, source: "SIGNATURE", evidence: { start: tail.start, end: tail.end } };
  const opening = OPENING.exec(text)?.[1] as LevelChar | "自治区" | undefined;
  const level = opening ?? placeWordLevel(text);
  if (!level) return null;
  const found = mostNamedAtLevel(gazetteer, text, level, within);
  return found ? { division: found.division, source: opening ? "OPENING" : "PLACE_WORDS", evidence: { start: found.start, end: found.end } } : null;
}

/** 首都 names the capital in any text: it frames 朝阳区 as Beijing's without naming 北京. */
const CAPITAL = { word: "首都", code: "110000" };

/** Places the text names without ambiguity, with their ancestors: the frame for names that need one. */
function unambiguousPlaces(gazetteer: Gazetteer, text: string): string[] {
  const codes = new Set<string>(text.includes(CAPITAL.word) ? [CAPITAL.code] : []);
  for (const m of gazetteer.findMentions(text)) {
    codes.add(m.division.code);
    for (const a of gazetteer.ancestors(m.division.code)) codes.add(a.code);
  }
  return [...codes];
}

const BULLETIN = /统计公报/u;
const YEAR_IN_TITLE = /((?:19|20)\d{2})年(?:国民经济和社会发展统计公报|统计公报|工作回顾)/u;

/** The year a document reviews: metadata, a bulletin's title, else the year before a first-quarter date. */
function reportYearOf(doc: SegmentedDocument, publishedYear: number | null): number | null {
  if (doc.meta.reportYear !== undefined) return doc.meta.reportYear;
  const titled = YEAR_IN_TITLE.exec(normalize(doc.meta.title));
  if (titled) return Number(titled[1]);
  if (publishedYear === null) return null;
  const month = Number(doc.meta.publishedOn?.slice(5, 7) || "0");
  // Work reports and bulletins of a year are delivered in its first months: they review the year before.
  return month === 0 || month <= 4 ? publishedYear - 1 : publishedYear;
}

/** Runs after segmentation: the document's subject, its frame of places, each article's place, its years. */
export function documentContext(doc: SegmentedDocument, gazetteer: Gazetteer, registry: Registry, given?: string): DocumentContext {
  const subject = findSubject(doc, gazetteer, given);
  const within = new Set<string>();
  if (subject) for (const d of [subject.division, ...gazetteer.ancestors(subject.division.code)]) within.add(d.code);
  const articlePlaces = new Map<string, Division | null>();
  for (const article of doc.articles) {
    const hinted = article.place ? registryDivision(registry, gazetteer, article.place) : undefined;
    if (hinted) for (const d of [hinted, ...gazetteer.ancestors(hinted.code)]) within.add(d.code);
    articlePlaces.set(article.id, hinted ?? subject?.division ?? null);
  }
  const publishedYear = doc.meta.publishedOn ? Number(doc.meta.publishedOn.slice(0, 4)) : null;
  const bulletin = BULLETIN.test(normalize(`${doc.meta.title}\n${doc.text.slice(0, 200)}`));
  return { subject, within: [...within], articlePlaces, reportYear: reportYearOf(doc, publishedYear), publishedYear, bulletin };
}

/** A registry place name (an article hint such as 市北区) as its gazetteer division. */
function registryDivision(registry: Registry, gazetteer: Gazetteer, name: string): Division | undefined {
  const entry = registry.entries.find((e) => e.name === name);
  const code = entry?.properties.code;
  return typeof code === "string" ? gazetteer.byCode(code) : gazetteer.resolve(name);
}

/** The frame an article's passages are linked in: the document's places and the article's own. */
export function placeFrame(ctx: DocumentContext, gazetteer: Gazetteer, registry: Registry, article: ArticleSegment | undefined): PlaceFrame {
  const place = article ? (ctx.articlePlaces.get(article.id) ?? null) : (ctx.subject?.division ?? null);
  const registered = place ? registry.byId.get(divisionId(place)) : undefined;
  return { gazetteer, within: ctx.within, place, placeName: article?.place ?? registered?.name ?? null };
}
