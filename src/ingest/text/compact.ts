/**
 * A passage seen without its layout line breaks (人工智\n\n能 → 人工智能), with a map from each
 * compact index back to the original one, so matches found in the compact text still cite
 * exact document offsets.
 */
export interface CompactText {
  text: string;
  /** origin[i] is the offset in the original string of compact character i; origin[text.length] is its end. */
  origin: number[];
}

export function compact(original: string): CompactText {
  let text = "";
  const origin: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const ch = original[i] as string;
    if (ch === "\n" || ch === "\r") continue;
    // Spaces next to a line break are layout too; other spaces are printed (新增公园 12 个).
    if ((ch === " " || ch === "\t") && (original[i - 1] === "\n" || original[i + 1] === "\n")) continue;
    text += ch;
    origin.push(i);
  }
  origin.push(original.length);
  return { text, origin };
}

/** Maps a compact span [start, end) to the original span that covers the same characters. */
export function originalSpan(c: CompactText, start: number, end: number): [number, number] {
  const from = c.origin[start] as number;
  const to = end > start ? (c.origin[end - 1] as number) + 1 : from;
  return [from, to];
}
