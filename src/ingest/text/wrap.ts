/**
 * Hard wrapping of a copied text (a PDF or e-mail copy breaks every 20–40 characters, mid-word
 * and mid-number). Lines of a wrapped text are mostly as wide as the page; the last line of a
 * paragraph is shorter.
 */
export interface Wrap {
  measure: (line: string) => number;
  width: number;
  /** How much narrower than `width` a wrapped line may be (a carried closing mark, a half-width digit). */
  slack: number;
}

/** Code points: a text wrapped by a tool that counts characters. */
export function chars(line: string): number {
  return [...line].length;
}

/** Display columns: a text wrapped by the width of the page (Chinese characters are two columns). */
export function columns(line: string): number {
  let n = 0;
  for (const ch of line) n += (ch.codePointAt(0) as number) < 0x1100 ? 1 : 2;
  return n;
}

const MEASURES = [
  { measure: chars, slack: 2 },
  { measure: columns, slack: 4 },
];
const MIN_LINES = 4;
/** Share of lines at the wrap width for a text to count as wrapped, and share wider than it allowed. */
const MIN_FULL = 0.5;
const MAX_WIDER = 0.1;

/** The width at which `lines` are hard-wrapped, or undefined when each line is a paragraph of its own. */
export function wrapOf(lines: string[]): Wrap | undefined {
  const body = lines.filter((l) => chars(l) >= 8);
  if (body.length < MIN_LINES) return undefined;
  let best: { wrap: Wrap; full: number } | undefined;
  for (const { measure, slack } of MEASURES) {
    const sizes = body.map(measure);
    for (const width of new Set(sizes)) {
      const full = sizes.filter((s) => s <= width && s >= width - slack).length;
      const wider = sizes.filter((s) => s > width).length;
      if (full < MIN_FULL * body.length || wider > MAX_WIDER * body.length) continue;
      if (!best || full > best.full) best = { wrap: { measure, width, slack }, full };
    }
  }
  return best?.wrap;
}

export function isFullLine(wrap: Wrap, line: string): boolean {
  return wrap.measure(line) >= wrap.width - wrap.slack;
}
