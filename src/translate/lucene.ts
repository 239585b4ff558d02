import { BadUserInputError } from "../errors/client-errors.js";
import { limited, MAX_SEARCH_LENGTH } from "./limits.js";

const HAN = /^\p{Script=Han}$/u;

/** A term as a Lucene phrase: inside quotes only the backslash and the quote itself need escaping. */
export function phrase(term: string): string {
  return `"${term.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export type SearchPlan = { mode: "fulltext"; lucene: string; text: string } | { mode: "contains"; text: string };

/**
 * What the user typed, as a search plan. Normally a Lucene query for the cjk analyzer: every word
 * a quoted phrase (so 邮轮港区 matches those bigrams in order, not any of them), all words required;
 * Lucene syntax in the input is always escaped, never interpreted. A single Han character has no
 * bigram to match, so it is looked up as a substring (text indexes) instead.
 */
export function planSearch(input: string): SearchPlan {
  // Measured before and after NFKC: a huge input is never normalised, and NFKC can lengthen a text.
  const text = limited(limited(input, "query", MAX_SEARCH_LENGTH).normalize("NFKC").trim(), "query", MAX_SEARCH_LENGTH);
  if (text.length === 0) throw new BadUserInputError("search needs at least one character", { argument: "query" });
  if (HAN.test(text)) return { mode: "contains", text };
  return { mode: "fulltext", text, lucene: text.split(/\s+/u).map(phrase).join(" AND ") };
}
