import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import type { RunningHttpServer } from "../../src/server/http-server.js";
import { removeDocument } from "../helpers/documents.js";
import { postGraphQL } from "../helpers/http.js";
import { testDatabase } from "../helpers/neo4j.js";
import { startTestServer } from "../helpers/server.js";

const { driver, executor } = testDatabase(60_000);
const TOKEN = "curator-token-for-concurrency-tests-42";
const auth = { authorization: `Bearer ${TOKEN}` };
const run = randomUUID().slice(0, 8);
const ids: string[] = [];
let server: RunningHttpServer;

beforeAll(async () => {
  server = await startTestServer(executor, { CURATOR_TOKEN: TOKEN });
});
afterAll(async () => {
  await server.close();
  for (const id of ids) await removeDocument(executor, id);
  await driver.close();
});

/** A short report; `n` varies its figures, so each n is a different text. */
const report = (n: number): string =>
  [
    "崂山区2024年政府工作报告摘要",
    "",
    `2024年，崂山区将力争实现全区生产总值增长${6 + n}%左右，新增城镇就业${3 + n}万人以上，金家岭金融区新引进金融机构${50 + n}家。`,
    "",
    `实施城市更新行动，改造老旧小区${20 + n}个，新建口袋公园${8 + n}处。`,
    "",
  ].join("\n");

/** What an ingestDocument request answered, if it succeeded. */
const answer = (r: { body: { data?: Record<string, unknown> | null } }) => r.body.data?.ingestDocument as { status: string; passages: number } | undefined;

const INGEST = `mutation ($t: String!, $m: DocumentMetadataInput!) { ingestDocument(text: $t, metadata: $m) { documentId status passages } }`;

async function ingestAll(id: string, texts: string[]) {
  ids.push(id);
  return Promise.all(texts.map((t) => postGraphQL(server.url, INGEST, { t, m: { id, publishedOn: "2024-01-08", reportYear: 2023 } }, auth)));
}

/** The document, and every passage whose text is not the document's text at its offsets. */
async function verbatim(id: string) {
  const [row] = await executor.read<{ documents: number; text: string; passages: number; bad: Array<{ id: string }> }>(
    cypher(
      `MATCH (d:Document {id: $id})
       OPTIONAL MATCH (d)-[:HAS_ARTICLE]->(:Article)-[:HAS_PASSAGE]->(p:Passage)
       WITH d, d.text AS text, collect(p) AS ps
       RETURN COUNT { MATCH (x:Document {id: $id}) } AS documents, text, size(ps) AS passages,
              [p IN ps WHERE substring(text, p.start, p.end - p.start) <> p.text | {id: p.id}] AS bad`,
      { id },
    ),
  );
  const loose = await executor.read<{ n: number }>(
    cypher(
      "MATCH (p:Passage {documentId: $id}) WHERE NOT EXISTS { (:Document {id: $id})-[:HAS_ARTICLE]->(:Article)-[:HAS_PASSAGE]->(p) } RETURN count(p) AS n",
      { id },
    ),
  );
  return { ...row, loosePassages: loose[0]?.n };
}

describe("one document id, one text, under concurrent ingests", () => {
  it("of 8 concurrent ingests of the same text, exactly one creates and 7 answer UNCHANGED", async () => {
    const id = `concurrent-same-${run}`;
    const results = await ingestAll(
      id,
      Array.from({ length: 8 }, () => report(0)),
    );
    for (const r of results) expect(r.body.errors).toBeUndefined();
    const statuses = results.map((r) => answer(r)?.status).sort();
    expect(statuses).toEqual(["CREATED", ...Array.from({ length: 7 }, () => "UNCHANGED")]);
    const created = results.map((r) => r.body.data?.ingestDocument as { status: string; passages: number }).find((r) => r.status === "CREATED");
    const stored = await verbatim(id);
    expect(stored).toMatchObject({ documents: 1, text: report(0), passages: created?.passages, bad: [], loosePassages: 0 });
  });

  it("of 6 concurrent ingests of different texts under one id, one creates and 5 are refused; offsets stay verbatim", async () => {
    const id = `concurrent-different-${run}`;
    const texts = Array.from({ length: 6 }, (_, n) => report(n + 1));
    const results = await ingestAll(id, texts);
    const created = results.filter((r) => (r.body.data?.ingestDocument as { status?: string } | null)?.status === "CREATED");
    const refused = results.filter((r) => r.body.errors);
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      expect(r.body.errors?.[0]).toMatchObject({
        extensions: { code: "BAD_USER_INPUT" },
        message: `document ${id} is already in the graph with different content; give the new text another id`,
      });
    }
    const winner = texts[results.indexOf(created[0] as (typeof results)[number])];
    const stored = await verbatim(id);
    expect(stored).toMatchObject({ documents: 1, text: winner, bad: [], loosePassages: 0 });
    expect(stored.passages).toBe(created[0] && answer(created[0])?.passages);
  });

  it("with the same text, other metadata and different texts mixed, still one text under the id", async () => {
    const id = `concurrent-mixed-${run}`;
    ids.push(id);
    const requests = [
      { t: report(20), m: { id, title: "甲" } },
      { t: report(20), m: { id, title: "甲" } },
      { t: report(20), m: { id, title: "乙" } },
      { t: report(21), m: { id, title: "甲" } },
      { t: report(22), m: { id } },
    ];
    const results = await Promise.all(requests.map((r) => postGraphQL(server.url, INGEST, r, auth)));
    const statuses = results.map((r) => (r.body.data?.ingestDocument as { status?: string } | null)?.status ?? r.body.errors?.[0]?.extensions?.code);
    expect(statuses.filter((s) => s === "CREATED")).toHaveLength(1);
    expect(statuses.every((s) => ["CREATED", "UPDATED", "UNCHANGED", "BAD_USER_INPUT"].includes(String(s)))).toBe(true);
    const stored = await verbatim(id);
    expect(stored).toMatchObject({ documents: 1, bad: [], loosePassages: 0 });
    expect([report(20), report(21), report(22)]).toContain(stored.text);
  });
});
