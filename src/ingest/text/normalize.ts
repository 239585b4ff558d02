import { Converter } from "opencc-js/t2cn";

/**
 * Normalizations of a passage for matching only (full-width → half-width, traditional →
 * simplified), each with a map from every output code unit to the input run it came from.
 */
export interface Mapped {
  text: string;
  /** from[i], to[i]: the input range [from, to) that output code unit i came from. */
  from: number[];
  to: number[];
}

const toCn = Converter({ from: "t", to: "cn" });
const FOLDED_SYMBOLS = new Set(["％", "．", "＋", "－", "／"]);
const HAN_RUN = /\p{Script=Han}+/gu;

/** Full-width ASCII digits, letters and ％．＋－／ as half-width; Chinese punctuation (，。：“”) stays. */
export function foldWidth(text: string): string {
  let out = "";
  for (const ch of text) out += foldChar(ch);
  return out;
}

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  const alnum = (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
  return alnum || FOLDED_SYMBOLS.has(ch) ? String.fromCharCode(code - 0xfee0) : ch;
}

/** Folded and simplified text, for tests on shape where offsets are not needed. */
export function normalize(text: string): string {
  return toCn(foldWidth(text));
}

/** Each run of Han characters converted to simplified script (t → cn), with its map. */
export function simplify(text: string): Mapped {
  if (toCn(text) === text) return identity(text);
  const out: Mapped = { text: "", from: [], to: [] };
  let last = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    append(out, identity(text.slice(last, m.index)), last);
    append(out, alignRun(m[0], toCn(m[0])), m.index);
    last = m.index + m[0].length;
  }
  append(out, identity(text.slice(last)), last);
  return out;
}

function identity(text: string): Mapped {
  const from = Array.from(text, (_, i) => i);
  return { text, from, to: from.map((i) => i + 1) };
}

function append(out: Mapped, part: Mapped, offset: number): void {
  out.text += part.text;
  for (let i = 0; i < part.text.length; i++) {
    out.from.push((part.from[i] as number) + offset);
    out.to.push((part.to[i] as number) + offset);
  }
}

/**
 * Maps `target` (a conversion of `source`) back onto it: character by character when both have
 * as many characters, else the unchanged ends exactly and the changed middle to its whole source run.
 */
export function alignRun(source: string, target: string): Mapped {
  if (source === target) return identity(source);
  const src = unitRanges(source);
  const tgt = unitRanges(target);
  const pairs = src.length === tgt.length ? tgt.map((t, k) => [t, src[k] as Range] as const) : changedRunPairs(source, target, src, tgt);
  const out: Mapped = { text: target, from: [], to: [] };
  for (const [t, s] of pairs) {
    for (let u = t[0]; u < t[1]; u++) {
      out.from[u] = s[0];
      out.to[u] = s[1];
    }
  }
  return out;
}

type Range = readonly [number, number];

/** Code unit range of each code point (a character outside the BMP takes two units). */
function unitRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let at = 0;
  for (const ch of text) {
    ranges.push([at, at + ch.length]);
    at += ch.length;
  }
  return ranges;
}

function changedRunPairs(source: string, target: string, src: Range[], tgt: Range[]): Array<readonly [Range, Range]> {
  const s = [...source];
  const t = [...target];
  const same = (a: string | undefined, b: string | undefined): boolean => a !== undefined && (a === b || toCn(a) === b);
  let head = 0;
  while (head < Math.min(s.length, t.length) && same(s[head], t[head])) head += 1;
  let tail = 0;
  while (tail < Math.min(s.length, t.length) - head && same(s[s.length - 1 - tail], t[t.length - 1 - tail])) tail += 1;
  const pairs: Array<readonly [Range, Range]> = [];
  for (let k = 0; k < head; k++) pairs.push([tgt[k] as Range, src[k] as Range]);
  const middle: Range = [src[head]?.[0] ?? source.length, src[s.length - tail - 1]?.[1] ?? source.length];
  for (let k = head; k < t.length - tail; k++) pairs.push([tgt[k] as Range, middle]);
  for (let k = 1; k <= tail; k++) pairs.push([tgt[t.length - k] as Range, src[s.length - k] as Range]);
  return pairs;
}
