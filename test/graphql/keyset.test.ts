import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { encodeCursor } from "../../src/translate/cursor.js";
import { data, execute } from "../helpers/graphql.js";
import { testDatabase, testScope } from "../helpers/neo4j.js";

const { driver, executor } = testDatabase();
const scope = testScope();
const name = `keyset-${scope}`;
const zoneId = `zone:${name}`;
const districtId = `district:${name}`;

interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: T }>;
}

const PAGE = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node";

/** Observations of the zone: several per (period, kind), so only the id orders them within one. */
const OBSERVATIONS = [2023, 2021, 2022].flatMap((period) =>
  ["TARGET", "ACTUAL"].flatMap((kind) => [3, 1, 2].map((n) => ({ id: `observation:${name}:${period}-${kind}-${n}`, period, kind }))),
);
/** About both the zone and the district of the same name: a root list by that name holds it once. */
const SHARED = { id: `observation:${name}:shared`, period: 2022, kind: "TARGET" };

/** Mentions of the zone as [passage index, start, end]: equal spans in two passages of one document, and one span cited twice. */
const PASSAGES = [
  { n: 0, doc: "a", start: 0 },
  { n: 1, doc: "a", start: 0 },
  { n: 2, doc: "b", start: 0 },
];
const MENTIONS: Array<[number, number, number]> = [
  [2, 1, 3],
  [0, 5, 9],
  [1, 5, 9],
  [1, 5, 9],
  [0, 5, 12],
  [2, 0, 3],
  [0, 20, 24],
  [2, 1, 2],
  [1, 2, 4],
];

beforeAll(async () => {
  await executor.write(
    cypher(
      `CREATE (z:Entity:Zone:TestNode {id: $zoneId, kind: 'ZONE', name: $name, aliases: [], searchText: $name, method: 'RULE', scope: $scope})
       CREATE (d:Entity:District:TestNode {id: $districtId, kind: 'DISTRICT', name: $name, aliases: [], searchText: $name, method: 'RULE', scope: $scope})
       WITH z, d
       UNWIND $observations AS row
       CREATE (o:Observation:TestNode {id: row.id, period: toInteger(row.period), kind: row.kind, value: 1.0, unit: '个', scope: $scope})-[:ABOUT]->(z)
       WITH z, d, o WHERE o.id = $shared
       CREATE (o)-[:ABOUT]->(d)`,
      { zoneId, districtId, name, scope, observations: [...OBSERVATIONS, SHARED], shared: SHARED.id },
    ),
  );
  await executor.write(
    cypher(
      `MATCH (z:Entity {id: $zoneId})
       UNWIND $passages AS row
       CREATE (p:Passage:TestNode {id: $name + ':p' + toInteger(row.n), documentId: $name + '-' + row.doc, start: toInteger(row.start), end: 100, index: toInteger(row.n), scope: $scope})
       WITH z, collect(p) AS passages
       UNWIND range(0, size($mentions) - 1) AS i
       WITH z, passages, i, $mentions[i] AS m
       WITH z, passages[toInteger(m[0])] AS p, i, m
       CREATE (z)-[:CITED_IN {start: toInteger(m[1]), end: toInteger(m[2]), quote: 'q' + i, method: 'RULE'}]->(p)`,
      { zoneId, name, scope, passages: PASSAGES, mentions: MENTIONS },
    ),
  );
});

afterAll(async () => {
  await executor.write(cypher("MATCH (n:TestNode {scope: $scope}) DETACH DELETE n", { scope }));
  await driver.close();
});

/**
 * Follows endCursor from the first page to the last, `first` at a time, checking each page's
 * pageInfo against its edges; returns every node in the order the pages gave them.
 */
async function walk<T>(
  query: string,
  variables: Record<string, unknown>,
  connection: (d: Record<string, unknown>) => Connection<T>,
  first: number,
): Promise<{ nodes: T[]; cursors: string[]; totalCount: number }> {
  const nodes: T[] = [];
  const cursors: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 500; pages++) {
    const page: Connection<T> = connection(await data(executor, query, { ...variables, first, after }));
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    nodes.push(...page.edges.map((e) => e.node));
    cursors.push(...page.edges.map((e) => e.cursor));
    if (!page.pageInfo.hasNextPage) return { nodes, cursors, totalCount: page.totalCount };
    expect(page.edges).toHaveLength(first);
    after = page.pageInfo.endCursor;
  }
  throw new Error("the pages did not end");
}

