import { afterAll, describe, expect, it } from "vitest";
import { IngestInputError } from "../errors/client-errors.js";
import { InternalError } from "../errors/internal-errors.js";
import { findNearDuplicates } from "./dedupe.js";
import { TEST_DEPS } from "./extract/test-deps.js";
import { extractDocument } from "./extract-document.js";
import { Extractor } from "./extractor.js";
import { buildGraphRows } from "./graph.js";
import { metadataHash } from "./metadata.js";
import { validateSource } from "./read.js";
import { writeStatements } from "./write.js";

const extractor = new Extractor({ workers: 1 });
afterAll(() => extractor.close());

const TEXT = "市北区2023年主要预期目标：地区生产总值增长5.5%左右，一般公共预算收入增长6%左右，新增城镇就业4万人。\n\n市北区委书记高健出席会议。\n";
const META = { id: "worker-doc", publishedOn: "2023-01-06", reportYear: 2022 };

describe("the extraction worker", () => {
  it("validates, extracts and writes the same statements as the stages run here, as plain data", async () => {
    const job = await extractor.open({ kind: "text", text: TEXT, sourceFile: "worker-doc.txt", metadata: META });
    const source = validateSource(new TextEncoder().encode(TEXT), "worker-doc.txt", META);
    expect(job.prepared).toEqual({ meta: source.meta, sha256: source.sha256, metadataSha256: metadataHash(source.meta), length: TEXT.length });

    const extracted = await job.extract();
    const x = extractDocument(source, TEST_DEPS);
    const rows = buildGraphRows({ ...x, nearDuplicates: findNearDuplicates(x.doc, []) }, TEST_DEPS);
    expect(extracted.entityIds.sort()).toEqual(rows.entities.map((e) => e.id).sort());
    expect(extracted.lookups).toBe(1);
    expect(structuredClone(await job.lookup(0))).toEqual(await job.lookup(0));

    const plan = await job.plan([], []);
    const expected = writeStatements(rows);
    expect(plan.statements).toBe(expected.length);
    expect(plan.counts.observations).toBe(rows.observations.length);
    for (let i = 0; i < plan.statements; i++) {
      const statement = await job.statement(i);
      expect(statement).toEqual(expected[i]);
      expect(structuredClone(statement)).toEqual(statement);
    }
    job.close();
  });

  it("rewrites the rows through a curator's merges: a merged-away id becomes the kept one", async () => {
    const job = await extractor.open({ kind: "text", text: TEXT, sourceFile: "worker-doc.txt", metadata: META });
    const { entityIds } = await job.extract();
    expect(entityIds).toContain("indicator:新增城镇就业");
    const plan = await job.plan([["indicator:新增城镇就业", "indicator:城镇新增就业人数"]], []);
    const all = JSON.stringify(await Promise.all(Array.from({ length: plan.statements }, (_, i) => job.statement(i))));
    expect(all).not.toContain("indicator:新增城镇就业");
    expect(all).toContain("indicator:城镇新增就业人数");
    job.close();
  });

  it("refuses bad input with the reader's own message, as an IngestInputError", async () => {
    const refused = extractor.open({ kind: "text", text: "Annual report 2023. GDP grew 5.5 percent.\n", sourceFile: "en.txt", metadata: {} });
    await expect(refused).rejects.toBeInstanceOf(IngestInputError);
    await expect(refused).rejects.toThrow("en.txt: no Chinese text (0 Han characters); this service reads Chinese government reports");
    await expect(extractor.open({ kind: "text", text: TEXT, sourceFile: "x.txt", metadata: { publishedOn: "0000" } })).rejects.toThrow(
      /publishedOn: must be an ISO date/,
    );
  });

  it("forgets a closed job, and fails the requests of a stopped worker instead of hanging", async () => {
    const job = await extractor.open({ kind: "text", text: TEXT, sourceFile: "x.txt", metadata: {} });
    job.close();
    await expect(job.extract()).rejects.toThrow(/no extraction job/);

    const other = await extractor.open({ kind: "text", text: TEXT, sourceFile: "x.txt", metadata: {} });
    const failed = expect(other.extract()).rejects.toBeInstanceOf(InternalError);
    await extractor.close();
    await failed;
    other.close();
    // A new worker starts on the next open.
    const again = await extractor.open({ kind: "text", text: TEXT, sourceFile: "x.txt", metadata: {} });
    expect((await again.extract()).entityIds.length).toBeGreaterThan(0);
    again.close();
  });
});
