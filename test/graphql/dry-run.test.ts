import { afterAll, describe, expect, it } from "vitest";
import { documentFootprint, removeDocument } from "../helpers/documents.js";
import { execute } from "../helpers/graphql.js";
import { testDatabase } from "../helpers/neo4j.js";

const { driver, executor } = testDatabase(60_000);
const ids: string[] = [];
afterAll(async () => {
  for (const id of ids) await removeDocument(executor, id);
  await driver.close();
});

const NOTHING = { documents: 0, passages: 0, citations: 0, facts: 0 };
const TEXT = [
  "崂山区2025年政府工作报告摘要",
  "",
  "2025年，崂山区将力争实现全区生产总值增长6%左右，新增城镇就业3万人以上，金家岭金融区新引进金融机构50家。",
  "",
  "全县地区生产总值增长5.5%。",
  "",
  "崂山区区长王晓明出席会议。",
  "",
].join("\n");

const INGEST = `mutation ($text: String!, $metadata: DocumentMetadataInput!, $dryRun: Boolean!) {
  ingestDocument(text: $text, metadata: $metadata, dryRun: $dryRun) {
    documentId status dryRun passages entities observations posts relations skippedNoSubject skippedNoPeriod skippedNoIndicator
    preview {
      text truncated
      entities { id kind name method mentions { start end quote } }
      observations { id subject indicator kind period value unit qualifier citations { start end quote } }
      posts { person title organization citations { start end quote } }
      relations { type from to citations { start end quote } }
      skipped { reason start end quote }
    }
  }
}`;

interface Span {
  start: number;
  end: number;
  quote: string;
}
interface Preview {
  text: string;
  truncated: boolean;
  entities: Array<{ id: string; kind: string; name: string; mentions: Span[] }>;
  observations: Array<{ subject: string; indicator: string; kind: string; period: number; value: number; unit: string; citations: Span[] }>;
  posts: Array<{ person: string; title: string; organization: string; citations: Span[] }>;
  relations: Array<{ citations: Span[] }>;
  skipped: Array<Span & { reason: string }>;
}
interface Result {
  documentId: string;
  status: string;
  dryRun: boolean;
  observations: number;
  entities: number;
  posts: number;
  skippedNoPeriod: number;
  skippedNoSubject: number;
  skippedNoIndicator: number;
  preview: Preview | null;
}

async function ingest(
  text: string,
  id: string,
  dryRun: boolean,
  curator = true,
): Promise<{ result?: Result; errors?: Array<{ message: string; code: unknown }> }> {
  const response = await execute(executor, INGEST, { text, metadata: { id, publishedOn: "2025-01-08", reportYear: 2024 }, dryRun }, curator);
  if (response.errors?.length) return { errors: response.errors.map((e) => ({ message: e.message, code: e.extensions?.code })) };
  return { result: (response.data as { ingestDocument: Result }).ingestDocument };
}

describe("ingestDocument(dryRun: true)", () => {
  it("shows the figures, entities and posts at their offsets and writes nothing", async () => {
    const id = `dry-run-${Date.now()}`;
    ids.push(id);
    const { result, errors } = await ingest(TEXT, id, true);
    expect(errors).toBeUndefined();
    if (!result?.preview) throw new Error("no preview");
    expect(result).toMatchObject({ documentId: id, status: "CREATED", dryRun: true });
    const { preview } = result;
    expect(preview.text).toBe(TEXT);
    expect(preview.observations.map((o) => [o.subject, o.indicator, o.kind, o.period, o.value, o.unit])).toEqual([
      ["崂山区", "地区生产总值", "TARGET", 2025, 6, "%"],
      ["崂山区", "新增城镇就业", "TARGET", 2025, 3, "万人"],
      ["金家岭金融区", "新引进金融机构", "TARGET", 2025, 50, "家"],
    ]);
    expect(preview.posts.map((p) => [p.person, p.title])).toContainEqual(["王晓明", "区长"]);
    expect(preview.entities.map((e) => e.name)).toEqual(expect.arrayContaining(["崂山区", "金家岭金融区", "王晓明"]));
    // Every span is the exact characters of the stored text.
    const spans = [
      ...preview.observations.flatMap((o) => o.citations),
      ...preview.entities.flatMap((e) => e.mentions),
      ...preview.posts.flatMap((p) => p.citations),
      ...preview.relations.flatMap((r) => r.citations),
      ...preview.skipped,
    ];
    expect(spans.length).toBeGreaterThan(5);
    for (const s of spans) expect(preview.text.slice(s.start, s.end)).toBe(s.quote);
    // A figure of 全县 in a district's report has no place to be filed under: left out, with the reason.
    expect(result.skippedNoPeriod + result.skippedNoSubject + result.skippedNoIndicator).toBe(preview.skipped.length);
    expect(preview.skipped).toEqual([expect.objectContaining({ reason: "NO_SUBJECT", quote: "5.5%" })]);
    expect(result.observations).toBe(preview.observations.length);
    expect(preview.truncated).toBe(false);

    expect(await documentFootprint(executor, id)).toEqual(NOTHING);
    const node = await execute(executor, `query ($id: ID!) { node(id: $id) { id } }`, { id });
    expect(node.data).toEqual({ node: null });

    // The real ingest then writes what the dry run showed.
    const real = await ingest(TEXT, id, false);
    expect(real.result).toMatchObject({
      status: "CREATED",
      dryRun: false,
      preview: null,
      observations: result.observations,
      entities: result.entities,
      posts: result.posts,
    });
    expect((await documentFootprint(executor, id)).facts).toBe(3);

    // Again, the dry run says it would change nothing.
    expect((await ingest(TEXT, id, true)).result).toMatchObject({ status: "UNCHANGED", dryRun: true });
  }, 60_000);

  it("refuses a different text under a taken id, and callers without the token, like the real ingest", async () => {
    const taken = (await ingest(`${TEXT}补充。\n`, "000_44ac3f7d2d8bc0f5", true)).errors;
    expect(taken).toEqual([expect.objectContaining({ code: "BAD_USER_INPUT", message: expect.stringMatching(/different content/) })]);
    const anonymous = (await ingest(TEXT, `dry-anon-${Date.now()}`, true, false)).errors;
    expect(anonymous).toEqual([expect.objectContaining({ code: "UNAUTHENTICATED" })]);
    const bad = (await ingest("\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008 abc", `dry-bad-${Date.now()}`, true)).errors;
    expect(bad?.[0]?.code).toBe("BAD_USER_INPUT");
  });
});
