export interface Span<T> {
  start: number;
  end: number;
  surface: string;
  value: T;
}

/** Decides whether the name found at [start, end) counts, and as what. */
export type Accept<T> = (surface: string, start: number, end: number) => T | undefined;

/** A set of names indexed by first character, each with the lengths of names starting there, longest first. */
export class NameScanner {
  private readonly lengths = new Map<string, number[]>();

  constructor(private readonly names: ReadonlySet<string>) {
    for (const name of names) this.addLength(name);
    for (const list of this.lengths.values()) list.sort((a, b) => b - a);
  }

  private addLength(name: string): void {
    const first = name.charAt(0);
    const list = this.lengths.get(first) ?? [];
    if (!list.includes(name.length)) list.push(name.length);
    this.lengths.set(first, list);
  }

  /** Leftmost-longest, non-overlapping spans of names that `accept` takes; one pass over the text. */
  scan<T>(text: string, accept: Accept<T>): Span<T>[] {
    const spans: Span<T>[] = [];
    let i = 0;
    while (i < text.length) {
      const end = this.longestAt(text, i);
      if (end === undefined) {
        i++;
        continue;
      }
      const surface = text.slice(i, end);
      const value = accept(surface, i, end);
      if (value !== undefined) spans.push({ start: i, end, surface, value });
      // The longest name here is the word, taken or not: 朝阳区 left ambiguous is not 朝阳, 山东港口 has no 东港.
      i = end;
    }
    return spans;
  }

  /** End of the longest name starting at `start`. */
  private longestAt(text: string, start: number): number | undefined {
    for (const length of this.lengths.get(text.charAt(start)) ?? []) {
      const end = start + length;
      if (end <= text.length && this.names.has(text.slice(start, end))) return end;
    }
    return undefined;
  }
}
