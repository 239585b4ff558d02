/** Every deep link of the app, built in one place so pages link to each other the same way. */
const enc = encodeURIComponent;

export interface SourceLink {
  document: string;
  start?: number;
  end?: number;
  passage?: string;
  fact?: string;
}

export const routes = {
  home: () => "/",
  search: (q: string, kinds: readonly string[] = []) => `/?q=${enc(q)}${kinds.length > 0 ? `&kinds=${kinds.join(",")}` : ""}`,
  entity: (id: string) => `/entity/${enc(id)}`,
  entityByName: (name: string) => `/name/${enc(name)}`,
  graph: (id: string) => `/graph/${enc(id)}`,
  observation: (id: string) => `/observation/${enc(id)}`,
  source: (link: SourceLink) => {
    const q = new URLSearchParams();
    if (link.start !== undefined) q.set("start", String(link.start));
    if (link.end !== undefined) q.set("end", String(link.end));
    if (link.passage) q.set("passage", link.passage);
    if (link.fact) q.set("fact", link.fact);
    const s = q.toString();
    return `/doc/${enc(link.document)}${s ? `?${s}` : ""}`;
  },
  targets: (subject: string, year: number) => `/targets/${enc(subject)}/${year}`,
  compare: (indicator: string, period: number, kind?: string) => `/compare?indicator=${enc(indicator)}&period=${period}${kind ? `&kind=${kind}` : ""}`,
  series: (subject: string, indicator: string) => `/series?subject=${enc(subject)}&indicator=${enc(indicator)}`,
  curate: () => "/curate",
};

/** A route parameter as written in the link: wouter leaves it percent-encoded; a malformed escape stays as typed. */
export function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
