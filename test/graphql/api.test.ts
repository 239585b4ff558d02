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
    expect(result.entity.zones.map((z) => z.name)).toEqual(expect.arrayContaining(["邮轮港区", "历史城区", "老四方工业区", "中央商务区", "台东步行街", "人民路片区"]));
    expect((await data<{ entity: null }>(executor, `{ entity(name: "不存在的地方") { name } }`)).entity).toBeNull();
  });

  it("walks nested relation fields to the right nodes (project → zone → district → city → province)", async () => {
    const result = await data<{ entity: { zone: { name: string; district: { name: string; city: { name: string; province: { name: string } } } } } }>(
      executor,
      `{ entity(name: "浮岛公园", kind: PROJECT) { ... on Project { zone { name district { name city { name province { name } } } } } } }`,
    );
    const [row] = await executor.read<{ zone: string; district: string }>(
      cypher("MATCH (:Project {name: '浮岛公园'})-[:LOCATED_IN]->(z:Zone)-[:PART_OF]->(d:District) RETURN z.name AS zone, d.name AS district"),
    );
    expect(row).toEqual({ zone: "历史城区", district: "市北区" });
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
    const result = await data<{ observations: Connection<{ value: number; unit: string; indicator: { name: string }; citations: Array<{ document: { id: string } }> }> }>(
      executor,
      `{ observations(filter: { subject: "市北", period: 2023, kind: TARGET, indicator: "GDP" }) { totalCount edges { node { value unit indicator { name } citations { document { id } } } } } }`,
    );
    expect(result.observations.totalCount).toBe(1);
    const gdp = result.observations.edges[0]?.node;
    expect(gdp).toMatchObject({ value: 5.5, unit: "%", indicator: { name: "地区生产总值" } });
    expect(new Set(gdp?.citations.map((c) => c.document.id))).toEqual(new Set(["000_44ac3f7d2d8bc0f5", "004_ee312a2f878f1b90"]));
  });

  it("puts each 2023 target beside the 2023 result and says whether it was met", async () => {
    const result = await data<{ targetAttainment: Array<{ indicator: { name: string }; target: { value: number }; actual: { value: number } | null; met: boolean | null }> }>(
      executor,
      `{ targetAttainment(subject: "市北区", period: 2023) { indicator { name } target { value } actual { value } met } }`,
    );
    const hightech = result.targetAttainment.find((a) => a.indicator.name === "新认定高新技术企业");
    expect(hightech).toEqual({ indicator: { name: "新认定高新技术企业" }, target: { value: 50 }, actual: { value: 55 }, met: true });
    expect(result.targetAttainment.find((a) => a.indicator.name === "地区生产总值")).toMatchObject({ actual: null, met: null });
    const unknown = await execute(executor, `{ targetAttainment(subject: "火星区", period: 2023) { met } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("searches Chinese as phrases, finds something for one character, and never chokes on Lucene syntax", async () => {
    const search = async (query: string, kinds?: string[]) =>
      (await data<{ search: { totalCount: number; edges: Array<{ score: number; node: { __typename: string; name?: string; text?: string } }> } }>(
        executor,
        `query ($q: String!, $kinds: [EntityKind!]) { search(query: $q, kinds: $kinds, first: 10) { totalCount edges { score node { __typename ... on Entity { name } ... on Passage { text } } } } }`,
        { q: query, kinds },
      )).search;
    const phrase = await search("邮轮港区");
    expect(phrase.edges[0]?.node).toMatchObject({ __typename: "Zone", name: "邮轮港区" });
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
    const ids = await data<{ observations: Connection<{ id: string; citations: Array<{ passage: { id: string; article: { id: string } } }> }>; entity: { id: string; posts: Array<{ id: string }> } }>(
      executor,
      `{ observations(first: 1) { edges { node { id citations { passage { id article { id } } } } } }
         entity(name: "高健") { id ... on Person { posts { id } } } }`,
    );
    const observation = ids.observations.edges[0]?.node;
    const all = [observation?.id, observation?.citations[0]?.passage.id, observation?.citations[0]?.passage.article.id, ids.entity.id, ids.entity.posts[0]?.id, "004_ee312a2f878f1b90"];
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
