import { randomUUID } from "node:crypto";
import { auditServer } from "graphql-http";
import type { RecordShape } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CypherQuery } from "../../src/db/cypher-query.js";
import { cypher } from "../../src/db/cypher-query.js";
import { createDriver } from "../../src/db/connect.js";
import { Executor } from "../../src/db/executor.js";
import type { RunningHttpServer } from "../../src/server/http-server.js";
import { documentFootprint } from "../helpers/documents.js";
import { postGraphQL } from "../helpers/http.js";
import { testDatabase } from "../helpers/neo4j.js";
import { startTestServer } from "../helpers/server.js";

const { driver, executor } = testDatabase();
const TOKEN = "curator-token-for-tests-0123456789";
let server: RunningHttpServer;
let corsServer: RunningHttpServer;

beforeAll(async () => {
  server = await startTestServer(executor, { CURATOR_TOKEN: TOKEN });
  corsServer = await startTestServer(executor, { CORS_ORIGINS: "https://app.example.org" });
});
afterAll(async () => {
  await server.close();
  await corsServer.close();
  await driver.close();
});

describe("limits", () => {
  it("refuses a query nested too deep, with too many aliases, or too costly, as QUERY_TOO_COSTLY", async () => {
    const deep = `{ entity(name: "市北区") { relations { edges { node { relations { edges { node { relations { edges { node { relations { edges { node { name } } } } } } } } } } } } } }`;
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: entity(name: "市北区") { name }`).join(" ")} }`;
    const costly = `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: entities(first: 100) { edges { node { mentions(first: 100) { edges { node { passage { document { articles { passages { nearDuplicates { passage { text } } } } } } } } } } } }`).join(" ")} }`;
    for (const query of [deep, aliases, costly]) {
      const { body } = await postGraphQL(server.url, query);
      expect(body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
      expect(body.errors?.[0]?.message).not.toMatch(/^Syntax Error/);
    }
  });

  it("counts page sizes given as variables: `first: $n` costs what `first: 100` costs", async () => {
    const nested = `query Nested($n: Int) { entities(first: $n) { edges { node { relations(first: $n) { edges { node { mentions(first: $n) { edges { node { quote } } } } } } } } } }`;
    const big = await postGraphQL(server.url, nested, { n: 100 });
    expect(big.body.errors?.[0]).toMatchObject({ extensions: { code: "QUERY_TOO_COSTLY" } });
    expect(big.status).toBe(400);
    expect(big.body.errors?.[0]?.message).toMatch(/^Query Cost limit of \d+ exceeded, found \d+/);
    expect(big.body.data).toBeUndefined();
    const small = await postGraphQL(server.url, nested, { n: 2 });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
  });
});

describe("errors", () => {
  it("masks unexpected errors: no internals reach the client", async () => {
    class BrokenExecutor extends Executor {
      override read<T extends RecordShape = RecordShape>(_query: CypherQuery): Promise<T[]> {
        return Promise.reject(new Error("Neo.ClientError.Statement.SyntaxError near MATCH (secret)"));
      }
    }
    const broken = new BrokenExecutor(createDriver({ uri: "bolt://127.0.0.1:1", user: "neo4j", password: "unused-password" }), {
      database: "neo4j",
      timeoutMs: 1000,
    });
    const brokenServer = await startTestServer(broken);
    try {
      const { body } = await postGraphQL(brokenServer.url, `{ entity(name: "市北区") { name } }`);
      expect(body.errors?.[0]).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
      expect(JSON.stringify(body)).not.toContain("secret");
    } finally {
      await brokenServer.close();
      await broken.driver.close();
    }
  });
});

describe("CORS", () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/graphql`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });

  it("allows no other origin by default", async () => {
    expect((await preflight(server.url, "https://app.example.org")).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows exactly the origins listed in CORS_ORIGINS", async () => {
    expect((await preflight(corsServer.url, "https://app.example.org")).headers.get("access-control-allow-origin")).toBe("https://app.example.org");
    expect((await preflight(corsServer.url, "https://evil.example.com")).headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("the IDE", () => {
  it("serves GraphiQL to a browser from the service itself, with a Chinese example query", async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html,application/xhtml+xml" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("市北区2023年的主要预期目标");
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
  });
});

describe("GraphQL over HTTP", () => {
  it("passes the graphql-http audit with no errors", async () => {
    const results = await auditServer({ url: `${server.url}/graphql` });
    const errors = results.filter((r) => r.status === "error").map((r) => `${r.id} ${r.name}`);
    expect(errors).toEqual([]);
    expect(results.filter((r) => r.status === "ok").length).toBeGreaterThan(40);
  });
});

describe("curators' writes", () => {
  const id = `curated-${randomUUID().slice(0, 8)}`;
  const keep = `测试保留项目${id}`;
  const remove = `测试并入项目${id}`;
  beforeAll(async () => {
    await executor.write(
      cypher(
        `MATCH (p:Passage {id: 'passage:000_44ac3f7d2d8bc0f5:331-445'}), (d:Entity {id: 'district:370203'})
         CREATE (k:Entity:Project {id: 'project:' + $keep, kind: 'PROJECT', name: $keep, aliases: [], searchText: $keep, method: 'RULE'})-[:CITED_IN {start: 331, end: 333, quote: '地区', method: 'RULE'}]->(p)
         CREATE (r:Entity:Project {id: 'project:' + $remove, kind: 'PROJECT', name: $remove, aliases: ['测试别名${id}'], searchText: $remove, method: 'RULE'})-[:CITED_IN {start: 333, end: 335, quote: '生产', method: 'RULE'}]->(p)
         CREATE (r)-[:LOCATED_IN {citations: ['passage:000_44ac3f7d2d8bc0f5:331-445#331-333'], method: 'RULE'}]->(d)`,
        { keep, remove },
      ),
    );
  });
  afterAll(async () => {
    await executor.write(cypher("MATCH (e:Entity) WHERE e.name IN [$keep, $remove] DETACH DELETE e", { keep, remove }));
  });

  it("refuses every write without the bearer token and changes nothing", async () => {
    const state = cypher(
      "MATCH (e:Entity) WHERE e.name IN [$keep, $remove] RETURN e.name AS name, e.aliases AS aliases, COUNT { (e)--() } AS links ORDER BY name",
      { keep, remove },
    );
    const before = await executor.read(state);
    expect(before).toHaveLength(2);
    const attempts: Array<Record<string, string>> = [{}, { authorization: "Bearer wrong-token-wrong-token-12" }];
    for (const headers of attempts) {
      for (const mutation of [
        `mutation { addAlias(entity: "${keep}", alias: "x") { name } }`,
        `mutation { mergeEntities(keep: "${keep}", remove: "${remove}") { name } }`,
        `mutation { ingestDocument(text: "市北区新增城镇就业4万人。", metadata: { id: "${id}" }) { status } }`,
      ]) {
        const { body } = await postGraphQL(server.url, mutation, {}, headers);
        expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      }
    }
    // Counted on what the refused writes would touch: other files write elsewhere meanwhile.
    expect(await executor.read(state)).toEqual(before);
    expect(await documentFootprint(executor, id)).toEqual({ documents: 0, passages: 0, citations: 0, facts: 0 });
  });

  it("adds an alias, refusing one that already names another entity", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const added = await postGraphQL(
      server.url,
      `mutation ($e: String!, $a: String!) { addAlias(entity: $e, alias: $a) { name aliases } }`,
      { e: keep, a: `新名字${id}` },
      auth,
    );
    expect(added.body.data?.addAlias).toEqual({ name: keep, aliases: [`新名字${id}`] });
    const found = await postGraphQL(server.url, `query ($n: String!) { entity(name: $n) { name } }`, { n: `新名字${id}` });
    expect(found.body.data?.entity).toEqual({ name: keep });
    const clash = await postGraphQL(server.url, `mutation ($e: String!) { addAlias(entity: $e, alias: "市北") { name } }`, { e: keep }, auth);
    expect(clash.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringMatching(/already names district:370203/) });
  });

  it("merges one entity into another: names, citations and relationships move, the other is gone", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const merged = await postGraphQL(
      server.url,
      `mutation ($k: String!, $r: String!) { mergeEntities(keep: $k, remove: $r) { name aliases mentions { totalCount } relations { edges { type node { name } } } } }`,
      { k: keep, r: remove },
      auth,
    );
    expect(merged.body.errors).toBeUndefined();
    expect(merged.body.data?.mergeEntities).toMatchObject({
      name: keep,
      aliases: expect.arrayContaining([remove, `测试别名${id}`]),
      mentions: { totalCount: 2 },
      relations: { edges: [{ type: "LOCATED_IN", node: { name: "市北区" } }] },
    });
    const gone = await executor.read(cypher("MATCH (e:Entity {name: $remove}) RETURN e", { remove }));
    expect(gone).toEqual([]);
    const again = await postGraphQL(server.url, `mutation ($k: String!) { mergeEntities(keep: $k, remove: $k) { name } }`, { k: keep }, auth);
    expect(again.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("ingests a document's text with its metadata, refusing bad metadata without writing", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const text = "李沧区2024年工作安排\n\n2024年，李沧区将力争新增城市公园5个，建设林荫绿道10公里以上。\n";
    const bad = await postGraphQL(
      server.url,
      `mutation ($t: String!) { ingestDocument(text: $t, metadata: { id: "${id}", publishedOn: "2024-13-01" }) { status } }`,
      { t: text },
      auth,
    );
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const ok = await postGraphQL(
      server.url,
      `mutation ($t: String!) { ingestDocument(text: $t, metadata: { id: "${id}", publishedOn: "2024-01", reportYear: 2023 }) { documentId status observations } }`,
      { t: text },
      auth,
    );
    expect(ok.body.data?.ingestDocument).toEqual({ documentId: id, status: "CREATED", observations: 2 });
    await executor.write(
      cypher(
        `MATCH (d:Document {id: $id})-[:HAS_ARTICLE]->(a)-[:HAS_PASSAGE]->(p)
         OPTIONAL MATCH (x)-[:CITED_IN]->(p) WHERE NOT x:Entity OR NOT EXISTS { MATCH (x)-[:CITED_IN]->(q:Passage) WHERE q.documentId <> $id }
         DETACH DELETE x, p, a, d`,
        { id },
      ),
    );
  });
});
