import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { IngestInputError } from "../errors/client-errors.js";
import { execFileSync } from "node:child_process";
import { MAX_DOCUMENT_BYTES, MAX_NOISE_SHARE, noiseShare, readSourceFile, validateSource } from "./read.js";

const SAMPLE = "市北区2023年主要预期目标：地区生产总值增长5.5%左右，一般公共预算收入增长6%左右，新增城镇就业4万人。\n";
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dir = mkdtempSync(path.join(tmpdir(), "read-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(bytes: Uint8Array, meta: unknown = {}): string {
  try {
    validateSource(bytes, "x.txt", meta);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestInputError);
    return (error as Error).message;
  }
  throw new Error("accepted");
}

describe("validateSource", () => {
  it("accepts a UTF-8 Chinese text and hashes its bytes", () => {
    const doc = validateSource(enc(SAMPLE), "sample.txt", { publishedOn: "2023-01-06" });
    expect(doc.meta).toMatchObject({ id: "sample", title: SAMPLE.trim().slice(0, 300), publishedOn: "2023-01-06" });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses an empty file", () => expect(refusal(new Uint8Array())).toMatch(/empty/));
  it("refuses binary content", () => expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14]))).toMatch(/binary/));
  it("refuses text that is not UTF-8", () => {
    const gbk = new Uint8Array([0xca, 0xd0, 0xb1, 0xb1, 0xc7, 0xf8, 0x41, 0x42]); // 市北区 in GBK
    expect(refusal(gbk)).toMatch(/not UTF-8 \(invalid byte at offset 0\)/);
  });
  it("refuses a file cut inside a multi-byte character", () => {
    const bytes = enc(SAMPLE.repeat(2));
    expect(refusal(bytes.subarray(0, bytes.length - 3))).toMatch(/ends inside a multi-byte character/);
  });
  it("reads a text that ends mid-sentence (a web excerpt) with a warning", () => {
    const text = `${SAMPLE}${"历史城区完成7.5万平方米整体性保护更新，海泊路、高密路等“老街里”精彩开街，大鲍岛文化休闲街区复苏老城"}`;
    const doc = validateSource(enc(text), "x.txt", {});
    expect(doc.text).toBe(text);
    expect(doc.warnings).toEqual(['text ends mid-sentence: "…鲍岛文化休闲街区复苏老城"']);
  });
  it("does not warn when only page furniture follows the last full stop", () => {
    const text = `来源：区政府办公室\n${SAMPLE}\n编辑：李某　审核：王某\n【打印本页】【关闭窗口】\n`;
    const doc = validateSource(enc(text), "x.txt", {});
    expect(doc.warnings).toBeUndefined();
    expect(doc.meta.title).toBe(SAMPLE.trim());
  });
  it("refuses text with no Chinese", () => expect(refusal(enc("Annual report 2023. GDP grew 5.5 percent.\n"))).toMatch(/no Chinese text/));
  it("refuses metadata with an impossible date, one line per problem", () => {
    const message = refusal(enc(SAMPLE), { publishedOn: "2023-02-30", reportYear: 1066 });
    expect(message.split("\n")).toHaveLength(2);
    expect(message).toMatch(/publishedOn: must be an ISO date/);
  });
  it("refuses metadata fields it does not know", () => expect(refusal(enc(SAMPLE), { date: "2023-01-01" })).toMatch(/Unrecognized key/i));

  it.each([["0000"], ["1948-12-31"], ["0000-01"], [`${new Date().getUTCFullYear() + 2}`], ["2023-02-29"], ["2024-00"]])(
    "refuses publishedOn %s: not a real date from 1949 to next year",
    (date) => {
      expect(refusal(enc(SAMPLE), { publishedOn: date })).toMatch(
        /publishedOn: must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD, a real one, from 1949 to next year/,
      );
    },
  );
  it.each([["1949"], ["2024-02-29"], [`${new Date().getUTCFullYear() + 1}-01-15`]])("accepts publishedOn %s", (date) => {
    expect(validateSource(enc(SAMPLE), "x.txt", { publishedOn: date }).meta.publishedOn).toBe(date);
  });
  it("refuses a report year before 1949 or after next year", () => {
    expect(refusal(enc(SAMPLE), { reportYear: 1948 })).toMatch(/reportYear/);
    expect(refusal(enc(SAMPLE), { reportYear: new Date().getUTCFullYear() + 2 })).toMatch(/reportYear: must not be after next year/);
  });
});

