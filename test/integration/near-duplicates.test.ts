import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documents, planFor } from "../../bench/data/generate.js";
import { cypher } from "../../src/db/cypher-query.js";
import type { Executor } from "../../src/db/executor.js";
import { bandKeys, candidateLookup, LSH_BANDS } from "../../src/ingest/dedupe.js";
import { ingestDeps, ingestDocument } from "../../src/ingest/pipeline.js";
import { validateSource } from "../../src/ingest/read.js";
import { segment } from "../../src/ingest/segment.js";
import { writeStatements } from "../../src/ingest/write.js";
import { startThrowawayDatabase } from "../helpers/throwaway-neo4j.js";

// Its own database: it fills the graph with thousands of unrelated passages, which the shared one must not see.
let db: Awaited<ReturnType<typeof startThrowawayDatabase>>;
let executor: Executor;

const ORIGINAL = [
  "2024年，蓝湾新区将围绕海洋牧场建设，新建深远海养殖工船三艘，带动渔业产值增长百分之十二。",
  "蓝湾新区加快建设海洋科创走廊，引进涉海研发机构二十家，建成国家级海洋装备检测平台。",
  "实施滨海步道贯通工程，新增滨海绿道十八公里，完成岸线生态修复四百公顷。",
].join("\n\n");
// The same report re-typeset: half-width punctuation, one figure changed, one word dropped.
const NEAR_COPY = ORIGINAL.replaceAll("，", ",").replace("二十家", "二十一家").replace("完成岸线", "岸线");

const sourceOf = (id: string, text: string) =>
  validateSource(new TextEncoder().encode(`${text}\n`), `${id}.txt`, { publishedOn: "2024-01-08", reportYear: 2023 });

const passageCount = async () => (await executor.read<{ n: number }>(cypher("MATCH (p:Passage) RETURN count(p) AS n")))[0]?.n ?? 0;

/** Generated districts (bench/data/generate.ts), loaded through the writer: passages unrelated to the test's reports. */
async function loadUnrelated(nodes: number, from: number): Promise<void> {
  const plan = planFor(nodes, 7);
  const docs = [...documents(plan, from)];
  for (let i = 0; i < docs.length; i += 50) await executor.writeAll(writeStatements(...docs.slice(i, i + 50)), 300_000);
}

beforeAll(async () => {
  db = await startThrowawayDatabase("512m");
  executor = db.executor;
}, 300_000);

afterAll(async () => {
  await db?.close();
});

describe("near-duplicates through LSH band keys", () => {
  const deps = () => ingestDeps(executor);

  it("stores a passage's 32 band keys and links a near-copy to it", async () => {
    expect((await ingestDocument(sourceOf("lsh-original", ORIGINAL), deps())).status).toBe("created");
    const [first] = await executor.read<{ properties: Record<string, unknown> }>(
      cypher("MATCH (p:Passage {documentId: 'lsh-original'}) RETURN properties(p) AS properties ORDER BY p.start LIMIT 1"),
    );
    const stored = Object.entries(first?.properties ?? {})
      .filter(([k]) => /^lsh[0-9a-f]{2}$/.test(k))
      .sort(([a], [b]) => a.localeCompare(b));
    expect(stored).toHaveLength(LSH_BANDS);
    expect(stored.map(([, key]) => key)).toEqual(bandKeys(String(first?.properties.text)));

    const result = await ingestDocument(sourceOf("lsh-copy", NEAR_COPY), deps());
    expect(result.counts.nearDuplicates).toBe(3);
    const links = await executor.read<{ similarity: number }>(
      cypher("MATCH (:Passage {documentId: 'lsh-copy'})-[r:NEAR_DUPLICATE_OF]->(:Passage {documentId: 'lsh-original'}) RETURN r.similarity AS similarity"),
    );
    expect(links).toHaveLength(3);
    for (const { similarity } of links) expect(similarity).toBeGreaterThanOrEqual(0.6);
  });

  it("looks candidates up by index: db hits stay flat while unrelated passages grow", async () => {
    const lookup = candidateLookup(segment(sourceOf("lsh-probe", NEAR_COPY)));
    await loadUnrelated(1_000, 0);
    const small = { passages: await passageCount(), ...(await executor.profile(lookup)) };
    await loadUnrelated(10_000, planFor(1_000, 7).districts);
    const large = { passages: await passageCount(), ...(await executor.profile(lookup)) };

    expect(large.passages).toBeGreaterThan(5 * small.passages);
    expect(small.rows).toBe(6); // the original's three passages and the copy's three, nothing else
    expect(large.rows).toBe(small.rows);
    expect(large.dbHits).toBe(small.dbHits);
    expect(large.dbHits).toBeLessThan(large.passages / 10);
    expect(large.operators.filter((o) => /Scan/.test(o))).toEqual([]);
    expect(large.operators.some((o) => o.startsWith("NodeIndexSeek"))).toBe(true);
  }, 300_000);

  it("claims the id in the same transaction: of two different texts under one id, one is written and the other refused", async () => {
    const outcomes = await Promise.allSettled([
      ingestDocument(sourceOf("lsh-race", ORIGINAL.replace("三艘", "四艘")), deps()),
      ingestDocument(sourceOf("lsh-race", ORIGINAL.replace("三艘", "五艘")), deps()),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((o) => o.status === "rejected");
    expect(refused?.status === "rejected" && String(refused.reason)).toMatch(/already in the graph with different content/);
    const [row] = await executor.read<{ documents: number; passages: number }>(
      cypher("MATCH (d:Document {id: 'lsh-race'}) RETURN count(d) AS documents, COUNT { MATCH (p:Passage {documentId: 'lsh-race'}) } AS passages"),
    );
    expect(row).toEqual({ documents: 1, passages: 3 });
  });
});
