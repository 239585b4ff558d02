import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { OBSERVATION_KINDS } from "../vocabulary.js";
import { PROJECT_ROOT } from "../neo4j/paths.js";

export const GOLD_DIR = path.join(PROJECT_ROOT, "data", "gold");
export const CORPUS_DIR = path.join(PROJECT_ROOT, "data", "corpus");

const kind = z.enum(OBSERVATION_KINDS);
const qualifier = z.enum(["EXACT", "APPROX", "AT_LEAST", "MORE_THAN", "NEARLY", "EXCEEDS", "AT_MOST"]);

export const goldObservationSchema = z
  .object({
    quote: z.string().min(1),
    occurrence: z.number().int().min(1).default(1),
    value_text: z.string().min(1),
    subject: z.string().min(1),
    indicator: z.string().min(1),
    period: z.number().int().min(1949).max(2100),
    kind,
    measure: z.enum(["LEVEL", "GROWTH_RATE"]),
    value: z.number(),
    unit: z.string(),
    qualifier,
    normalized_value: z.number(),
    normalized_unit: z.string(),
    note: z.string().optional(),
  })
  .strict();

export const goldPostSchema = z
  .object({
    person: z.string().min(1),
    title: z.string().min(1),
    organization: z.string().min(1),
    as_of: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
    current: z.boolean(),
    document: z.string().min(1),
    quote: z.string().min(1),
    occurrence: z.number().int().min(1).default(1),
    note: z.string().optional(),
  })
  .strict();

export const goldContainmentSchema = z
  .object({
    child: z.string().min(1),
    relation: z.enum(["PART_OF", "LOCATED_IN", "PARTNER_OF"]),
    parent: z.string().min(1),
    document: z.string().min(1),
    quote: z.string().min(1),
    occurrence: z.number().int().min(1).default(1),
    note: z.string().optional(),
  })
  .strict();

export type GoldObservation = z.infer<typeof goldObservationSchema> & { document: string; start: number; valueStart: number; valueEnd: number; line: number };
export type GoldPost = z.infer<typeof goldPostSchema> & { start: number; line: number };
export type GoldContainment = z.infer<typeof goldContainmentSchema> & { start: number; line: number };

export class GoldError extends Error {}

/** Offset of the n-th occurrence (1-based) of `quote` in `text`, or -1. */
export function nthIndexOf(text: string, quote: string, occurrence: number): number {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(quote, index + 1);
    if (index < 0) return -1;
  }
  return index;
}

const texts = new Map<string, string>();
export function documentText(id: string): string {
  let text = texts.get(id);
  if (text === undefined) {
    const file = path.join(CORPUS_DIR, `${id}.txt`);
    if (!existsSync(file)) throw new GoldError(`unknown document ${id}`);
    text = readFileSync(file, "utf8");
    texts.set(id, text);
  }
  return text;
}

function readJsonl(file: string): Array<{ line: number; value: unknown }> {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((raw, i) => ({ raw: raw.trim(), line: i + 1 }))
    .filter(({ raw }) => raw.length > 0 && !raw.startsWith("//"))
    .map(({ raw, line }) => {
      try {
        return { line, value: JSON.parse(raw) as unknown };
      } catch (error) {
        throw new GoldError(`${path.basename(file)}:${line}: not JSON (${(error as Error).message})`);
      }
    });
}

function locate(file: string, line: number, document: string, quote: string, occurrence: number): number {
  const start = nthIndexOf(documentText(document), quote, occurrence);
  if (start < 0) throw new GoldError(`${file}:${line}: quote not found (occurrence ${occurrence}) in ${document}: ${quote}`);
  return start;
}

export function loadGoldObservations(dir = path.join(GOLD_DIR, "observations")): GoldObservation[] {
  const out: GoldObservation[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()) {
    const document = name.replace(/\.jsonl$/, "");
    for (const { line, value } of readJsonl(path.join(dir, name))) {
      const parsed = goldObservationSchema.safeParse(value);
      if (!parsed.success) throw new GoldError(`${name}:${line}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      const o = parsed.data;
      const start = locate(name, line, document, o.quote, o.occurrence);
      const inQuote = o.quote.indexOf(o.value_text);
      if (inQuote < 0) throw new GoldError(`${name}:${line}: value_text "${o.value_text}" is not inside the quote`);
      if (!/^[0-9０-９一二两三四五六七八九十百千万亿零〇.]/.test(o.value_text)) {
        throw new GoldError(`${name}:${line}: value_text must start with the number: "${o.value_text}"`);
      }
      const expected = o.normalized_value / o.value;
      if (o.value !== 0 && !(Math.abs(Math.log10(Math.abs(expected)) - Math.round(Math.log10(Math.abs(expected)))) < 1e-6)) {
        throw new GoldError(`${name}:${line}: normalized_value ${o.normalized_value} is not value ${o.value} times a power of ten`);
      }
      out.push({ ...o, document, start, valueStart: start + inQuote, valueEnd: start + inQuote + o.value_text.length, line });
    }
  }
  return out;
}

/** Lines of a gold file that cite one document each (posts, containment), validated and located. */
function loadCitingGold<T extends { document: string; quote: string; occurrence: number }>(
  file: string,
  schema: z.ZodType<T>,
): Array<T & { start: number; line: number }> {
  if (!existsSync(file)) return [];
  const name = path.basename(file);
  return readJsonl(file).map(({ line, value }) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new GoldError(`${name}:${line}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    return { ...parsed.data, start: locate(name, line, parsed.data.document, parsed.data.quote, parsed.data.occurrence), line };
  });
}

export function loadGoldPosts(file = path.join(GOLD_DIR, "posts.jsonl")): GoldPost[] {
  return loadCitingGold(file, goldPostSchema);
}

export function loadGoldContainment(file = path.join(GOLD_DIR, "containment.jsonl")): GoldContainment[] {
  return loadCitingGold(file, goldContainmentSchema);
}
