import { BadUserInputError } from "../errors/client-errors.js";
import { clip, MAX_CURSOR_LENGTH } from "./limits.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Opaque Relay cursors, base64url of one of two payloads:
 * - `offset:<n>`: the position of the edge in a stable order (connections paged by SKIP);
 * - `key:<JSON [list, ...values]>`: the order key of the edge in a keyset-paged list, and which list
 *   gave it out, so the next page starts right after that key (a seek, not a count of skipped rows).
 */

/** What a keyset order key may hold: ids, names and document offsets, years. */
export type KeyType = "string" | "int";
export type KeyValue = string | number;

/** A decoded cursor. */
export type Cursor = { kind: "offset"; offset: number } | { kind: "key"; list: string; key: KeyValue[] };

/** Where a page starts: at the first item, after a position (SKIP), or after an order key (seek). */
export type After = { kind: "start" } | { kind: "offset"; offset: number } | { kind: "key"; key: KeyValue[] };

/** A keyset list's name (cursors of other lists are refused) and the types of its order key. */
export interface KeysetList {
  list: string;
  types: readonly KeyType[];
}

const OFFSET = /^offset:(\d{1,9})$/;
const KEY_PREFIX = "key:";

const base64url = (text: string): string => Buffer.from(text, "utf8").toString("base64url");

export function encodeCursor(offset: number): string {
  return base64url(`offset:${offset}`);
}

export function encodeKeyCursor(list: string, key: readonly KeyValue[]): string {
  return base64url(`${KEY_PREFIX}${JSON.stringify([list, ...key])}`);
}

const notOurs = (cursor: string): BadUserInputError => new BadUserInputError(`"${clip(cursor)}" is not a cursor this API gave out`, { argument: "after" });

function isKeyValue(value: unknown): value is KeyValue {
  return typeof value === "string" || (typeof value === "number" && Number.isSafeInteger(value));
}

/** The JSON of a key cursor's payload, or undefined when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** A cursor this API gave out, decoded; anything else (garbled, forged, over-long, re-padded) is refused. */
export function decodeCursor(cursor: string): Cursor {
  if (cursor.length > MAX_CURSOR_LENGTH) throw notOurs(cursor);
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  // Only the exact string we encoded: base64url decoding skips stray characters and invalid UTF-8 becomes U+FFFD.
  if (base64url(decoded) !== cursor) throw notOurs(cursor);
  const offset = OFFSET.exec(decoded);
  if (offset) return { kind: "offset", offset: Number(offset[1]) };
  if (!decoded.startsWith(KEY_PREFIX)) throw notOurs(cursor);
  const payload = parseJson(decoded.slice(KEY_PREFIX.length));
  if (!Array.isArray(payload) || payload.length < 2) throw notOurs(cursor);
  const [list, ...key] = payload as unknown[];
  if (typeof list !== "string" || !key.every(isKeyValue)) throw notOurs(cursor);
  return { kind: "key", list, key };
}

/** `after` as where a list of order `keyset` (none: a SKIP-paged list) starts; refuses another list's cursor. */
function startAfter(cursor: string, keyset: KeysetList | undefined): After {
  const decoded = decodeCursor(cursor);
  // Offset cursors name no list: any list still pages by them (the cursors given out before keyset paging).
  if (decoded.kind === "offset") return { kind: "offset", offset: decoded.offset + 1 };
  if (!keyset || decoded.list !== keyset.list) {
    throw new BadUserInputError(`"${clip(cursor)}" is a cursor of another list: pass one this list gave out`, { argument: "after" });
  }
  const { key } = decoded;
  const fits = key.length === keyset.types.length && key.every((v, i) => (keyset.types[i] === "int" ? typeof v === "number" : typeof v === "string"));
  if (!fits) throw notOurs(cursor);
  return { kind: "key", key };
}

/** `first` and `after` of a connection; refuses sizes over the cap instead of cutting silently. */
export function page(args: Record<string, unknown>, keyset?: KeysetList): { first: number; after: After } {
  const first = args.first === undefined || args.first === null ? DEFAULT_PAGE_SIZE : args.first;
  if (typeof first !== "number" || !Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE} (got ${clip(String(first))})`, { argument: "first" });
  }
  const after: After = typeof args.after === "string" ? startAfter(args.after, keyset) : { kind: "start" };
  return { first, after };
}