const observationsQuery = (newestFirst: boolean) =>
  `query ($id: String!, $first: Int, $after: String) { entity(name: $id) { observations(newestFirst: ${newestFirst}, first: $first, after: $after) { ${PAGE} { id period kind } } } } }`;
const entityObservations = (d: Record<string, unknown>) => (d as { entity: { observations: Connection<Observation> } }).entity.observations;
const mentionsQuery = `query ($id: String!, $first: Int, $after: String) { entity(name: $id) { mentions(first: $first, after: $after) { ${PAGE} { quote start end passage { id } } } } } }`;
const entityMentions = (d: Record<string, unknown>) => (d as { entity: { mentions: Connection<Mention> } }).entity.mentions;

interface Observation {
  id: string;
  period: number;
  kind: string;
}
interface Mention {
  quote: string;
  start: number;
  end: number;
  passage: { id: string };
}

describe("keyset cursors: every page after the last one's end, no item twice or left out", () => {
  it("walks an entity's observations oldest and newest first, ties of period and kind settled by id", async () => {
    const expected = async (order: string) =>
      (
        await executor.read<{ id: string }>(cypher(`MATCH (:Entity {id: $zoneId})<-[:ABOUT]-(o:Observation) RETURN o.id AS id ORDER BY ${order}`, { zoneId }))
      ).map((r) => r.id);
    const oldest = await expected("o.period, o.kind, o.id");
    const newest = await expected("o.period DESC, o.kind, o.id");
    expect(oldest).toHaveLength(OBSERVATIONS.length + 1);
    expect(newest).not.toEqual(oldest);
    for (const first of [1, 4, 100]) {
      const up = await walk(observationsQuery(false), { id: zoneId }, entityObservations, first);
      expect(up.nodes.map((o) => o.id)).toEqual(oldest);
      expect(new Set(up.cursors).size).toBe(oldest.length);
      const down = await walk(observationsQuery(true), { id: zoneId }, entityObservations, first);
      expect(down.nodes.map((o) => o.id)).toEqual(newest);
      expect(down.totalCount).toBe(newest.length);
    }
  });

  it("walks a root observation list by a name two entities share, listing an observation about both once", async () => {
    const query = `query ($name: String!, $first: Int, $after: String) { observations(filter: { subject: $name }, first: $first, after: $after) { ${PAGE} { id period kind } } } }`;
    const root = (d: Record<string, unknown>) => (d as { observations: Connection<Observation> }).observations;
    const ids = [...OBSERVATIONS, SHARED]
      .sort((a, b) => a.period - b.period || a.kind.localeCompare(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((o) => o.id);
    for (const first of [1, 4, 7]) {
      const walked = await walk(query, { name }, root, first);
      expect(walked.nodes.map((o) => o.id)).toEqual(ids);
      expect(walked.totalCount).toBe(ids.length);
    }
  });

  it("walks an entity's mentions in document order, equal spans (even one span cited twice) settled by the relationship", async () => {
    const expected = (
      await executor.read<{ quote: string }>(
        cypher("MATCH (:Entity {id: $zoneId})-[c:CITED_IN]->(p:Passage) RETURN c.quote AS quote ORDER BY p.documentId, c.start, c.end, elementId(c)", {
          zoneId,
        }),
      )
    ).map((r) => r.quote);
    expect(new Set(expected).size).toBe(MENTIONS.length);
    for (const first of [1, 2, 3, 5, 100]) {
      const walked = await walk(mentionsQuery, { id: zoneId }, entityMentions, first);
      expect(walked.nodes.map((m) => m.quote)).toEqual(expected);
      expect(new Set(walked.cursors).size).toBe(MENTIONS.length);
      const keys = walked.nodes.map((m) => [m.passage.id.endsWith(":p2") ? "b" : "a", m.start, m.end] as const);
      expect(keys).toEqual([...keys].sort((x, y) => x[0].localeCompare(y[0]) || x[1] - y[1] || x[2] - y[2]));
    }
  });

  it("walks the entities of a kind in id order while other files may add entities beside them", async () => {
    const query = `query ($first: Int, $after: String) { entities(kind: ZONE, first: $first, after: $after) { ${PAGE} { id } } } }`;
    const zones = async () => (await executor.read<{ id: string }>(cypher("MATCH (e:Entity) WHERE e.kind = 'ZONE' RETURN e.id AS id"))).map((r) => r.id);
    const before = new Set(await zones());
    for (const first of [1, 4, 7]) {
      const walked = await walk(query, {}, (d) => (d as { entities: Connection<{ id: string }> }).entities, first);
      const ids = walked.nodes.map((n) => n.id);
      // Strictly increasing: in order, and no id twice.
      expect(ids.every((id, i) => i === 0 || (ids[i - 1] as string) < id)).toBe(true);
      const throughout = [...(await zones())].filter((id) => before.has(id));
      expect(throughout).toContain(zoneId);
      expect(ids).toEqual(expect.arrayContaining(throughout));
    }
  });

  it("gives pageInfo alone the same cursors as a page with edges", async () => {
    const first = (await data<{ entities: Connection<{ id: string }> }>(executor, `{ entities(kind: ZONE, first: 3) { ${PAGE} { id } } } }`)).entities;
    const alone = (
      await data<{ entities: { pageInfo: Connection<unknown>["pageInfo"] } }>(
        executor,
        `{ entities(kind: ZONE, first: 3) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      )
    ).entities;
    expect(alone.pageInfo).toEqual(first.pageInfo);
    const next = (
      await data<{ entity: { observations: { pageInfo: Connection<unknown>["pageInfo"] } } }>(
        executor,
        `query ($id: String!, $after: String) { entity(name: $id) { observations(first: 2, after: $after) { pageInfo { hasPreviousPage endCursor } } } }`,
        { id: zoneId, after: null },
      )
    ).entity.observations.pageInfo;
    const withEdges = entityObservations(await data(executor, observationsQuery(false), { id: zoneId, first: 2, after: null }));
    expect(next).toEqual({ hasPreviousPage: false, endCursor: withEdges.pageInfo.endCursor });
  });

  it("still pages by an offset cursor given out before, and continues from its page by keyset", async () => {
    const all = entityMentions(await data(executor, mentionsQuery, { id: zoneId, first: 100, after: null })).edges.map((e) => e.node.quote);
    const third = entityMentions(await data(executor, mentionsQuery, { id: zoneId, first: 3, after: encodeCursor(2) }));
    expect(third.edges.map((e) => e.node.quote)).toEqual(all.slice(3, 6));
    expect(third.pageInfo.hasPreviousPage).toBe(true);
    expect(Buffer.from(third.pageInfo.endCursor ?? "", "base64url").toString("utf8")).toMatch(/^key:\["mentions",/u);
    const fourth = entityMentions(await data(executor, mentionsQuery, { id: zoneId, first: 3, after: third.pageInfo.endCursor }));
    expect(fourth.edges.map((e) => e.node.quote)).toEqual(all.slice(6, 9));
  });

  it("refuses another list's cursor and a garbled one as BAD_USER_INPUT on `after`, before any query", async () => {
    const mentions = entityMentions(await data(executor, mentionsQuery, { id: zoneId, first: 2, after: null }));
    const observations = entityObservations(await data(executor, observationsQuery(false), { id: zoneId, first: 2, after: null }));
    const zones = (await data<{ entities: Connection<{ id: string }> }>(executor, `{ entities(kind: ZONE, first: 2) { ${PAGE} { id } } } }`)).entities;
    const mentionCursor = mentions.pageInfo.endCursor as string;
    const garbled = `${mentionCursor.slice(0, 10)}${mentionCursor.slice(11)}`;
    const seen: string[] = [];
    const off = executor.onQuery((q) => seen.push(q.cypher));
    for (const [query, variables] of [
      [observationsQuery(false), { id: zoneId, first: 2, after: mentionCursor }],
      [observationsQuery(true), { id: zoneId, first: 2, after: observations.pageInfo.endCursor }],
      [mentionsQuery, { id: zoneId, first: 2, after: zones.pageInfo.endCursor }],
      [`query ($after: String) { entities(kind: PROJECT, after: $after) { totalCount } }`, { after: zones.pageInfo.endCursor }],
      [`query ($after: String) { documents(after: $after) { totalCount } }`, { after: zones.pageInfo.endCursor }],
      [mentionsQuery, { id: zoneId, first: 2, after: garbled }],
      [mentionsQuery, { id: zoneId, first: 2, after: `${mentionCursor}x` }],
    ] as const) {
      const result = await execute(executor, query, variables);
      expect(result.errors?.map((e) => [e.extensions.code, e.extensions.argument, e.message])).toEqual([
        ["BAD_USER_INPUT", "after", expect.stringMatching(/is (a cursor of another list|not a cursor this API gave out)/u)],
      ]);
    }
    off();
    // A root field is one statement, refused while it is written: nothing reached the database.
    expect(seen).toEqual([]);
  });
});
