import { BadUserInputError } from "../errors/client-errors.js";

/** Longest name, alias, id, code or path an argument may hold (the longest in the corpus is far shorter). */
export const MAX_NAME_LENGTH = 200;
/** Longest search text. */
export const MAX_SEARCH_LENGTH = 500;
/** Longest cursor: a keyset cursor holds its item's order key, e.g. an id of up to 200 characters (UTF-8, then base64). */
export const MAX_CURSOR_LENGTH = 1024;

/** A request value as quoted back in an error message: never more than a line of it. */
export function clip(value: string, max = 60): string {
  const chars = Array.from(value);
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : value;
}

/** `value`, refused before it reaches the database when it is longer than `max` characters. */
export function limited(value: string, argument: string, max = MAX_NAME_LENGTH): string {
  if (value.length > max) throw new BadUserInputError(`${argument} is limited to ${max} characters (got ${value.length})`, { argument });
  return value;
}
