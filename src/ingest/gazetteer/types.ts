export type DivisionKind = "PROVINCE" | "CITY" | "DISTRICT" | "COUNTY";

/** One administrative division (GB/T 2260), above the township level. */
export interface Division {
  /** Six digits, e.g. 370214. */
  code: string;
  /** Full official name, e.g. 城阳区. */
  name: string;
  kind: DivisionKind;
  /** The province or prefecture above it; municipalities' and 省直辖 divisions hang under the province. */
  parentCode: string | null;
  /** Bare stems first (黔东南), then suffixed forms (黔东南州); never one character. */
  shortNames: string[];
}

export interface GazetteerSource {
  package: string;
  version: string;
}

export interface ResolveContext {
  /** Codes of places the document is known to be about: its subject, their ancestors, places resolved in it. */
  within?: readonly string[];
}

export interface Mention {
  start: number;
  end: number;
  surface: string;
  division: Division;
}
