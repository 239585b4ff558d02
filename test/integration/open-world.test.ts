import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { runCliScript } from "../helpers/cli.js";
import { data } from "../helpers/graphql.js";
import { removeDocument } from "../helpers/documents.js";
import { testDatabase } from "../helpers/neo4j.js";

const { driver, executor } = testDatabase(60_000);
const dir = mkdtempSync(path.join(tmpdir(), "open-world-"));
const ID = `suining-report-${Date.now()}`;

afterAll(async () => {
  await removeDocument(executor, ID);
  await driver.close();
  rmSync(dir, { recursive: true, force: true });
});

// A report from another province, written for this test: its title names no place, its heading and signature do.
const REPORT = [
  "政府工作报告",
  "——2024年1月16日在遂宁市第八届人民代表大会第四次会议上",
  "遂宁市市长　陈志远",
  "",
  "各位代表：",
  "现在，我代表市人民政府向大会报告工作，请予审议。",
  "",
  "一、2023年工作回顾",
  "过去一年，全市地区生产总值增长6.3%、达到1715.4亿元，一般公共预算收入下降1.8%。",
  "同期全省地区生产总值增长6.0%。",
  "射洪市地区生产总值达到550.2亿元。",
  "",
  "二、2024年主要预期目标",
  "全市地区生产总值增长6.5%左右，城镇调查失业率控制在5.5%以内。",
  "",
].join("\n");

describe("a report from another province, ingested with title and date only", () => {
  it("is read through the CLI, and its subject, figures and officials come back through GraphQL", async () => {
    const file = path.join(dir, `${ID}.txt`);
    writeFileSync(file, REPORT);
    const cli = runCliScript("src/ingest/ingest-cli.ts", [file, "--title", "政府工作报告", "--date", "2024-01-16"], inject("neo4j"));
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({
      documentId: ID,
      status: "created",
      summary: { subject: "四川省/遂宁市", subjectSource: "HEADING", skipped: { noSubject: 0, noPeriod: 0, noIndicator: 0 } },
    });

    const doc = await data<{ node: { subject: { name: string; code: string; path: string; method: string }; subjectSource: string } }>(
      executor,
      `{ node(id: "${ID}") { ... on Document { subject { name code path method } subjectSource } } }`,
    );
    expect(doc.node).toEqual({ subject: { name: "遂宁市", code: "510900", path: "四川省/遂宁市", method: "REFERENCE" }, subjectSource: "HEADING" });

    const city = await data<{
      entity: {
        __typename: string;
        name: string;
        province: { name: string; code: string };
        observations: {
          edges: Array<{
            node: { value: number; unit: string; period: number; kind: string; measure: string; qualifier: string; indicator: { name: string } };
          }>;
        };
      };
    }>(
      executor,
      `{ entity(name: "510900") { __typename name ... on City { province { name code } }
         observations(first: 20) { edges { node { value unit period kind measure qualifier indicator { name } } } } } }`,
    );
    expect(city.entity.__typename).toBe("City");
    expect(city.entity.province).toEqual({ name: "四川省", code: "510000" });
    const figures = city.entity.observations.edges.map((e) => [
      e.node.indicator.name,
      e.node.period,
      e.node.kind,
      e.node.measure,
      e.node.value,
      e.node.unit,
      e.node.qualifier,
    ]);
    expect(figures).toEqual(
      expect.arrayContaining([
        ["地区生产总值", 2023, "ACTUAL", "GROWTH_RATE", 6.3, "%", "EXACT"],
        ["地区生产总值", 2023, "ACTUAL", "LEVEL", 1715.4, "亿元", "EXACT"],
        ["一般公共预算收入", 2023, "ACTUAL", "GROWTH_RATE", -1.8, "%", "EXACT"],
        ["地区生产总值", 2024, "TARGET", "GROWTH_RATE", 6.5, "%", "APPROX"],
        ["城镇调查失业率", 2024, "TARGET", "LEVEL", 5.5, "%", "AT_MOST"],
      ]),
    );
    expect(figures).toHaveLength(5);

    // The province's figure is the province's, and the county-level city's its own: each a place the text names.
    const others = await executor.read<{ place: string; value: number }>(
      cypher(
        `MATCH (o:Observation)-[:CITED_IN]->(:Passage {documentId: $id}), (o)-[:ABOUT]->(s) WHERE s.code <> '510900'
         RETURN s.path AS place, o.value AS value ORDER BY value`,
        { id: ID },
      ),
    );
    expect(others).toEqual([
      { place: "四川省", value: 6 },
      { place: "四川省/遂宁市/射洪市", value: 550.2 },
    ]);

    const mayor = await data<{ entity: { posts: Array<{ title: string; current: boolean; person: { name: string } }> } }>(
      executor,
      `{ entity(name: "遂宁市人民政府") { ... on Organization { posts { title current person { name } } } } }`,
    );
    expect(mayor.entity.posts).toEqual([{ title: "市长", current: true, person: { name: "陈志远" } }]);

    // Nothing from the Qingdao registry leaks into it.
    const leaked = await executor.read<{ name: string }>(
      cypher("MATCH (:Passage {documentId: $id})<-[:CITED_IN]-(e:Entity) WHERE e.name CONTAINS '青岛' OR e.name CONTAINS '山东' RETURN e.name AS name", {
        id: ID,
      }),
    );
    expect(leaked).toEqual([]);
  });
});
