import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { IngestInputError } from "../errors/client-errors.js";
import { type MetadataInput, parseMetadata } from "./metadata.js";
import { isFurnitureLine } from "./text/furniture.js";
import type { SourceDocument } from "./types.js";

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
const MIN_HAN_CHARACTERS = 20;
const TERMINAL = /[。！？!?；;…”’」』）)\]】]$/u;

/** Reads a text file and its sibling `<stem>.meta.json` (if any), then validates both. */
export function readSourceFile(file: string, overrides: MetadataInput = {}): SourceDocument {
  if (!existsSync(file)) throw new IngestInputError(`${file}: no such file`);
  const size = statSync(file).size;
  // Checked before reading so a huge file is never loaded into memory.
  if (size > MAX_DOCUMENT_BYTES) throw new IngestInputError(tooLarge(file, size));
  const metaFile = file.replace(/\.txt$/i, "") + ".meta.json";
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
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han < MIN_HAN_CHARACTERS) {
    throw new IngestInputError(`${name}: no Chinese text (${han} Han characters); this service reads Chinese government reports`);
  }
  const stem = name.replace(/\.[^.]+$/, "");
  const meta = parseMetadata(metadata, { id: stem, title: firstLine(text) });
  const warnings = endsMidSentence(text);
  return { meta, sourceFile: name, text, sha256: createHash("sha256").update(bytes).digest("hex"), ...(warnings.length ? { warnings } : {}) };
}

/** A web excerpt often stops mid-sentence: read it, but say so. Short last lines are signatures and dates. */
function endsMidSentence(text: string): string[] {
  const last = contentLine(nonEmptyLines(text).reverse()) ?? "";
  const running = last.length > 40 || /[，、；]/u.test(last);
  return running && !TERMINAL.test(last) ? [`text ends mid-sentence: "…${last.slice(-12)}"`] : [];
}

function nonEmptyLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/u).map((l) => l.trim()).filter((l) => l.length > 0);
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
