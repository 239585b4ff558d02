import type { ReactNode } from "react";

/** Which characters of `text` to mark: every occurrence of each query word, or of its characters when the word does not occur whole. */
export function highlightMask(text: string, query: string, byChar = true): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  const words = query.split(/\s+/).filter((w) => w.length > 0);
  for (const word of words) {
    let found = false;
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      found = true;
      mask.fill(true, at, at + word.length);
    }
    if (found || !byChar) continue;
    const chars = new Set(Array.from(word).filter((c) => /[\p{L}\p{N}]/u.test(c)));
    for (let i = 0; i < text.length; i++) if (chars.has(text.charAt(i))) mask[i] = true;
  }
  return mask;
}

/** The text with the query's words (or, failing those and with `byChar`, its characters) in `<mark>`. */
export function Highlight({ text, query, byChar = true }: { text: string; query: string; byChar?: boolean }) {
  const mask = highlightMask(text, query, byChar);
  const parts: ReactNode[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && mask[i] === mask[start]) continue;
    const run = text.slice(start, i);
    parts.push(mask[start] ? <mark key={start}>{run}</mark> : run);
    start = i;
  }
  return <>{parts}</>;
}
