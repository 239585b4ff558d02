import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { PROJECT_ROOT } from "../../src/neo4j/paths.js";
import type { RunningHttpServer } from "../../src/server/http-server.js";
import { testDatabase } from "../helpers/neo4j.js";
import { startTestServer } from "../helpers/server.js";

const { driver, executor } = testDatabase(60_000);
let server: RunningHttpServer;
beforeAll(async () => {
  server = await startTestServer(executor, { CYPHER_TIMEOUT_MS: "2000", CYPHER_ROW_CAP: "500" });
});
afterAll(async () => {
  await server.close();
  await driver.close();
});

interface Answer {
  columns?: string[];
  rows?: unknown[][];
  truncated?: boolean;
  error?: { code: string; message: string };
}

async function run(query: unknown, params?: unknown): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${server.url}/cypher`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, params }),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

const CORPUS_IDS = readdirSync(path.join(PROJECT_ROOT, "data", "corpus"))
  .filter((f) => f.endsWith(".txt"))
  .map((f) => path.basename(f, ".txt"));

/**
 * Counts and a hash of what a hostile query could deface: the corpus documents with their articles
 * and passages, the reviewed entities, and any :Hack node. Scoped so that other test files writing
 * their own documents meanwhile do not change it; aliases are left out, curators' tests add some.
 */
async function fingerprint(): Promise<{ nodes: number; sha256: string }> {
  const rows = await executor.read<{ id: string; labels: string[]; properties: Record<string, unknown> }>(
    cypher(
      `MATCH (n) WHERE ((n:Document OR n:Article OR n:Passage) AND coalesce(n.documentId, n.id) IN $corpus) OR (n:Entity AND n.method = 'CURATED') OR n:Hack
       RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties ORDER BY id`,
      { corpus: CORPUS_IDS },
    ),
  );
  const stable = rows.map(({ id, labels, properties }) => {
    const { aliases: _aliases, searchText: _searchText, mergedIds: _mergedIds, ...rest } = properties;
    return [id, labels, rest];
  });
  return { nodes: rows.length, sha256: createHash("sha256").update(JSON.stringify(stable)).digest("hex") };
}

describe("POST /cypher", () => {
  it("answers a read query with columns and rows, parameters included", async () => {
    const { status, body } = await run("MATCH (d:District) WHERE d.name STARTS WITH $prefix RETURN d.name AS name, d ORDER BY name", { prefix: "市" });
    expect(status).toBe(200);
    expect(body.columns).toEqual(["name", "d"]);
    expect(body.rows?.[0]?.[0]).toBe("市北区");
    expect(body.rows?.[0]?.[1]).toMatchObject({ labels: expect.arrayContaining(["District", "Entity"]), properties: { name: "市北区" } });
    expect(body.truncated).toBe(false);
  });

  it("allows schema introspection and full-text search procedures", async () => {
    for (const query of [
      "CALL db.labels() YIELD label RETURN label",
      "CALL db.index.fulltext.queryNodes('entity_search', '\"邮轮\"') YIELD node RETURN node.name",
      "SHOW INDEXES YIELD name RETURN name",
    ]) {
      expect((await run(query)).status).toBe(200);
    }
    // Neo4j types a query calling this DBMS procedure "s"; the README lists it as allowed.
    expect((await run("CALL dbms.components()")).body).toMatchObject({
      columns: ["name", "versions", "edition"],
      rows: [["Neo4j Kernel", [expect.stringMatching(/^5\.26\./)], "community"]],
    });
    expect((await run("CALL dbms.components() YIELD versions UNWIND versions AS v RETURN v ORDER BY v LIMIT 1")).status).toBe(200);
    expect(
      (await run("/* LOAD CSV in a comment is not LOAD CSV */ MATCH (n:Document) WHERE n.id IN $ids RETURN count(n) AS n", { ids: CORPUS_IDS })).body.rows,
    ).toEqual([[5]]);
  });

  const HOSTILE = [
    "CREATE (n:Hack) RETURN n",
    "MATCH (n:Document) SET n.title = 'defaced'",
    "MATCH (n) DETACH DELETE n",
    "MERGE (n:Hack {id: 1})",
    "MATCH (n:Entity) REMOVE n.name",
    "MATCH (n:Entity) CALL (n) { SET n.touched = true } RETURN count(n)",
    "FOREACH (x IN [1] | CREATE (:Hack))",
    "CALL () { CREATE (:Hack) } IN TRANSACTIONS",
    "CREATE INDEX hack FOR (n:Hack) ON (n.x)",
    "DROP CONSTRAINT entity_id",
    "CREATE USER hacker SET PASSWORD 'secret-1234'",
    "ALTER USER neo4j SET PASSWORD 'new-password-1'",
    "USE system SHOW USERS",
    "SHOW TRANSACTIONS",
    "SHOW SETTINGS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS line RETURN line",
    "CALL dbms.listConfig() YIELD name RETURN name",
    "CALL dbms.components() YIELD name CREATE (:Hack {name: name})",
    "CALL dbms.components() YIELD name MATCH (n) DETACH DELETE n",
    "CALL db.createLabel('Hack')",
    "CALL db.clearQueryCaches()",
    "CALL apoc.load.json('file:///etc/passwd')",
    "PROFILE CREATE (:Hack)",
    "RETURN 1; CREATE (:Hack)",
    "MATCH (a), (b), (c) WHERE a.id < b.id AND b.id < c.id RETURN count(*)",
    `RETURN 1 ${" ".repeat(20_000)}`,
    { not: "a string" },
  ];

  it(`refuses or cuts off ${HOSTILE.length} hostile queries, and the graph is unchanged`, async () => {
    const before = await fingerprint();
    expect(before.nodes).toBeGreaterThan(500);
    for (const query of HOSTILE) {
      const { status, body } = await run(query);
      expect({ query, status: status >= 400 }).toEqual({ query, status: true });
      expect(body.error?.message).toBeTruthy();
    }
    const flood = await run("UNWIND range(1, 100000000) AS x RETURN x");
    expect(flood.status).toBe(200);
    expect(flood.body).toMatchObject({ truncated: true });
    expect(flood.body.rows).toHaveLength(500);
    expect(await fingerprint()).toEqual(before);
  });

  it("says why, in words a researcher can act on", async () => {
    expect((await run("CREATE (:Hack)")).body.error).toEqual({ code: "QUERY_REFUSED", message: "only read queries are allowed; this one writes" });
    expect((await run("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l")).body.error?.message).toMatch(/LOAD CSV is not allowed/);
    expect((await run("CALL dbms.listConfig()")).body.error?.message).toMatch(/procedure dbms\.listConfig is not allowed/);
    expect((await run("MATCH (a), (b), (c) WHERE a.id < b.id AND b.id < c.id RETURN count(*)")).body.error?.code).toBe("QUERY_TIMEOUT");
    expect((await run("MATC (n) RETURN n")).body.error?.code).toBe("CYPHER_ERROR");
  });
});

describe("the cookbook", () => {
  const dir = path.join(PROJECT_ROOT, "cypher", "cookbook");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cypher"))
    .sort();
  const text = (file: string) => readFileSync(path.join(dir, file), "utf8");

  /** What each recipe must answer on the corpus graph. */
  const EXPECT: Record<string, (columns: string[], rows: unknown[][]) => void> = {
    "01-targets-2023-shibei.cypher": (c, rows) => {
      expect(rows.length).toBeGreaterThan(50);
      const gdp = rows.find((r) => r[c.indexOf("indicator")] === "地区生产总值");
      expect(gdp?.[c.indexOf("value")]).toBe(5.5);
      expect(gdp?.[c.indexOf("citations")]).toBe(3);
    },
    "02-targets-against-results.cypher": (c, rows) => {
      expect(rows.map((r) => r[c.indexOf("indicator")])).toContain("新认定高新技术企业");
      expect(rows.every((r) => r[c.indexOf("met")] === true)).toBe(true);
    },
    "03-estimates-restated.cypher": (c, rows) => expect(rows.find((r) => r[c.indexOf("indicator")] === "地区生产总值")?.[c.indexOf("estimate")]).toBe(1100),
    "04-projects-per-zone.cypher": (_c, rows) => expect(rows).toContainEqual(expect.arrayContaining(["历史城区", "浮岛公园"])),
    "05-posts-as-of.cypher": (c, rows) => {
      expect(rows.length).toBe(25);
      expect(rows.filter((r) => r[c.indexOf("current")] === false).map((r) => r[c.indexOf("person")])).toEqual(expect.arrayContaining(["唐进倬", "张炳辉"]));
    },
    "06-corroboration.cypher": (c, rows) => expect(rows.map((r) => r[c.indexOf("support")])).toEqual(["corroborated", "single source"]),
    "07-conflicts.cypher": (c, rows) =>
      expect(rows.map((r) => [r[c.indexOf("quote1")], r[c.indexOf("quote2")]])).toContainEqual(["协助60余家企业完成信用修复", "协助60家企业完成信用修复"]),
    "08-zone-and-enterprise.cypher": (c, rows) => expect(rows.map((r) => r[c.indexOf("enterprise")])).toEqual(expect.arrayContaining(["山东港口", "山东海运"])),
    "09-districts-compared.cypher": (c, rows) => expect(rows.map((r) => r[c.indexOf("indicator")])).toContain("地区生产总值"),
    "10-shortest-path.cypher": (c, rows) => expect(rows[0]?.[c.indexOf("entities")]).toEqual(["浮岛公园", "历史城区", "市北区", "青岛市", "山东省"]),
    "11-entities-without-citation.cypher": (_c, rows) => expect(rows).toEqual([]),
    "12-duplicate-documents.cypher": (_c, rows) => expect(rows[0]?.slice(0, 2)).toEqual(["003_e9034d67261caf9e", "001_b0e5e1e4ebf92b9c"]),
    "13-place-hierarchy.cypher": (_c, rows) => expect(rows).toContainEqual(expect.arrayContaining(["大鲍岛街区", ["历史城区", "市北区", "青岛市", "山东省"]])),
    "14-partner-counties.cypher": (c, rows) => expect(rows.map((r) => r[c.indexOf("county")])).toEqual(["临洮县", "成武县", "西和县"]),
    "15-event-participants.cypher": (c, rows) =>
      expect(rows.map((r) => r[c.indexOf("person")])).toEqual(expect.arrayContaining(["高健", "刘新学", "李建伟", "陈忠伟", "高波"])),
    "16-most-mentioned.cypher": (c, rows) =>
      expect(rows.find((r) => r[c.indexOf("kind")] === "DISTRICT")?.[c.indexOf("top")]).toEqual(
        expect.arrayContaining([expect.objectContaining({ entity: "市北区" })]),
      ),
    "17-indicator-over-years.cypher": (c, rows) =>
      expect(rows.map((r) => [r[c.indexOf("period")], r[c.indexOf("kind")], r[c.indexOf("people")]])).toEqual([
        [2022, "ACTUAL", 47600],
        [2023, "TARGET", 40000],
      ]),
    "18-citation-for-print.cypher": (c, rows) => expect(rows[0]?.[c.indexOf("quote")]).toBe("2023年力争全区生产总值增长6.5%以上"),
  };

  it("has at least 15 recipes, each asking its question in Chinese and English", () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const file of files) expect(text(file)).toMatch(/^\/\/ 问题：.+\n\/\/ Question: .+\n/u);
    expect(Object.keys(EXPECT).sort()).toEqual(files);
  });

  it.each(files)("%s runs through the read-only endpoint and answers its question", async (file) => {
    const { status, body } = await run(text(file));
    expect(body.error).toBeUndefined();
    expect(status).toBe(200);
    expect(body.truncated).toBe(false);
    EXPECT[file]?.(body.columns ?? [], body.rows ?? []);
  });
});
