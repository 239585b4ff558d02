/** How curators' names and aliases are cleaned before they are compared or stored. */

// Controls, invisible format characters (zero-width space and joiners, bidi marks, soft hyphen, BOM), private use, unassigned.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * NFKC (full-width ＧＤＰ is GDP, compatibility forms fold), then no invisible characters, one space
 * where there were several, no space at either end: a look-alike with U+200B inside is the name it
 * imitates.
 */
export function normalizeName(value: string): string {
  return value.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/gu, " ").trim();
}

/** A name says something only with a letter or digit in it: "——" or "？！" names nothing. */
export function hasLetterOrDigit(value: string): boolean {
  return LETTER_OR_DIGIT.test(value);
}
