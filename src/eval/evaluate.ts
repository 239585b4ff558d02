import { readdirSync } from "node:fs";
import path from "node:path";
import { type ExtractedObservation, indicatorFor } from "../ingest/extract/observations.js";
import { Gazetteer } from "../ingest/gazetteer/gazetteer.js";
import { SurfaceMatcher } from "../ingest/link.js";
import { type ExtractDeps, extractDocument } from "../ingest/pipeline.js";
import { readSourceFile } from "../ingest/read.js";
import { codeOfId, loadRegistry, type Registry } from "../ingest/registry.js";
import { CORPUS_DIR, type GoldObservation, loadGoldContainment, loadGoldObservations, loadGoldPosts } from "./gold.js";

export interface Score {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

export function score(gold: number, predicted: number, correct: number): Score {
  return { gold, predicted, correct, precision: predicted ? correct / predicted : 1, recall: gold ? correct / gold : 1 };
}

const ATTRIBUTES = ["subject", "period", "kind", "measure", "qualifier", "value", "unit"] as const;
type Attribute = (typeof ATTRIBUTES)[number];

/** Lenient: the same canonical indicator, or one name containing the other (新增城镇就业 / 城镇就业). */
function sameIndicator(registry: Registry, g: GoldObservation, p: ExtractedObservation): boolean {
  const gold = indicatorFor(registry, g.indicator).name;
  return gold === p.indicatorName || gold.includes(p.indicatorName) || p.indicatorName.includes(gold);
}

export interface ObservationEval {
  /** Share of found figures whose indicator agrees with the gold's (not part of `strict`: names are free text). */
  indicatorAgreement: number;
  indicatorMisses: string[];
  /** A predicted figure at the same place as a gold one, whatever its attributes. */
  spans: Score;
  /** Same place and every attribute right. */
  strict: Score;
  attributeAccuracy: Record<Attribute, number>;
  mismatches: Array<{ gold: GoldObservation; predicted: ExtractedObservation; wrong: Attribute[] }>;
  missed: GoldObservation[];
  spurious: ExtractedObservation[];
}

/** The gazetteer, the registry and its matcher, loaded once. */
export function defaultDeps(): ExtractDeps {
  const gazetteer = Gazetteer.load();
  const registry = loadRegistry(undefined, gazetteer);
  return { gazetteer, registry, matcher: SurfaceMatcher.of(registry) };
}

function nameOf(registry: Registry, id: string): string {
  const code = codeOfId(id);
  const place = code ? Gazetteer.load().byCode(code) : undefined;
  return place?.name ?? registry.byId.get(id)?.name ?? id.replace(/^[a-z]+:/u, "");
}

/** A gold subject written by name or alias, as the registry's id; unregistered names stay names. */
function goldSubject(registry: Registry, name: string): string {
  const entry = registry.entries.find((e) => e.name === name || e.aliases.includes(name));
  return entry?.id ?? name;
}

function wrongAttributes(registry: Registry, g: GoldObservation, p: ExtractedObservation): Attribute[] {
  const wrong: Attribute[] = [];
  const gold = goldSubject(registry, g.subject);
  if (p.subjectId !== gold && nameOf(registry, p.subjectId) !== gold) wrong.push("subject");
  if (p.period !== g.period) wrong.push("period");
  if (p.kind !== g.kind) wrong.push("kind");
  if (p.measure !== g.measure) wrong.push("measure");
  if (p.qualifier !== g.qualifier) wrong.push("qualifier");
  if (Math.abs(p.normalizedValue - g.normalized_value) > 1e-6 * Math.max(1, Math.abs(g.normalized_value))) wrong.push("value");
  if (p.normalizedUnit !== g.normalized_unit) wrong.push("unit");
  return wrong;
}

const corpusCache = new Map<ExtractDeps, Array<ReturnType<typeof extractDocument>>>();

/** Runs read → segment → context → link → extract on every corpus document: the automatic extraction alone. */
function corpusExtractions(deps: ExtractDeps): Array<ReturnType<typeof extractDocument>> {
  let cached = corpusCache.get(deps);
  if (!cached) {
    cached = readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((file) => extractDocument(readSourceFile(path.join(CORPUS_DIR, file)), deps));
    corpusCache.set(deps, cached);
  }
  return cached;
}

export function extractCorpus(deps = defaultDeps()): ExtractedObservation[] {
  return corpusExtractions(deps).flatMap((x) => x.observations);
}

export interface SetEval {
  score: Score;
  missed: string[];
  spurious: string[];
}

function compareSets(gold: Set<string>, predicted: Set<string>): SetEval {
  const correct = [...predicted].filter((p) => gold.has(p)).length;
  return {
    score: score(gold.size, predicted.size, correct),
    missed: [...gold].filter((g) => !predicted.has(g)),
    spurious: [...predicted].filter((p) => !gold.has(p)),
  };
}

/** Posts as facts (person, title, organization, current), each counted once however often it is printed. */
export function evaluatePosts(deps = defaultDeps()): SetEval {
  const { registry } = deps;
  const name = (id: string): string => nameOf(registry, id);
  const predicted = new Set(
    corpusExtractions(deps).flatMap((x) => x.posts.map((p) => `${name(p.personId)}|${p.title}|${name(p.organizationId)}|${p.current}`)),
  );
  const gold = new Set(loadGoldPosts().map((g) => `${g.person}|${g.title}|${nameOf(registry, goldSubject(registry, g.organization))}|${g.current}`));
  return compareSets(gold, predicted);
}

const CONTAINMENT = new Set(["PART_OF", "LOCATED_IN", "PARTNER_OF"]);

/** Containment the rules extract (PART_OF, LOCATED_IN, PARTNER_OF), against the gold; the registry's curated relations are not counted. */
export function evaluateContainment(deps = defaultDeps()): SetEval {
  const { registry } = deps;
  const name = (id: string): string => nameOf(registry, id);
  const predicted = new Set(
    corpusExtractions(deps).flatMap((x) => x.relations.filter((r) => CONTAINMENT.has(r.type)).map((r) => `${name(r.fromId)}|${r.type}|${name(r.toId)}`)),
  );
  const gold = new Set(loadGoldContainment().map((g) => `${name(goldSubject(registry, g.child))}|${g.relation}|${name(goldSubject(registry, g.parent))}`));
  return compareSets(gold, predicted);
}

export function evaluateObservations(deps = defaultDeps(), gold = loadGoldObservations(), predicted = extractCorpus(deps)): ObservationEval {
  const { registry } = deps;
  const byPlace = new Map(predicted.map((p) => [`${p.citation.documentId}@${p.valueStart}`, p]));
  const matchedPlaces = new Set<string>();
  const mismatches: ObservationEval["mismatches"] = [];
  const missed: GoldObservation[] = [];
  const wrongCounts = Object.fromEntries(ATTRIBUTES.map((a) => [a, 0])) as Record<Attribute, number>;
  let strict = 0;
  let indicatorHits = 0;
  const indicatorMisses: string[] = [];
  for (const g of gold) {
    const key = `${g.document}@${g.valueStart}`;
    const p = byPlace.get(key);
    if (!p) {
      missed.push(g);
      continue;
    }
    matchedPlaces.add(key);
    if (sameIndicator(registry, g, p)) indicatorHits += 1;
    else indicatorMisses.push(`${g.document.slice(0, 3)}:${g.line} ${g.quote} | gold ${g.indicator} / got ${p.indicatorName}`);
    const wrong = wrongAttributes(registry, g, p);
    for (const a of wrong) wrongCounts[a] += 1;
    if (wrong.length === 0) strict += 1;
    else mismatches.push({ gold: g, predicted: p, wrong });
  }
  const matched = matchedPlaces.size;
  return {
    indicatorAgreement: matched ? indicatorHits / matched : 1,
    indicatorMisses,
    spans: score(gold.length, predicted.length, matched),
    strict: score(gold.length, predicted.length, strict),
    attributeAccuracy: Object.fromEntries(ATTRIBUTES.map((a) => [a, matched ? 1 - wrongCounts[a] / matched : 1])) as Record<Attribute, number>,
    mismatches,
    missed,
    spurious: predicted.filter((p) => !matchedPlaces.has(`${p.citation.documentId}@${p.valueStart}`)),
  };
}
