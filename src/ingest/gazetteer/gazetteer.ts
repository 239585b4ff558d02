import { loadDivisions } from "./load.js";
import { deriveNames } from "./names.js";
import { NameScanner } from "./scanner.js";
import type { Division, DivisionKind, GazetteerSource, Mention, ResolveContext } from "./types.js";

/** How a surface names a division: `stem` is a bare short name (城阳), else the full name or 黔东南州. */
interface NameMatch {
  division: Division;
  stem: boolean;
}

const LEVEL: Record<DivisionKind, number> = { PROVINCE: 0, CITY: 1, DISTRICT: 2, COUNTY: 2 };

/** After a bare short name these make it part of a longer word: 青岛港, 胶州湾, 郑州大学, 重庆南路. */
const WORD_CONTINUATION = /^(?:[东西南北中]?(?:路|街|大道|大街|巷)|大学|学院|中学|小学|银行|集团|公司|港|湾|站|机场|号)/;

function isCountyLevel(d: Division): boolean {
  return LEVEL[d.kind] === 2;
}

/** One division when the matches leave one, else the single one at the highest level (吉林省 over 吉林市). */
function pickOne(matches: readonly NameMatch[]): Division | undefined {
  const divisions = [...new Set(matches.map((m) => m.division))];
  if (divisions.length <= 1) return divisions[0];
  const top = Math.min(...divisions.map((d) => LEVEL[d.kind]));
  const atTop = divisions.filter((d) => LEVEL[d.kind] === top);
  return atTop.length === 1 ? atTop[0] : undefined;
}

/** China's administrative divisions down to the county level, with name resolution and mention finding. */
export class Gazetteer {
  private static cached: Gazetteer | undefined;

  /** The package's gazetteer, read once. */
  static load(): Gazetteer {
    if (!Gazetteer.cached) {
      const { divisions, source } = loadDivisions();
      Gazetteer.cached = new Gazetteer(divisions, source);
    }
    return Gazetteer.cached;
  }

  readonly size: number;
  private readonly codes = new Map<string, Division>();
  private readonly names = new Map<string, NameMatch[]>();
  private readonly fullNames = new Map<string, Division[]>();
  private readonly paths = new Map<string, Division>();
  private readonly scanner: NameScanner;

  constructor(
    private readonly divisions: readonly Division[],
    readonly source: GazetteerSource,
  ) {
    this.size = divisions.length;
    for (const d of divisions) this.codes.set(d.code, d);
    for (const d of divisions) this.indexNames(d);
    for (const d of divisions) this.paths.set(this.path(d.code) ?? "", d);
    this.scanner = new NameScanner(new Set(this.names.keys()));
  }

  private indexNames(d: Division): void {
    this.fullNames.set(d.name, [...(this.fullNames.get(d.name) ?? []), d]);
    this.addName(d.name, { division: d, stem: false });
    const { aliases } = deriveNames(d.name, d.kind);
    for (const short of d.shortNames) this.addName(short, { division: d, stem: !aliases.includes(short) });
  }

  private addName(surface: string, match: NameMatch): void {
    const list = this.names.get(surface) ?? [];
    list.push(match);
    this.names.set(surface, list);
  }

  all(): readonly Division[] {
    return this.divisions;
  }

  byCode(code: string): Division | undefined {
    return this.codes.get(code);
  }

  parent(code: string): Division | undefined {
    const parentCode = this.codes.get(code)?.parentCode;
    return parentCode ? this.codes.get(parentCode) : undefined;
  }

  /** Parent first, up to the province. */
  ancestors(code: string): Division[] {
    const chain: Division[] = [];
    for (let p = this.parent(code); p; p = this.parent(p.code)) chain.push(p);
    return chain;
  }

  /** 四川省/绵阳市/涪城区 */
  path(code: string): string | undefined {
    const d = this.codes.get(code);
    if (!d) return undefined;
    return [...this.ancestors(code).reverse(), d].map((x) => x.name).join("/");
  }

  byPath(path: string): Division | undefined {
    return this.paths.get(path);
  }

  /** Every division whose full or short name is the surface. */
  candidates(surface: string): Division[] {
    return [...new Set((this.names.get(surface) ?? []).map((m) => m.division))];
  }

  /**
   * The single division a surface denotes: candidates related to a `within` place first, else the nationwide
   * one; a county-level stem (和平, 城关) counts only inside context.
   */
  resolve(surface: string, context: ResolveContext = {}): Division | undefined {
    const matches = this.names.get(surface) ?? [];
    const within = context.within ?? [];
    // Related to the most specific frame place first: 鼓楼区 in a text about 南京市 (and so 江苏省) is Nanjing's.
    const depth = (m: NameMatch): number => Math.max(-1, ...within.filter((w) => this.inContext(m, w)).map((w) => this.ancestors(w).length));
    const best = Math.max(-1, ...matches.map(depth));
    const related = best >= 0 ? matches.filter((m) => depth(m) === best) : [];
    if (related.length > 0) return pickOne(related);
    return pickOne(matches.filter((m) => !(m.stem && isCountyLevel(m.division))));
  }

  /** Equal, descendant or ancestor; a county-level stem only as the place itself or its direct child. */
  private inContext(m: NameMatch, within: string): boolean {
    const code = m.division.code;
    // Across a whole province stems such as 惠民 (惠民政策) and 市中 (市中心) are mostly ordinary words.
    if (m.stem && isCountyLevel(m.division)) return code === within || m.division.parentCode === within;
    return code === within || this.isAncestor(code, within) || this.isAncestor(within, code);
  }

  private isAncestor(ancestor: string, code: string): boolean {
    for (let p = this.parent(code); p; p = this.parent(p.code)) if (p.code === ancestor) return true;
    return false;
  }

  /** Leftmost-longest mentions of names that resolve; a stem inside a longer word (青岛港) is none. */
  findMentions(text: string, context: ResolveContext = {}): Mention[] {
    const resolved = new Map<string, Division | undefined>();
    const accept = (surface: string, _start: number, end: number): Division | undefined => {
      if (!resolved.has(surface)) resolved.set(surface, this.resolve(surface, context));
      const d = resolved.get(surface);
      if (!d || (this.isStemOf(surface, d) && WORD_CONTINUATION.test(text.slice(end, end + 2)))) return undefined;
      return d;
    };
    return this.scanner.scan(text, accept).map(({ start, end, surface, value }) => ({ start, end, surface, division: value }));
  }

  private isStemOf(surface: string, d: Division): boolean {
    return (this.names.get(surface) ?? []).some((m) => m.division === d && m.stem);
  }

  /** A name for this division alone nationwide: the full name, or prefixed by ancestors (长春市朝阳区). */
  searchableName(division: Division): string {
    const namesakes = this.fullNames.get(division.name) ?? [];
    const chain = this.ancestors(division.code);
    for (let depth = 0; depth <= chain.length; depth++) {
      const name = this.qualified(division, depth);
      if (namesakes.every((o) => o === division || this.qualified(o, depth) !== name)) return name;
    }
    return this.path(division.code) ?? division.name;
  }

  private qualified(d: Division, depth: number): string {
    const prefix = this.ancestors(d.code).slice(0, depth).reverse();
    return [...prefix, d].map((x) => x.name).join("");
  }
}
