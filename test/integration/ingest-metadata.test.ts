import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { IngestInputError } from "../../src/errors/client-errors.js";
import { ingestDeps, ingestText } from "../../src/ingest/pipeline.js";
import { removeDocument } from "../helpers/documents.js";
import { testDatabase } from "../helpers/neo4j.js";

const { driver, executor } = testDatabase(60_000);
const deps = ingestDeps(executor);
const id = `metadata-update-${randomUUID().slice(0, 8)}`;

afterAll(async () => {
  await removeDocument(executor, id);
  await driver.close();
});

const TEXT = [
  "2024年政府工作报告摘要",
  "",
  "2024年，全区将力争实现地区生产总值增长6%左右，新增城镇就业3万人以上，金家岭金融区新引进金融机构50家。",
  "",
  "实施城市更新行动，改造老旧小区20个，新建口袋公园8处。",
  "",
].join("\n");
const ingest = (metadata: Record<string, unknown>) => ingestText(TEXT, `${id}.txt`, { id, ...metadata }, deps);

const FIRST = {
  title: "崂山区2024年政府工作报告摘要",
  publisher: "崂山区人民政府",
  publishedOn: "2024-01-08",
  reportYear: 2023,
  subject: "山东省/青岛市/崂山区",
};

/** The document's metadata and what its passages cite. */
async function state() {
  const [row] = await executor.read<Record<string, unknown>>(
    cypher(
      `MATCH (d:Document {id: $id})
       RETURN d.title AS title, d.publisher AS publisher, d.publishedOn AS publishedOn, d.reportYear AS reportYear,
              [(d)-[:REPORTS_ON]->(e) | e.name] AS subject,
              COUNT { MATCH (p:Passage {documentId: $id}) } AS passages,
              COUNT { MATCH (p:Passage {documentId: $id}) WHERE NOT (:Article)-[:HAS_PASSAGE]->(p) } AS loosePassages,
              COLLECT { MATCH (p:Passage {documentId: $id})<-[:CITED_IN]-(o:Observation)-[:ABOUT]->(s) RETURN s.name + ' ' + o.period + ' ' + o.value ORDER BY s.name, o.value } AS observations,
              COLLECT { MATCH (p:Passage {documentId: $id})<-[:CITED_IN]-(x) WITH DISTINCT x.id AS cited ORDER BY cited RETURN cited } AS cited,
              COUNT { MATCH (p:Passage {documentId: $id})<-[c:CITED_IN]-() } AS citations`,
      { id },
    ),
  );
  return row as Record<string, unknown> & { cited: string[]; observations: string[] };
}

/** Of the nodes an earlier reading cited, those left in the graph with no citation at all (reference data aside). */
async function leftUncited(ids: string[]): Promise<string[]> {
  const rows = await executor.read<{ id: string }>(
    cypher(
      `UNWIND $ids AS id MATCH (x {id: id}) WHERE (x:Entity OR x:Observation OR x:Post) AND NOT (x)-[:CITED_IN]->() AND coalesce(x.method, '') <> 'REFERENCE' RETURN x.id AS id`,
      { ids },
    ),
  );
  return rows.map((r) => r.id);
}

describe("the same text with new metadata", () => {
  it("is UNCHANGED with the same metadata, and UPDATED with new metadata, which it stores", async () => {
    expect((await ingest(FIRST)).status).toBe("created");
    const created = await state();
    expect(created).toMatchObject({ title: FIRST.title, publisher: FIRST.publisher, subject: ["崂山区"] });
    expect((await ingest(FIRST)).status).toBe("unchanged");

    const renamed = { ...FIRST, title: "崂山区政府工作报告（摘要）", publisher: "青岛日报", publishedOn: "2024-01-09" };
    const result = await ingest(renamed);
    expect(result.status).toBe("updated");
    expect(result.counts.observations).toBeGreaterThan(0);
    // Same text, same reading: the same passages cite the same nodes; only the Document's properties changed.
    expect(await state()).toEqual({ ...created, title: renamed.title, publisher: renamed.publisher, publishedOn: renamed.publishedOn });
    expect((await ingest(renamed)).status).toBe("unchanged");
  });

  it("reads the text again when the metadata changes what it says: another subject, another year", async () => {
    const before = await state();
    const moved = { ...FIRST, subject: "山东省/青岛市/市南区", reportYear: 2022, publishedOn: "2023-01-10" };
    expect((await ingest(moved)).status).toBe("updated");
    const after = await state();
    expect(after).toMatchObject({ subject: ["市南区"], loosePassages: 0, passages: before.passages });
    expect(after.observations.some((o) => o.startsWith("市南区 "))).toBe(true);
    expect(after.observations.some((o) => o.startsWith("崂山区"))).toBe(false);
    // Nothing the old reading alone stated is left behind without a citation.
    expect(await leftUncited(before.cited)).toEqual([]);

    expect((await ingest(FIRST)).status).toBe("updated");
    const back = await state();
    expect(back).toMatchObject({ subject: ["崂山区"], loosePassages: 0 });
    expect(back.observations).toEqual(before.observations);
    expect(await leftUncited(after.cited)).toEqual([]);
  });

  it("applies concurrent updates one after another: one reading is left, nothing of the others", async () => {
    const before = await state();
    const titles = ["甲稿", "乙稿", "丙稿", "丁稿"];
    const results = await Promise.all(titles.map((title, i) => ingest({ ...FIRST, title, ...(i % 2 ? { subject: "山东省/青岛市/市南区" } : {}) })));
    expect(results.map((r) => r.status)).toEqual(["updated", "updated", "updated", "updated"]);
    const after = await state();
    expect(titles).toContain(after.title);
    expect(after).toMatchObject({ passages: before.passages, loosePassages: 0 });
    expect(await leftUncited([...before.cited, ...after.cited])).toEqual([]);
    const [citations] = await executor.read<{ n: number }>(
      cypher("MATCH (p:Passage {documentId: $id})<-[c:CITED_IN]-(x) WITH x, p, c.start AS s, c.end AS e, count(*) AS n WHERE n > 1 RETURN count(*) AS n", {
        id,
      }),
    );
    expect(citations?.n).toBe(0);
    expect((await ingest(FIRST)).status).toBe("updated");
  });

  it("refuses bad new metadata and changes nothing", async () => {
    const before = await state();
    await expect(ingest({ ...FIRST, publishedOn: "0000" })).rejects.toBeInstanceOf(IngestInputError);
    await expect(ingest({ ...FIRST, publishedOn: "0000" })).rejects.toThrow(/publishedOn: must be an ISO date/);
    expect(await state()).toEqual(before);
  });
});
