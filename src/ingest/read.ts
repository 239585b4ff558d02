import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { IngestInputError } from "../errors/client-errors.js";
import { type MetadataInput, parseMetadata } from "./metadata.js";
import { isFurnitureLine } from "./text/furniture.js";
import type { SourceDocument } from "./types.js";

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
const MIN_HAN_CHARACTERS = 20;
/**
 * Most a text may hold of characters no report is written in (see noiseShare). The 45 reports of
 * data/corpus and data/gold/open measure 0.000%; a corpus report's UTF-8 read as Latin-1 measures 85%.
 * A tenth leaves room for a few garbled lines in a web copy and refuses garbage.
 */
export const MAX_NOISE_SHARE = 0.1;
// Controls (but tab and line breaks), invisible format characters, private-use, unassigned, lone surrogates,
// U+FFFD, and Latin-1 letters and signs: the marks of a binary file or of text decoded with the wrong encoding.
const NOISE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\u0080-\u00FF\uFFFD]/gu;
// Not noise: tab and line breaks, the Latin-1 signs Chinese reports do use (·, ×, °, ±, ², ¥ …) and the no-break space.
const NOT_NOISE = new Set([..."\t\n\r·×÷°±²³¥§µ¼½¾\u00A0"]);
const TERMINAL = /[。！？!?；;…”’」』）)\]】]$/u;

/** Reads a text file and its sibling `<stem>.meta.json` (if any), then validates both. */
export function readSourceFile(file: string, overrides: MetadataInput = {}): SourceDocument {
  if (!existsSync(file)) throw new IngestInputError(`${file}: no such file`);
  const size = statSync(file).size;
  // Checked before reading so a huge file is never loaded into memory.
  if (size > MAX_DOCUMENT_BYTES) throw new IngestInputError(tooLarge(file, size));
  const metaFile = `${file.replace(/\.txt$/i, "")}.meta.json`;
  let fileMeta: Record<string, unknown> = {};
  if (existsSync(metaFile)) {
    try {
      fileMeta = JSON.parse(readFileSync(metaFile, "utf8")) as Record<string, unknown>;
    } catch (error) {
      throw new IngestInputError(`${metaFile}: not valid JSON (${(error as Error).message})`);
    }
  }
  return validateSource(readFileSync(file), path.basename(file), { ...fileMeta, ...overrides });
}

/** Validates bytes and metadata; the shared path of the CLI and the API. Throws IngestInputError. */
export function validateSource(bytes: Uint8Array, sourceFile: string, metadata: unknown): SourceDocument {
  const name = sourceFile;
  if (bytes.length === 0) throw new IngestInputError(`${name}: the file is empty`);
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new IngestInputError(tooLarge(name, bytes.length));
  if (bytes.includes(0)) throw new IngestInputError(`${name}: binary content (NUL bytes); expected UTF-8 text`);
  const text = decodeUtf8(bytes, name);
  const han = countHan(text);
  if (han < MIN_HAN_CHARACTERS) {
    throw new IngestInputError(`${name}: no Chinese text (${han} Han characters); this service reads Chinese government reports`);
  }
  const noise = noiseShare(text);
  if (noise > MAX_NOISE_SHARE) {
    throw new IngestInputError(
      `${name}: ${(noise * 100).toFixed(0)}% of the characters are control, invisible or Latin-1 characters (at most ${MAX_NOISE_SHARE * 100}%); this looks like binary data or text decoded with the wrong encoding — save it as UTF-8 text`,
    );
  }
  const stem = name.replace(/\.[^.]+$/, "");
  const meta = parseMetadata(metadata, { id: stem, title: firstLine(text) });
  const warnings = endsMidSentence(text);
  return { meta, sourceFile: name, text, sha256: createHash("sha256").update(bytes).digest("hex"), ...(warnings.length ? { warnings } : {}) };
}

/** Han characters (code points): removing the rest is far cheaper on a 5 MB text than an array of a million matches. */
function countHan(text: string): number {
  const han = text.replace(/\P{Script=Han}+/gu, "");
  return han.length - (han.match(/[\uD800-\uDBFF]/gu)?.length ?? 0);
}

/** The share of a text's non-space characters that are noise: controls, invisible characters, mojibake. */
export function noiseShare(text: string): number {
  let noise = 0;
  for (const [ch] of text.matchAll(NOISE)) if (!NOT_NOISE.has(ch)) noise += 1;
  const visible = text.replace(/\s+/gu, "").length;
  return visible === 0 ? 0 : noise / visible;
}

/** A web excerpt often stops mid-sentence: read it, but say so. Short last lines are signatures and dates. */
function endsMidSentence(text: string): string[] {
  const last = contentLine(nonEmptyLines(text).reverse()) ?? "";
  const running = last.length > 40 || /[，、；]/u.test(last);
  return running && !TERMINAL.test(last) ? [`text ends mid-sentence: "…${last.slice(-12)}"`] : [];
}

function nonEmptyLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/u)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** The first line that is not page furniture (来源：…, 【打印】), else the first line. */
function contentLine(lines: string[]): string | undefined {
  return lines.find((l) => !isFurnitureLine(l)) ?? lines[0];
}

function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const valid = longestValidUtf8Prefix(bytes);
    if (bytes.length - valid <= 3 && isIncompleteSequence(bytes.subarray(valid))) {
      throw new IngestInputError(`${name}: the file ends inside a multi-byte character; it looks truncated`);
    }
    throw new IngestInputError(`${name}: not UTF-8 (invalid byte at offset ${valid}); convert it to UTF-8 first`);
  }
}

function longestValidUtf8Prefix(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const length = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return i;
}

/** A lead byte followed only by continuation bytes, fewer than the lead byte announces. */
function isIncompleteSequence(tail: Uint8Array): boolean {
  const lead = tail[0];
  if (lead === undefined) return false;
  const length = lead >> 5 === 0b110 ? 2 : lead >> 4 === 0b1110 ? 3 : lead >> 3 === 0b11110 ? 4 : 0;
  return length > tail.length && [...tail.subarray(1)].every((b) => (b & 0xc0) === 0x80);
}

function tooLarge(name: string, bytes: number): string {
  return `${name}: ${(bytes / 1024 / 1024).toFixed(1)} MB is over the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB limit for one document`;
}

function firstLine(text: string): string {
  return (contentLine(nonEmptyLines(text)) ?? "").slice(0, 300);
}
