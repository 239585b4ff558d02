import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { factKey, observationId } from "../../src/ingest/extract/observations.js";
import { ingestDeps, ingestText } from "../../src/ingest/pipeline.js";
import { removeDocument } from "../helpers/documents.js";
import { execute } from "../helpers/graphql.js";
import { testDatabase } from "../helpers/neo4j.js";

const { driver, executor } = testDatabase(60_000);
const deps = ingestDeps(executor);
const run = randomUUID().slice(0, 6);
const ids = [`merge-a-${run}`, `merge-b-${run}`];

afterAll(async () => {
  for (const id of ids) await removeDocument(executor, id);
  // A zone named only as a figure's subject has no citation of its own, so removeDocument leaves it.
  await executor.write(cypher("MATCH (e:Entity) WHERE e.id IN $ids AND NOT (e)-[:CITED_IN]->() DETACH DELETE e", { ids: TEST_ENTITIES }));
  await driver.close();
});

// Two zones and two people that a curator decides are one each (a typo, a second name).
const TEXT = [
  "崂山区2024年政府工作报告摘要",
  "",
  "2024年，崂山区将力争实现全区生产总值增长6%左右。澜沧湾科创园新引进研发机构12家，澜沧湾创新园新增高新技术企业30家。",
  "",
  "崂山区区长詹晓明出席会议。崂山区副区长詹小明作说明。",
  "",
].join("\n");
const META = { publishedOn: "2024-01-08", reportYear: 2023 };
const TEST_ENTITIES = ["zone:澜沧湾科创园", "zone:澜沧湾创新园", "person:詹晓明", "person:詹小明"];

const merge = async (keep: string, remove: string) => {
  const result = await execute(
    executor,
    `mutation ($k: String!, $r: String!) { mergeEntities(keep: $k, remove: $r) { id aliases } }`,
    { k: keep, r: remove },
    true,
  );
  expect(result.errors).toBeUndefined();
  return result.data?.mergeEntities as { id: string; aliases: string[] };
};

/** Observations and posts about the four entities, with their citations' documents and conflicts. */
async function facts() {
  return executor.read<{ label: string; id: string; about: string[]; docs: string[]; conflicts: number; stored: Record<string, unknown> }>(
    cypher(
      `MATCH (x) WHERE (x:Observation AND EXISTS { (x)-[:ABOUT]->(z:Zone) WHERE z.name IN ['澜沧湾科创园', '澜沧湾创新园'] })
                    OR (x:Post AND EXISTS { (p:Person)-[:HOLDS]->(x) WHERE p.name IN ['詹晓明', '詹小明'] })
       RETURN CASE WHEN x:Post THEN 'Post' ELSE 'Observation' END AS label, x.id AS id,
              [(x)-[:ABOUT|POST_IN]->(e) | e.id] + [(e)-[:HOLDS]->(x) | e.id] AS about,
              [(x)-[:CITED_IN]->(p) | p.documentId] AS docs,
              COUNT { (x)-[:CONFLICTS_WITH]-() } AS conflicts,
              properties(x) AS stored
       ORDER BY label, id`,
    ),
  );
}

const entityIds = async () =>
  (
    await executor.read<{ id: string }>(
      cypher("MATCH (e:Entity) WHERE e.name IN ['澜沧湾科创园', '澜沧湾创新园', '詹晓明', '詹小明'] RETURN e.id AS id ORDER BY id"),
    )
  ).map((r) => r.id);

describe("mergeEntities, then the same report again", () => {
  it("re-keys the facts to the kept entity, and a re-read finds them instead of adding copies", async () => {
    expect((await ingestText(TEXT, "a.txt", { id: ids[0], ...META }, deps)).status).toBe("created");
    const before = await facts();
    expect(before.filter((f) => f.label === "Observation")).toHaveLength(2);
    expect(before.filter((f) => f.label === "Post")).toHaveLength(2);

    await merge("澜沧湾科创园", "澜沧湾创新园");
    const person = await merge("詹晓明", "詹小明");
    expect(person).toMatchObject({ id: "person:詹晓明", aliases: expect.arrayContaining(["詹小明"]) });
    expect(await entityIds()).toEqual(["person:詹晓明", "zone:澜沧湾科创园"]);

    const merged = await facts();
    // Every id is the one ingestion would give the fact now: subject, indicator, person and body are the kept ones.
    for (const f of merged) {
      expect(f.id).not.toMatch(/创新园|小明/);
      expect(f.about.every((e) => !/创新园|小明/.test(e))).toBe(true);
      if (f.label === "Observation") {
        const s = f.stored as Parameters<typeof observationId>[0] & { periodStart: number | null; factKey: string };
        const key = { ...s, periodStart: s.periodStart ?? undefined };
        expect(f.id).toBe(observationId(key));
        expect(s.factKey).toBe(factKey(key));
      }
    }
    expect(merged.map((f) => f.conflicts)).toEqual(merged.map(() => 0));

    // The same text as another document: its facts are the merged ones, cited twice; nothing comes back under the removed ids.
    expect((await ingestText(TEXT, "b.txt", { id: ids[1], ...META }, deps)).status).toBe("created");
    const again = await facts();
    expect(again.map((f) => f.id)).toEqual(merged.map((f) => f.id));
    for (const f of again) expect([...new Set(f.docs)].sort()).toEqual([...ids].sort());
    expect(again.map((f) => f.conflicts)).toEqual(again.map(() => 0));
    expect(await entityIds()).toEqual(["person:詹晓明", "zone:澜沧湾科创园"]);

    // The first document read again with new metadata (UPDATED): still no copies, no conflicts.
    expect((await ingestText(TEXT, "a.txt", { id: ids[0], ...META, title: "崂山区政府工作报告（摘要）" }, deps)).status).toBe("updated");
    const updated = await facts();
    expect(updated.map((f) => [f.id, f.conflicts])).toEqual(merged.map((f) => [f.id, 0]));
    expect(await entityIds()).toEqual(["person:詹晓明", "zone:澜沧湾科创园"]);
  });

  it("keeps a chain of merges: an id merged into an entity that is merged again resolves to the last one", async () => {
    const result = await execute(executor, `{ entity(name: "詹晓明") { id } }`);
    expect(result.data?.entity).toEqual({ id: "person:詹晓明" });
    const [row] = await executor.read<{ mergedIds: string[] }>(cypher("MATCH (e:Entity {id: 'zone:澜沧湾科创园'}) RETURN e.mergedIds AS mergedIds"));
    expect(row?.mergedIds).toEqual(["zone:澜沧湾创新园"]);
  });
});
