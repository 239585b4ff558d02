import { createHash } from "node:crypto";
import { OBSERVATION_KINDS } from "../vocabulary.js";
import { z } from "zod";
import { IngestInputError } from "../errors/client-errors.js";
import type { DocumentMeta } from "./types.js";

/** The first year a report of the People's Republic can be of. */
export const FIRST_YEAR = 1949;
/** Reports are published up to a year ahead of the year they plan for, never later. */
export const lastYear = (): number => new Date().getUTCFullYear() + 1;

/** 2023, 2023-01 or 2023-01-07, a real calendar date, in FIRST_YEAR … next year. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  if (Number(y) < FIRST_YEAR || Number(y) > lastYear()) return false;
  if (m === undefined) return true;
  const month = Number(m);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(Number(y), month - 1, Number(d)));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === Number(d);
}

const kind = z.enum(OBSERVATION_KINDS);
const articleHint = z
  .object({
    startsWith: z.string().min(1),
    kind: z.enum(["ARTICLE", "PANEL", "PAGE_HEADER", "NOTICE", "OBITUARY"]).optional(),
    headline: z.string().min(1).optional(),
    reporters: z.array(z.string().min(1)).optional(),
    photographers: z.array(z.string().min(1)).optional(),
    place: z.string().min(1).optional(),
    period: z.number().int().min(1949).max(2100).optional(),
    observationKind: kind.optional(),
  })
  .strict();

export const metadataInputSchema = z
  .object({
    id: z
      .string()
      .regex(/^[\w.-]{1,100}$/, "must be letters, digits, '.', '_' or '-'")
      .optional(),
    title: z.string().trim().min(1).max(300).optional(),
    publisher: z.string().trim().min(1).max(200).nullable().optional(),
    publishedOn: z
      .string()
      .refine(isIsoDate, `must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD, a real one, from ${FIRST_YEAR} to next year`)
      .nullable()
      .optional(),
    dateNote: z.string().optional(),
    page: z.string().nullable().optional(),
    issue: z.string().nullable().optional(),
    reporters: z.array(z.string().min(1)).optional(),
    photographers: z.array(z.string().min(1)).optional(),
    reportYear: z
      .number()
      .int()
      .min(FIRST_YEAR)
      .refine((year) => year <= lastYear(), "must not be after next year")
      .optional(),
    /** The place the document is about: a name (绵阳市), a path (山东省/青岛市/城阳区) or a GB/T 2260 code. */
    subject: z.string().trim().min(2).max(100).optional(),
    articles: z.array(articleHint).optional(),
  })
  .strict();

export type MetadataInput = z.infer<typeof metadataInputSchema>;

/** Validates metadata (from a .meta.json file, CLI flags or the API); one line per problem. */
export function parseMetadata(input: unknown, defaults: { id: string; title: string }): DocumentMeta {
  const parsed = metadataInputSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `metadata ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new IngestInputError(lines.join("\n"));
  }
  const m = parsed.data;
  return {
    id: m.id ?? defaults.id,
    title: m.title ?? defaults.title,
    publisher: m.publisher ?? null,
    publishedOn: m.publishedOn ?? null,
    ...(m.dateNote ? { dateNote: m.dateNote } : {}),
    page: m.page ?? null,
    issue: m.issue ?? null,
    reporters: m.reporters ?? [],
    photographers: m.photographers ?? [],
    ...(m.reportYear !== undefined ? { reportYear: m.reportYear } : {}),
    ...(m.subject ? { subject: m.subject } : {}),
    ...(m.articles ? { articles: m.articles } : {}),
  };
}

/** A stable hash of everything but the id: key order and absent-versus-undefined do not change it. */
export function metadataHash(meta: DocumentMeta): string {
  const { id: _id, ...rest } = meta;
  return createHash("sha256").update(canonicalJson(rest)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