describe("noise: text that is mostly control, invisible or mis-decoded characters", () => {
  const han30 = "市北区新增城镇就业四万人地区生产总值增长百分之五点五左右一般公共预算";
  const noise = (n: number): string =>
    Array.from({ length: n }, (_, i) => String.fromCharCode([0x01, 0x1b, 0x7f, 0x85, 0xc3, 0xa9, 0xe6, 0x9c][i % 8] as number)).join("");

  it("measures the share of noise among the visible characters", () => {
    expect(noiseShare(SAMPLE)).toBe(0);
    expect(noiseShare("\t\n\r 市北区 · 5×3 ±2°")).toBe(0);
    expect(noiseShare("市北\u200b区\u0007")).toBeCloseTo(2 / 5);
    expect(noiseShare(`${han30}${noise(300)}`)).toBeCloseTo(300 / 333);
  });

  it("refuses 30 Han characters in control and Latin-1 noise, saying why", () => {
    const message = refusal(enc(`${han30}\n${noise(2000)}\n${han30}`));
    expect(message).toMatch(/% of the characters are control, invisible or Latin-1 characters \(at most 10%\)/);
    expect(message).toMatch(/save it as UTF-8 text/);
  });

  it("refuses a report whose UTF-8 was read as Latin-1 after its first lines (mojibake), and accepts a few stray characters", () => {
    const report = readFileSync(path.join(import.meta.dirname, "../../data/corpus/000_44ac3f7d2d8bc0f5.txt"));
    const garbled = `${report.subarray(0, 600).toString("utf8")}${report.subarray(600).toString("latin1")}`;
    expect(refusal(enc(garbled))).toMatch(/^x\.txt: 8\d% of the characters .* wrong encoding/);
    const stray = `${report.toString("utf8")}\u200b\u0008\ufeff`;
    expect(validateSource(enc(stray), "x.txt", {}).text).toBe(stray);
  });

  it("passes every corpus and open-gold report, well under the limit", () => {
    const files = execFileSync("find", [
      path.join(import.meta.dirname, "../../data/corpus"),
      path.join(import.meta.dirname, "../../data/gold"),
      "-name",
      "*.txt",
    ])
      .toString()
      .trim()
      .split("\n");
    expect(files.length).toBeGreaterThanOrEqual(45);
    for (const file of files) {
      expect(noiseShare(readFileSync(file, "utf8"))).toBeLessThan(MAX_NOISE_SHARE / 100);
      expect(() => readSourceFile(file)).not.toThrow();
    }
  });
});

describe("readSourceFile", () => {
  it("refuses a 50 MB file before reading it", () => {
    const file = path.join(dir, "huge.txt");
    writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 0x41));
    expect(() => readSourceFile(file)).toThrow(/50\.0 MB is over the 5 MB limit/);
    expect(MAX_DOCUMENT_BYTES).toBe(5 * 1024 * 1024);
  });

  it("reads the sibling .meta.json and lets flags override it", () => {
    const file = path.join(dir, "doc.txt");
    writeFileSync(file, SAMPLE);
    writeFileSync(path.join(dir, "doc.meta.json"), JSON.stringify({ title: "从文件", publisher: "青岛日报" }));
    expect(readSourceFile(file, { title: "从命令行" }).meta).toMatchObject({ id: "doc", title: "从命令行", publisher: "青岛日报" });
  });

  it("reads the corpus files byte for byte", () => {
    const file = path.join(import.meta.dirname, "../../data/corpus/003_e9034d67261caf9e.txt");
    expect(readSourceFile(file).text).toBe(readFileSync(file, "utf8"));
  });
});
