import { foldWidth, type Mapped, simplify } from "./normalize.js";

/**
 * A passage as the rules read it: without layout line breaks (人工智\n\n能 → 人工智能), full-width
 * digits and letters folded (１２．５％ → 12.5%), traditional script simplified (預算 → 预算); with a
 * map from each compact index back to the original, so matches still cite exact document offsets.
 */
export interface CompactText {
  text: string;
  /** origin[i] is the offset in the original string of compact character i; origin[text.length] is its end. */
  origin: number[];
  /** originEnd[i] is the end of the original run compact character i stands for (a converted phrase may change length). */
  originEnd: number[];
}

const SPACE = /[ \t\f\v\u00a0\u3000\r\n]/u;

export function compact(original: string): CompactText {
  const joined = withoutLayoutBreaks(original);
  const simple = simplify(foldWidth(joined.text));
  const origin = simple.from.map((i) => joined.from[i] as number);
  const originEnd = simple.to.map((i) => joined.to[i - 1] as number);
  origin.push(original.length);
  return { text: simple.text, origin, originEnd };
}

/** Drops every run of spaces that holds a line break; other spaces are printed (新增公园 12 个). */
function withoutLayoutBreaks(original: string): Mapped {
  const out: Mapped = { text: "", from: [], to: [] };
  let i = 0;
  while (i < original.length) {
    let j = i;
    while (j < original.length && SPACE.test(original[j] as string)) j += 1;
    const layout = j > i && /[\r\n]/u.test(original.slice(i, j));
    const end = j > i ? j : i + 1;
    if (!layout) {
      for (let k = i; k < end; k++) {
        out.text += original[k];
        out.from.push(k);
        out.to.push(k + 1);
      }
    }
    i = end;
  }
  return out;
}

/** Maps a compact span [start, end) to the original span that covers the same characters. */
export function originalSpan(c: CompactText, start: number, end: number): [number, number] {
  const from = c.origin[start] as number;
  const to = end > start ? (c.originEnd[end - 1] as number) : from;
  return [from, to];
}
