import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { GOLD_DIR, GoldError, goldObservationSchema, nthIndexOf } from "./gold.js";

/** The open sets: texts written in the shapes of real reports from many provinces (data/gold/open/README.md). */
export const OPEN_SETS = ["dev", "test"] as const;
export type OpenSet = (typeof OPEN_SETS)[number];
export const OPEN_DIR = path.join(GOLD_DIR, "open");

/** The corpus gold's fields, with a subject that may be unknown, spans of years and average rates. */
const openObservationSchema = goldObservationSchema.extend({
  subject: z.string().min(1).nullable(),
  period_start: z.number().int().min(1949).max(2100).optional(),
  measure: z.enum(["LEVEL", "GROWTH_RATE", "AVERAGE_GROWTH_RATE"]),
});

const openPostSchema = z
  .object({
    person: z.string().min(1),
    title: z.string().min(1),
    organization: z.string().min(1),
    current: z.boolean(),
    quote: z.string().min(1),
    occurrence: z.number().int().min(1).default(1),
    note: z.string().optional(),
  })
  .strict();

const openGoldSchema = z
  .object({
    subject: z.string().min(1).nullable(),
    observations: z.array(openObservationSchema),
    posts: z.array(openPostSchema).default([]),
  })
  .strict();

export type OpenObservation = z.infer<typeof openObservationSchema> & { document: string; index: number; valueStart: number };
export type OpenPost = z.infer<typeof openPostSchema>;

export interface OpenDocument {
  id: string;
  set: OpenSet;
  file: string;
  /** What a user gives at ingest: title and date only. */
  meta: { title?: string; publishedOn?: string };
  text: string;
  subject: string | null;
  observations: OpenObservation[];
  posts: OpenPost[];
}

const metaSchema = z.object({ title: z.string().min(1).optional(), publishedOn: z.string().optional() }).strict();

/** Where `value_text` starts in the text: inside the located quote, or (a number cut by a line break) by its digits. */
function locateValue(text: string, o: z.infer<typeof openObservationSchema>, where: string): number {
  const start = nthIndexOf(text, o.quote, o.occurrence);
  if (start < 0) throw new GoldError(`${where}: quote not found (occurrence ${o.occurrence}): ${o.quote}`);
  const inQuote = o.quote.indexOf(o.value_text);
  if (inQuote >= 0) return start + inQuote;
  // The number runs past the quote's line: find its first character after the quote's start.
  const head = o.value_text.replace(/[\s\n]/gu, "").slice(0, 1);
  const at = text.indexOf(head, start);
  if (at < 0) throw new GoldError(`${where}: value_text "${o.value_text}" not found after its quote`);
  return at;
}

export function loadOpenSet(set: OpenSet, dir = path.join(OPEN_DIR, set)): OpenDocument[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((goldFile) => {
      const id = goldFile.replace(/\.gold\.json$/u, "");
      const file = path.join(dir, `${id}.txt`);
      if (!existsSync(file)) throw new GoldError(`${set}/${goldFile}: no ${id}.txt beside it`);
      const text = readFileSync(file, "utf8");
      const parsed = openGoldSchema.safeParse(JSON.parse(readFileSync(path.join(dir, goldFile), "utf8")));
      if (!parsed.success) throw new GoldError(`${set}/${goldFile}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      const metaFile = path.join(dir, `${id}.meta.json`);
      const meta = existsSync(metaFile) ? metaSchema.parse(JSON.parse(readFileSync(metaFile, "utf8"))) : {};
      const observations = parsed.data.observations.map((o, index) => ({
        ...o,
        document: id,
        index,
        valueStart: locateValue(text, o, `${set}/${goldFile} #${index + 1}`),
      }));
      return { id, set, file, meta, text, subject: parsed.data.subject, observations, posts: parsed.data.posts };
    });
}
