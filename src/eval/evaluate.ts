import { readdirSync } from "node:fs";
import path from "node:path";
import { extractObservations, type ExtractedObservation } from "../ingest/extract/observations.js";
import { SurfaceMatcher } from "../ingest/link.js";
import { readSourceFile } from "../ingest/read.js";
import { loadRegistry, type Registry } from "../ingest/registry.js";
import { segment } from "../ingest/segment.js";
import { CORPUS_DIR, type GoldObservation, loadGoldObservations } from "./gold.js";

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

export interface ObservationEval {
  /** A predicted figure at the same place as a gold one, whatever its attributes. */
  spans: Score;
  /** Same place and every attribute right. */
  strict: Score;
  attributeAccuracy: Record<Attribute, number>;
  mismatches: Array<{ gold: GoldObservation; predicted: ExtractedObservation; wrong: Attribute[] }>;
  missed: GoldObservation[];
  spurious: ExtractedObservation[];
}

function nameOf(registry: Registry, id: string): string {
  return registry.byId.get(id)?.name ?? id.replace(/^[a-z]+:/u, "");
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

/** Runs read → segment → link → extract on every corpus document: the automatic extraction alone. */
export function extractCorpus(registry = loadRegistry()): ExtractedObservation[] {
  const matcher = SurfaceMatcher.of(registry);
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((file) => extractObservations(segment(readSourceFile(path.join(CORPUS_DIR, file))), { registry, matcher }));
}

export function evaluateObservations(registry = loadRegistry(), gold = loadGoldObservations(), predicted = extractCorpus(registry)): ObservationEval {
  const byPlace = new Map(predicted.map((p) => [`${p.citation.documentId}@${p.valueStart}`, p]));
  const matchedPlaces = new Set<string>();
  const mismatches: ObservationEval["mismatches"] = [];
  const missed: GoldObservation[] = [];
  const wrongCounts = Object.fromEntries(ATTRIBUTES.map((a) => [a, 0])) as Record<Attribute, number>;
  let strict = 0;
  for (const g of gold) {
    const key = `${g.document}@${g.valueStart}`;
    const p = byPlace.get(key);
    if (!p) {
      missed.push(g);
      continue;
    }
    matchedPlaces.add(key);
    const wrong = wrongAttributes(registry, g, p);
    for (const a of wrong) wrongCounts[a] += 1;
    if (wrong.length === 0) strict += 1;
    else mismatches.push({ gold: g, predicted: p, wrong });
  }
  const matched = matchedPlaces.size;
  return {
    spans: score(gold.length, predicted.length, matched),
    strict: score(gold.length, predicted.length, strict),
    attributeAccuracy: Object.fromEntries(ATTRIBUTES.map((a) => [a, matched ? 1 - wrongCounts[a] / matched : 1])) as Record<Attribute, number>,
    mismatches,
    missed,
    spurious: predicted.filter((p) => !matchedPlaces.has(`${p.citation.documentId}@${p.valueStart}`)),
  };
}
