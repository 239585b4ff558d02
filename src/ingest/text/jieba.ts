import { cut } from "jieba-wasm";

/**
 * True when a dictionary word runs across the join of `left` and `right` with a single character
 * on one side (综合保|险, 人工智|能): the sign of a word cut by a line break, not of two phrases.
 * With `anySplit`, any cut counts (基础|设施), for lines already known to be one paragraph.
 */
export function wordCrossesJoin(left: string, right: string, { anySplit = false } = {}): boolean {
  const tail = left.slice(-4);
  const head = right.slice(0, 4);
  let offset = 0;
  for (const word of cut(tail + head, false)) {
    const start = offset;
    const end = offset + word.length;
    offset = end;
    if (start < tail.length && end > tail.length) {
      const before = tail.length - start;
      const after = end - tail.length;
      return /^[\p{Script=Han}]+$/u.test(word) && (anySplit || before === 1 || after === 1);
    }
  }
  return false;
}
