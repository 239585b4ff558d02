import { BadUserInputError } from "../errors/client-errors.js";
import { clip, MAX_CURSOR_LENGTH } from "./limits.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Opaque Relay cursors over a stable order: the position of the edge, base64-encoded. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): number {
  const decoded = cursor.length <= MAX_CURSOR_LENGTH ? Buffer.from(cursor, "base64url").toString("utf8") : "";
  const match = /^offset:(\d{1,9})$/.exec(decoded);
  if (!match) throw new BadUserInputError(`"${clip(cursor)}" is not a cursor this API gave out`, { argument: "after" });
  return Number(match[1]);
}

/** `first` and `after` of a connection as SKIP and LIMIT; refuses sizes over the cap instead of cutting silently. */
export function page(args: Record<string, unknown>): { offset: number; first: number } {
  const first = args.first === undefined || args.first === null ? DEFAULT_PAGE_SIZE : args.first;
  if (typeof first !== "number" || !Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE} (got ${clip(String(first))})`, { argument: "first" });
  }
  const offset = typeof args.after === "string" ? decodeCursor(args.after) + 1 : 0;
  return { offset, first };
}
