import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { IngestInputError } from "../errors/client-errors.js";
import { MAX_DOCUMENT_BYTES, readSourceFile, validateSource } from "./read.js";

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
