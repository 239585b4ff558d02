import { cypher } from "../../src/db/cypher-query.js";
import type { Executor } from "../../src/db/executor.js";
import { post } from "./clients.js";
import { summarize } from "./stats.js";

/**
 * Issue 13: page 500 of a list against page 1, over HTTP against our API (its response cache off:
 * a cached page would time the cache). The cursor of page N is got the way a frontend gets it, by
 * following `endCursor`s (100 items a request); page 1 and page N are then timed alternately.
 */

/** What the deep lists are about: the kind with the most entities, the entities with the most observations and mentions. */
export interface DeepPagePicks {
  kind: string;
  /** An entity (id or name) with many observations. */
  observationsOf: string;
  /** An entity (id or name) with many mentions. */
  mentionsOf: string;
}

export interface DeepPageResult {
  operation: string;
  /** Items in the whole list (its totalCount). */
  items: number;
  pageSize: number;
  page1P50: number;
  pageNP50: number;
  /** The page timed against page 1: the one asked for, or the deepest the list has. */
  pageN: number;
  /** pageNP50 / page1P50. */
  ratio: number;
}

export interface DeepPageOptions {
  /** The deep page to time (default 500). */
  page?: number;
  /** Items per page (default 20). */
  pageSize?: number;
  warmup?: number;
  rounds?: number;
}

interface Page {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string }>;
}

interface DeepList {
  operation: string;
  /** Variables $first, $after and $total (whether to count the whole list), plus `variables`. */
  query: string;
  variables: (p: DeepPagePicks) => Record<string, unknown>;
  connection: (data: unknown) => Page;
}

// The whole list is counted once, to find its deepest page; the timed pages read only themselves.
const PAGE_FIELDS = "totalCount @include(if: $total) pageInfo { hasNextPage endCursor }";

/** The connection at `path` of a response's data; a missing step fails the measurement. */
function at(path: readonly string[]): (data: unknown) => Page {
  return (data) => {
    let value: unknown = data;
    for (const step of path) {
      if (typeof value !== "object" || value === null || !(step in value)) throw new Error(`the answer has no ${path.join(".")}`);
      value = (value as Record<string, unknown>)[step];
    }
    return value as Page;
  };
}

export const DEEP_LISTS: DeepList[] = [
  {
    operation: "entitiesOfKind",
    query: `query DeepEntities($kind: EntityKind!, $first: Int!, $after: String, $total: Boolean!) {
  entities(kind: $kind, first: $first, after: $after) { ${PAGE_FIELDS} edges { cursor node { id name } } }
}`,
    variables: (p) => ({ kind: p.kind }),
    connection: at(["entities"]),
  },
  {
    operation: "allEntities",
    query: `query DeepAllEntities($first: Int!, $after: String, $total: Boolean!) {
  entities(first: $first, after: $after) { ${PAGE_FIELDS} edges { cursor node { id name } } }
}`,
    variables: () => ({}),
    connection: at(["entities"]),
  },
  {
    operation: "entityObservations",
    query: `query DeepObservations($name: String!, $first: Int!, $after: String, $total: Boolean!) {
  entity(name: $name) { observations(first: $first, after: $after) { ${PAGE_FIELDS} edges { cursor node { id period kind value unit } } } }
}`,
    variables: (p) => ({ name: p.observationsOf }),
    connection: at(["entity", "observations"]),
  },
  {
    operation: "observationsOfIndicator",
    query: `query DeepRootObservations($name: String!, $first: Int!, $after: String, $total: Boolean!) {
  observations(filter: { indicator: $name }, first: $first, after: $after) { ${PAGE_FIELDS} edges { cursor node { id period kind value unit } } }
}`,
    variables: (p) => ({ name: p.observationsOf }),
    connection: at(["observations"]),
  },
  {
    operation: "entityMentions",
    query: `query DeepMentions($name: String!, $first: Int!, $after: String, $total: Boolean!) {
  entity(name: $name) { mentions(first: $first, after: $after) { ${PAGE_FIELDS} edges { cursor node { quote start end } } } }
}`,
    variables: (p) => ({ name: p.mentionsOf }),
    connection: at(["entity", "mentions"]),
  },
];

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The `after` that starts page `n` (null for page 1), by following cursors through the first (n-1)·pageSize items. */
export async function cursorOfPage(baseUrl: string, list: DeepList, vars: Record<string, unknown>, n: number, pageSize: number): Promise<string | null> {
  let after: string | null = null;
  let remaining = (n - 1) * pageSize;
  while (remaining > 0) {
    const first = Math.min(100, remaining);
    const page = list.connection(await post(baseUrl, list.query, { ...vars, first, after, total: false }));
    const last = page.edges[first - 1];
    if (!last) throw new Error(`${list.operation}: the list ended ${remaining} items before page ${n}`);
    after = last.cursor;
    remaining -= first;
  }
  return after;
}

