import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { IngestInputError } from "../../src/errors/client-errors.js";
import { ingestDeps, ingestDocument, ingestFile } from "../../src/ingest/pipeline.js";
import { validateSource } from "../../src/ingest/read.js";
import { runCliScript } from "../helpers/cli.js";
import { documentFootprint, removeDocument } from "../helpers/documents.js";
import { testDatabase } from "../helpers/neo4j.js";

const { driver, executor } = testDatabase(60_000);
const deps = ingestDeps(executor);
const dir = mkdtempSync(path.join(tmpdir(), "ingest-test-"));
const ids: string[] = [];

afterAll(async () => {
  for (const id of ids) await removeDocument(executor, id);
  await driver.close();
  rmSync(dir, { recursive: true, force: true });
});

const NOTHING = { documents: 0, passages: 0, citations: 0, facts: 0 };
const REPORT = [
  "崂山区2024年政府工作报告摘要",
  "",
  "2024年，崂山区将力争实现全区生产总值增长6%左右，新增城镇就业3万人以上，金家岭金融区新引进金融机构50家。",
  "",
  "崂山区委书记高健出席会议。",
  "",
].join("\n");

describe("ingestDocument", () => {
  it("writes a new report's facts with citations and its place in the graph", async () => {
    const id = `test-report-${Date.now()}`;
    ids.push(id);
    const result = await ingestDocument(validateSource(new TextEncoder().encode(REPORT), `${id}.txt`, { publishedOn: "2024-01-08", reportYear: 2023 }), deps);
    expect(result.status).toBe("created");
    const rows = await executor.read<{ subject: string; indicator: string; period: number; kind: string; value: number; quote: string }>(
      cypher(
        `MATCH (o:Observation)-[c:CITED_IN]->(p:Passage {documentId: $id})
         MATCH (o)-[:ABOUT]->(s), (o)-[:OF_INDICATOR]->(i)
         RETURN s.name AS subject, i.name AS indicator, o.period AS period, o.kind AS kind, o.value AS value, c.quote AS quote ORDER BY c.start`,
        { id },
      ),
    );
    expect(rows).toEqual([
      { subject: "崂山区", indicator: "地区生产总值", period: 2024, kind: "TARGET", value: 6, quote: "崂山区将力争实现全区生产总值增长6%左右" },
      { subject: "崂山区", indicator: "新增城镇就业", period: 2024, kind: "TARGET", value: 3, quote: "新增城镇就业3万人以上" },
      { subject: "金家岭金融区", indicator: "新引进金融机构", period: 2024, kind: "TARGET", value: 50, quote: "金家岭金融区新引进金融机构50家" },
    ]);
  });

  it("changes nothing when the same file comes again", async () => {
    const file = path.join(dir, "same.txt");
    writeFileSync(file, REPORT.replace("2024年政府", "2024年区政府"));
    ids.push("same");
    expect((await ingestFile(file, { reportYear: 2023 }, deps)).status).toBe("created");
    const before = await documentFootprint(executor, "same");
    expect(before.passages).toBeGreaterThan(0);
    expect((await ingestFile(file, { reportYear: 2023 }, deps)).status).toBe("unchanged");
    expect(await documentFootprint(executor, "same")).toEqual(before);
  });

  it.each([
    ["empty.txt", "", /empty/],
    ["binary.txt", "\u0000\u0001PNG", /binary/],
    ["english.txt", "An annual report with no Chinese in it at all, ending properly.\n", /no Chinese text/],
    [
      "cut-utf8.txt",
      Buffer.concat([Buffer.from(`${REPORT}历史城区完成7.5万平方米整体性保护更新`), Buffer.from("街").subarray(0, 2)]),
      /ends inside a multi-byte character/,
    ],
    [
      "noise.txt",
      `崂山区二〇二四年政府工作报告摘要全区生产总值增长百分之六新增城镇就业三万人\n${"\u0001\u0002\u001b\u0085Ã©æ\u009c".repeat(200)}\n`,
      /characters are control, invisible or Latin-1/,
    ],
  ])("refuses %s with a clear error and writes nothing", async (name, content, message) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    await expect(ingestFile(file, {}, deps)).rejects.toThrow(message);
    expect(await documentFootprint(executor, path.basename(name, ".txt"))).toEqual(NOTHING);
  });

  it("reads a web excerpt that stops mid-sentence, with a warning in the result", async () => {
    const id = `excerpt-${Date.now()}`;
    ids.push(id);
    const file = path.join(dir, `${id}.txt`);
    writeFileSync(file, `${REPORT}历史城区完成7.5万平方米整体性保护更新，海泊路、高密路等“老街里”精彩开街，大鲍岛文化休闲街`);
    const result = await ingestFile(file, { publishedOn: "2024-01-08" }, deps);
    expect(result.status).toBe("created");
    expect(result.summary?.warnings).toEqual([expect.stringMatching(/ends mid-sentence/)]);
  });

  it("refuses metadata with a bad date and writes nothing", async () => {
    const file = path.join(dir, "dated.txt");
    writeFileSync(file, REPORT);
    const failure = ingestFile(file, { publishedOn: "2023-13-01" }, deps);
    await expect(failure).rejects.toBeInstanceOf(IngestInputError);
    await expect(failure).rejects.toThrow(/publishedOn: must be an ISO date/);
    expect(await documentFootprint(executor, "dated")).toEqual(NOTHING);
  });

  it("refuses a date that is no real one from 1949 to next year, such as 0000", async () => {
    const file = path.join(dir, "year-zero.txt");
    writeFileSync(file, REPORT);
    for (const publishedOn of ["0000", "1948-10-01", `${new Date().getUTCFullYear() + 2}-01`]) {
      await expect(ingestFile(file, { publishedOn }, deps)).rejects.toThrow(
        /publishedOn: must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD, a real one, from 1949 to next year/,
      );
    }
  });

  it("refuses different content under an existing id", async () => {
    const changed = validateSource(new TextEncoder().encode(`${REPORT}\n补充一句话，说明报告已经修改过了。\n`), "000_44ac3f7d2d8bc0f5.txt", {});
    await expect(ingestDocument(changed, deps)).rejects.toThrow(/already in the graph with different content/);
  });
});

describe("npm run ingest", () => {
  const target = inject("neo4j");
  const run = (args: string[]) => runCliScript("src/ingest/ingest-cli.ts", args, target);

  it("ingests a file with flags for its metadata and prints the result", () => {
    const file = path.join(dir, "cli-report.txt");
    writeFileSync(file, REPORT.replace("摘要", "要点"));
    ids.push("cli-report");
    const result = run([file, "--title", "崂山区政府工作报告要点", "--date", "2024-01-08", "--report-year", "2023"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ documentId: "cli-report", status: "created", counts: { observations: 3 } });
  });

  it("says what is wrong with a bad file in one line and exits 1", () => {
    const file = path.join(dir, "bad-date.txt");
    writeFileSync(file, REPORT);
    const result = run([file, "--date", "2023-02-30"]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("error: metadata publishedOn: must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD, a real one, from 1949 to next year");
  });
});
