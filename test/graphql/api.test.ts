import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { PROJECT_ROOT } from "../../src/neo4j/paths.js";
import { data, execute } from "../helpers/graphql.js";
import { testDatabase } from "../helpers/neo4j.js";

const { driver, executor } = testDatabase();
afterAll(() => driver.close());

interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: T }>;
}

describe("the GraphQL API over the corpus graph", () => {
  it("finds an entity by any alias, with its typed relation fields", async () => {
    const result = await data<{ entity: { __typename: string; name: string; zones: Array<{ name: string }>; city: { name: string } } }>(
      executor,
      `{ entity(name: "市北") { __typename name ... on District { zones { name } city { name } } } }`,
    );
    expect(result.entity.__typename).toBe("District");
    expect(result.entity.name).toBe("市北区");
    expect(result.entity.city.name).toBe("青岛市");
    expect(result.entity.zones.map((z) => z.name)).toEqual(
      expect.arrayContaining(["邮轮港区", "历史城区", "老四方工业区", "中央商务区", "台东步行街", "人民路片区"]),
    );
    expect((await data<{ entity: null }>(executor, `{ entity(name: "不存在的地方") { name } }`)).entity).toBeNull();
  });

  it("walks nested relation fields to the right nodes (project → zone → district → city → province)", async () => {
    const result = await data<{ entity: { zone: { name: string; district: { name: string; city: { name: string; province: { name: string } } } } } }>(
      executor,
      `{ entity(name: "浮岛公园", kind: PROJECT) { ... on Project { zone { name district { name city { name province { name } } } } } } }`,
    );
    // Other files may add rule-found links meanwhile; the reviewed link is the one a single-valued field follows.
    const rows = await executor.read<{ zone: string; district: string }>(
      cypher(
        "MATCH (:Project {name: '浮岛公园'})-[:LOCATED_IN]->(z:Zone)-[r:PART_OF]->(d:District) WHERE r.method = 'CURATED' RETURN z.name AS zone, d.name AS district",
      ),
    );
    expect(rows).toEqual([{ zone: "历史城区", district: "市北区" }]);
    expect(result.entity.zone).toEqual({ name: "历史城区", district: { name: "市北区", city: { name: "青岛市", province: { name: "山东省" } } } });
  });

  it("cites every relationship and mention with quotes that are the document text at their offsets", async () => {
    type Cited = { quote: string; start: number; end: number; document: { text: string } };
    const result = await data<{ entity: { relations: { edges: Array<{ citations: Cited[] }> }; mentions: Connection<Cited> } }>(
      executor,
      `{ entity(name: "邮轮港区") {
          relations(first: 10) { edges { type direction node { name } citations { quote start end document { text } } } }
          mentions(first: 10) { totalCount edges { node { quote start end document { text } } } }
      } }`,
    );
    const citations = [...result.entity.relations.edges.flatMap((e) => e.citations), ...result.entity.mentions.edges.map((e) => e.node)];
    expect(citations.length).toBeGreaterThan(10);
    for (const c of citations) expect(c.document.text.slice(c.start, c.end)).toBe(c.quote);
  });

  it("pages with Relay cursors in a stable order", async () => {
    const query = `query ($after: String) { entities(kind: ZONE, first: 5, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }`;
    const first = (await data<{ entities: Connection<{ id: string }> }>(executor, query)).entities;
    const second = (await data<{ entities: Connection<{ id: string }> }>(executor, query, { after: first.pageInfo.endCursor })).entities;
    expect(first.edges).toHaveLength(5);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    const ids = [...first.edges, ...second.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    expect(first.totalCount).toBe(second.totalCount);
  });

  it("lists observations by subject alias, year and kind, one fact however often it is stated", async () => {
    const result = await data<{
      observations: Connection<{ value: number; unit: string; indicator: { name: string }; citations: Array<{ document: { id: string } }> }>;
    }>(
      executor,
      `{ observations(filter: { subject: "市北", period: 2023, kind: TARGET, indicator: "GDP" }) { totalCount edges { node { value unit indicator { name } citations { document { id } } } } } }`,
    );
    expect(result.observations.totalCount).toBe(1);
    const gdp = result.observations.edges[0]?.node;
    expect(gdp).toMatchObject({ value: 5.5, unit: "%", indicator: { name: "地区生产总值" } });
    expect(new Set(gdp?.citations.map((c) => c.document.id))).toEqual(new Set(["000_44ac3f7d2d8bc0f5", "004_ee312a2f878f1b90"]));
  });

  it("puts each 2023 target beside the 2023 result and says whether it was met", async () => {
    const result = await data<{
      targetAttainment: Array<{ indicator: { name: string }; target: { value: number }; actual: { value: number } | null; met: boolean | null }>;
    }>(executor, `{ targetAttainment(subject: "市北区", period: 2023) { indicator { name } target { value } actual { value } met } }`);
    const hightech = result.targetAttainment.find((a) => a.indicator.name === "新认定高新技术企业");
    expect(hightech).toEqual({ indicator: { name: "新认定高新技术企业" }, target: { value: 50 }, actual: { value: 55 }, met: true });
    expect(result.targetAttainment.find((a) => a.indicator.name === "地区生产总值")).toMatchObject({ actual: null, met: null });
    const unknown = await execute(executor, `{ targetAttainment(subject: "火星区", period: 2023) { met } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("compares one indicator across subjects in one statement, matching the filtered observations", async () => {
    type Row = { id: string; period: number; kind: string; indicator: { name: string }; subject: { name: string } };
    const result = await data<{ compare: Row[]; observations: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
      executor,
      `{ compare(indicator: "地区生产总值", period: 2023, kind: TARGET) { id period kind indicator { name } subject { name } }
         observations(filter: { indicator: "地区生产总值", period: 2023, kind: TARGET }, first: 100) { totalCount edges { node { id } } } }`,
    );
    expect(result.compare.length).toBeGreaterThan(1);
    expect(new Set(result.compare.map((o) => o.subject.name)).size).toBeGreaterThan(1);
    expect(result.compare.map((o) => o.id).sort()).toEqual(result.observations.edges.map((e) => e.node.id).sort());
    for (const o of result.compare) expect(o).toMatchObject({ period: 2023, kind: "TARGET", indicator: { name: "地区生产总值" } });
    const names = result.compare.map((o) => o.subject.name);
    expect(names).toEqual([...names].sort());
  });

  it("lists the years an entity's figures refer to, newest first, of one kind when asked", async () => {
    const result = await data<{
      place: { all: number[]; targets: number[] };
      indicator: { periods: number[] };
      listed: { totalCount: number; edges: Array<{ node: { period: number } }> };
    }>(
      executor,
      `{ place: entity(name: "市北区") { all: periods targets: periods(kind: TARGET) } indicator: entity(name: "地区生产总值", kind: INDICATOR) { periods }
         listed: observations(filter: { subject: "市北区", kind: TARGET }, first: 100) { totalCount edges { node { period } } } }`,
    );
    expect(result.listed.totalCount).toBeLessThanOrEqual(100);
    expect(result.place.targets).toEqual([...new Set(result.listed.edges.map((e) => e.node.period))].sort((a, b) => b - a));
    expect(result.place.targets).toContain(2023);
    expect(result.place.all).toEqual([...result.place.all].sort((a, b) => b - a));
    expect(result.place.all).toEqual(expect.arrayContaining([2023, 2022]));
    expect(new Set(result.place.all).size).toBe(result.place.all.length);
    expect(result.indicator.periods).toContain(2023);
  });

  it("pages an entity's figures newest first when asked, the same figures as oldest first", async () => {
    type Page = { totalCount: number; edges: Array<{ node: { id: string; period: number } }> };
    const result = await data<{ entity: { newest: Page; oldest: Page; years: number[] } }>(
      executor,
      `{ entity(name: "市北区") { years: periods newest: observations(first: 100, newestFirst: true) { totalCount edges { node { id period } } }
           oldest: observations(first: 100) { totalCount edges { node { id period } } } } }`,
    );
    const newest = result.entity.newest.edges.map((e) => e.node.period);
    expect(newest[0]).toBe(result.entity.years[0]);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    expect(result.entity.oldest.edges[0]?.node.period).toBe(result.entity.years.at(-1));
    expect(result.entity.newest.totalCount).toBe(result.entity.oldest.totalCount);
  });

  it("gives one subject's series of an indicator oldest first, and names the argument that identifies nothing", async () => {
    const result = await data<{ series: Array<{ period: number; kind: string; subject: { name: string }; indicator: { name: string } }> }>(
      executor,
      `{ series(subject: "市北", indicator: "GDP") { period kind subject { name } indicator { name } } }`,
    );
    expect(new Set(result.series.map((o) => o.period)).size).toBeGreaterThan(1);
    expect(result.series.map((o) => o.period)).toEqual(result.series.map((o) => o.period).sort((a, b) => a - b));
    for (const o of result.series) expect(o).toMatchObject({ subject: { name: "市北区" }, indicator: { name: "地区生产总值" } });
    const noSubject = await execute(executor, `{ series(subject: "火星区", indicator: "地区生产总值") { id } }`);
    expect(noSubject.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([["NOT_FOUND", 'No entity has the id, name or alias "火星区".']]);
    const noIndicator = await execute(executor, `{ compare(indicator: "市北区", period: 2022) { id } }`);
    expect(noIndicator.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([["NOT_FOUND", 'No indicator has the id, name or alias "市北区".']]);
  });

  it("searches Chinese as phrases, finds something for one character, and never chokes on Lucene syntax", async () => {
    const search = async (query: string, kinds?: string[]) =>
      (
        await data<{ search: { totalCount: number; edges: Array<{ score: number; node: { __typename: string; name?: string; text?: string } }> } }>(
          executor,
          `query ($q: String!, $kinds: [EntityKind!]) { search(query: $q, kinds: $kinds, first: 10) { totalCount edges { score node { __typename ... on Entity { name } ... on Passage { text } } } } }`,
          { q: query, kinds },
        )
      ).search;
    const phrase = await search("邮轮港区");
    expect(phrase.edges[0]?.node).toMatchObject({ __typename: "Zone", name: "邮轮港区" });
    // An alias typed exactly puts its entity before the sentences that contain the words.
    expect((await search("邮轮母港")).edges[0]?.node).toMatchObject({ __typename: "Zone", name: "邮轮港区" });
    for (const edge of phrase.edges.filter((e) => e.node.__typename === "Passage")) expect(edge.node.text).toMatch(/邮轮港区|邮轮母港/);
    const scores = phrase.edges.map((e) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const one = await search("区", ["DISTRICT"]);
    expect(one.edges.map((e) => e.node.name)).toEqual(expect.arrayContaining(["市北区", "李沧区", "崂山区"]));
    for (const hostile of ['a" OR *:*', "title:(x", "\\", "港区~2 AND", "*"]) {
      const result = await execute(executor, `query ($q: String!) { search(query: $q) { totalCount } }`, { q: hostile });
      expect(result.errors).toBeUndefined();
    }
    const empty = await execute(executor, `{ search(query: "   ") { totalCount } }`);
    expect(empty.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("resolves every kind of global id with node()", async () => {
    const ids = await data<{
      observations: Connection<{ id: string; citations: Array<{ passage: { id: string; article: { id: string } } }> }>;
      entity: { id: string; posts: Array<{ id: string }> };
    }>(
      executor,
      `{ observations(first: 1) { edges { node { id citations { passage { id article { id } } } } } }
         entity(name: "高健") { id ... on Person { posts { id } } } }`,
    );
    const observation = ids.observations.edges[0]?.node;
    const all = [
      observation?.id,
      observation?.citations[0]?.passage.id,
      observation?.citations[0]?.passage.article.id,
      ids.entity.id,
      ids.entity.posts[0]?.id,
      "004_ee312a2f878f1b90",
    ];
    for (const id of all) {
      const result = await data<{ node: { __typename: string; id: string } | null }>(executor, `query ($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(result.node?.id).toBe(id);
    }
    const bad = await execute(executor, `{ node(id: "nonsense:1") { id } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("tells documents that repeat each other and flags the value they disagree on", async () => {
    const result = await data<{ node: { duplicates: Array<{ id: string }>; passages: Connection<{ text: string }> } }>(
      executor,
      `{ node(id: "003_e9034d67261caf9e") { ... on Document { duplicates { id } passages(first: 3) { totalCount edges { node { text } } } } } }`,
    );
    expect(result.node.duplicates.map((d) => d.id)).toEqual(["001_b0e5e1e4ebf92b9c"]);
    expect(result.node.passages.totalCount).toBeGreaterThan(100);
  });

  it("runs every example operation in schema/examples without errors", async () => {
    const dir = path.join(PROJECT_ROOT, "schema", "examples");
    const files = readdirSync(dir).filter((f) => f.endsWith(".graphql"));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const result = await execute(executor, readFileSync(path.join(dir, file), "utf8"));
      expect({ file, errors: result.errors }).toEqual({ file, errors: undefined });
      expect(JSON.stringify(result.data)).not.toMatch(/^\{("\w+":null,?)+\}$/);
    }
  });
});

describe("every valid query gets a right answer or a client error (issue 11)", () => {
  it("reads aliases on every field at every depth, even one field under another's name", async () => {
    const result = await data<Record<string, unknown>>(
      executor,
      `{
        x: entity(name: "市北区") {
          name: code
          code: name
          ... on District { z: zones { n: name id: name } c: city { p: province { n: name } } }
          r: relations(first: 2) { e: edges { c: cursor t: type n: node { n: name } } p: pageInfo { hasNextPage: endCursor more: hasNextPage } total: totalCount }
          m: mentions(first: 1) { a: edges { cursor: node { q: quote } } b: edges { node: cursor } }
        }
        d: documents(first: 1) { edges { n: node { i: id } } pageInfo { endCursor } }
      }`,
    );
    const x = result.x as {
      name: string;
      code: string;
      z: Array<{ n: string; id: string }>;
      c: unknown;
      r: Record<string, unknown>;
      m: { a: Array<{ cursor: { q: string } }>; b: Array<{ node: string }> };
    };
    expect([x.name, x.code]).toEqual(["370203", "市北区"]);
    expect(x.z.every((zone) => zone.n === zone.id)).toBe(true);
    expect(x.c).toEqual({ p: { n: "山东省" } });
    const relations = x.r as { e: Array<{ c: string; t: string; n: { n: string } }>; p: { hasNextPage: string; more: boolean }; total: number };
    expect(relations.e).toHaveLength(2);
    expect(relations.p.hasNextPage).toBe(relations.e[1]?.c);
    expect(relations.p.more).toBe(relations.total > 2);
    expect(typeof x.m.a[0]?.cursor.q).toBe("string");
    // Mentions page by keyset: the cursor holds the mention's order key (src/translate/cursor.ts).
    expect(Buffer.from(x.m.b[0]?.node ?? "", "base64url").toString("utf8")).toMatch(/^key:\["mentions","000_44ac3f7d2d8bc0f5",/u);
    expect(result.d).toEqual({ edges: [{ n: { i: "000_44ac3f7d2d8bc0f5" } }], pageInfo: { endCursor: "b2Zmc2V0OjA" } });
  });

  it("takes toString, __proto__, constructor and hasOwnProperty as aliases, and refuses them as id prefixes", async () => {
    const result = await execute(
      executor,
      `{
        toString: entity(name: "市北区") { __proto__: name constructor: id hasOwnProperty: code ... on District { valueOf: zones { toString: name } } }
        __proto__: documents(first: 1) { constructor: edges { toString: cursor __proto__: node { id } } hasOwnProperty: totalCount }
        constructor: serviceInfo { toString: version }
      }`,
    );
    expect(result.errors).toBeUndefined();
    // As a client reads the JSON: every key an own property. Computed keys below, as a literal `__proto__:` would set the prototype.
    const json = new Map(Object.entries(JSON.parse(JSON.stringify(result.data)) as Record<string, unknown>));
    expect([...json.keys()]).toEqual(["toString", "__proto__", "constructor"]);
    expect(json.get("toString")).toMatchObject({ ["__proto__"]: "市北区", constructor: "district:370203", hasOwnProperty: "370203" });
    expect(json.get("__proto__")).toEqual({ constructor: [{ toString: "b2Zmc2V0OjA", ["__proto__"]: { id: "000_44ac3f7d2d8bc0f5" } }], hasOwnProperty: 5 });
    expect(json.get("constructor")).toEqual({ toString: expect.any(String) });
    for (const id of ["toString:1", "__proto__:1", "constructor:1", "hasOwnProperty:1"]) {
      const bad = await execute(executor, `query ($id: ID!) { node(id: $id) { id } }`, { id });
      expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });

  it("answers a filter that matches nothing with an empty page, on every root that filters", async () => {
    const result = await data<Record<string, { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>>(
      executor,
      `{
        a: observations(filter: { subject: "市北区", indicator: "!!" }) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } }
        b: observations(filter: { subject: "不存在的地方" }) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } }
        c: observations(filter: { indicator: "不存在的指标", period: 2023 }) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } }
        d: entities(name: "!!") { totalCount edges { cursor } pageInfo { hasNextPage endCursor } }
        e: search(query: "zzqqxxyyzz") { totalCount edges { cursor } pageInfo { hasNextPage endCursor } }
      }`,
    );
    for (const page of Object.values(result)) expect(page).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it("lists every passage of an article in text order and every article of a document in page order", async () => {
    const result = await data<{ article: { passages: Array<{ start: number }> }; document: { articles: Array<{ index: number }> } }>(
      executor,
      `{ article: node(id: "article:001_b0e5e1e4ebf92b9c:0") { ... on Article { passages { start } } }
         document: node(id: "004_ee312a2f878f1b90") { ... on Document { articles { index } } } }`,
    );
    const [row] = await executor.read<{ n: number }>(
      cypher("MATCH (:Article {id: 'article:001_b0e5e1e4ebf92b9c:0'})-[:HAS_PASSAGE]->(p) RETURN count(p) AS n"),
    );
    expect(result.article.passages).toHaveLength(row?.n ?? -1);
    expect(result.article.passages.length).toBeGreaterThan(200);
    const starts = result.article.passages.map((p) => p.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(result.document.articles.map((a) => a.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("settles a shared name by the documented rule and lists every entity the name identifies", async () => {
    const result = await data<{
      entity: { __typename: string; id: string };
      entities: { totalCount: number; edges: Array<{ node: { id: string; kind: string } }> };
    }>(executor, `{ entity(name: "老四方工业区") { __typename id } entities(name: "老四方工业区") { totalCount edges { node { id kind } } } }`);
    expect(result.entity).toEqual({ __typename: "Zone", id: "zone:老四方工业区" });
    expect(result.entities.edges.map((e) => e.node.id)).toEqual(["zone:老四方工业区", "indicator:老四方工业区"]);
    expect(result.entities.totalCount).toBe(2);
    const indicator = await data<{ entity: { id: string } }>(executor, `{ entity(name: "老四方工业区", kind: INDICATOR) { id } }`);
    expect(indicator.entity.id).toBe("indicator:老四方工业区");
  });

  it("refuses over-long arguments, page sizes out of range and garbage cursors as bad input, before Neo4j", async () => {
    const seen: string[] = [];
    const off = executor.onQuery((q) => seen.push(q.cypher));
    for (const [source, variables] of [
      ["query ($v: String!) { entity(name: $v) { id } }", { v: "市".repeat(120_000) }],
      ["query ($v: String!) { search(query: $v) { totalCount } }", { v: "邮轮 ".repeat(200) }],
      ["query ($v: ID!) { node(id: $v) { id } }", { v: `zone:${"x".repeat(300)}` }],
      ["query ($v: String!) { observations(filter: { subject: $v }) { totalCount } }", { v: "x".repeat(201) }],
      ["{ entities(first: -1) { totalCount } }", {}],
      ["{ entities(first: 2147483647) { totalCount } }", {}],
      ['{ entities(after: "not a cursor") { totalCount } }', {}],
      ['{ entity(name: "市北区") { relations(after: "b2Zmc2V0Oi0x") { totalCount } } }', {}],
    ] as const) {
      const result = await execute(executor, source, variables);
      expect(result.errors?.map((e) => e.extensions.code)).toEqual(["BAD_USER_INPUT"]);
    }
    off();
    expect(seen).toEqual([]);
  });
});

describe("one Cypher statement per root field", () => {
  it("walks entity → relations → node → citations → document in one round trip, two roots in two", async () => {
    const seen: string[] = [];
    const off = executor.onQuery((q) => seen.push(q.cypher));
    const result = await execute(
      executor,
      `{
        a: entity(name: "市北区") { relations(first: 20) { edges { node { name ... on Zone { projects { name mentions(first: 2) { edges { node { document { title } } } } } } } citations { quote passage { text document { id title } } } } } }
        b: observations(filter: { subject: "邮轮港区" }) { edges { node { subject { name } indicator { name } citations { document { id } } } } }
      }`,
    );
    off();
    expect(result.errors).toBeUndefined();
    expect(seen).toHaveLength(2);
  });
});