/** Page 1 against page `page` (or the deepest page) of each deep list, p50 over `rounds` alternating requests. */
export async function deepPages(baseUrl: string, picks: DeepPagePicks, options: DeepPageOptions = {}): Promise<DeepPageResult[]> {
  const pageSize = options.pageSize ?? 20;
  const warmup = options.warmup ?? 3;
  const rounds = options.rounds ?? 15;
  const results: DeepPageResult[] = [];
  for (const list of DEEP_LISTS) {
    const vars = list.variables(picks);
    const items = list.connection(await post(baseUrl, list.query, { ...vars, first: 0, after: null, total: true })).totalCount ?? 0;
    const pageN = Math.max(1, Math.min(options.page ?? 500, Math.ceil(items / pageSize)));
    const afterN = await cursorOfPage(baseUrl, list, vars, pageN, pageSize);
    const samples: Record<"page1" | "pageN", number[]> = { page1: [], pageN: [] };
    for (let i = 0; i < warmup + rounds; i++) {
      for (const [which, after] of [
        ["page1", null],
        ["pageN", afterN],
      ] as const) {
        const started = performance.now();
        const page = list.connection(await post(baseUrl, list.query, { ...vars, first: pageSize, after, total: false }));
        const elapsed = performance.now() - started;
        if (page.edges.length === 0) throw new Error(`${list.operation}: ${which} came back empty`);
        if (i >= warmup) samples[which].push(elapsed);
      }
    }
    const page1P50 = summarize(samples.page1).p50;
    const pageNP50 = summarize(samples.pageN).p50;
    results.push({ operation: list.operation, items, pageSize, page1P50, pageNP50, pageN, ratio: round2(pageNP50 / page1P50) });
  }
  return results;
}

/** Picks for a loaded graph: the kind with the most entities, the entities with the most observations and the most mentions. */
export async function deepPagePicks(executor: Executor): Promise<DeepPagePicks> {
  const [row] = await executor.read<{ kind: string | null; observationsOf: string | null; mentionsOf: string | null }>(
    cypher(`
CALL () { MATCH (e:Entity) RETURN e.kind AS kind, count(*) AS n ORDER BY n DESC, kind LIMIT 1 }
CALL () { MATCH (e:Entity) RETURN e.id AS observationsOf ORDER BY COUNT { (e)<-[:ABOUT|OF_INDICATOR]-(:Observation) } DESC, e.id LIMIT 1 }
CALL () { MATCH (e:Entity) RETURN e.id AS mentionsOf ORDER BY COUNT { (e)-[:CITED_IN]->(:Passage) } DESC, e.id LIMIT 1 }
RETURN kind, observationsOf, mentionsOf`),
  );
  if (!row?.kind || !row.observationsOf || !row.mentionsOf) throw new Error("the graph has no entities to page through");
  return { kind: row.kind, observationsOf: row.observationsOf, mentionsOf: row.mentionsOf };
}
