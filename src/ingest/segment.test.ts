import { describe, expect, it } from "vitest";
import { isSoftBreak, segment, sentenceSpans, splitLines } from "./segment.js";
import { validateSource } from "./read.js";

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("isSoftBreak", () => {
  it.each([
    ["市北区将从做强产业发展链条、厚植产业发展生态、", "提升产业发展活力等几大方面发力。", true],
    ["修缮历史风貌建筑6万平方米，建设5", "处口袋公园和1条城市绿道。", true],
    ["继续为全区居民购买灾害民生综合保", "险和家庭综合保险。", true],
    ["完成历年棚改遗留533户清零，拆除筒子楼73栋、21万平方米。同步实施", "微更新224处。", true],
    ["实施“举旗铸魂”工程，打造值得党组织托付的政治机关", "干部队伍的整体素质，直接关系到成效。", false],
    ["1 紧抓实体经济振兴 聚力打造集聚型产业高地", "做强产业发展链条：加快低效用地盘活。", false],
    ["市北", "区市两会传递强音", false],
    ["主要预期目标", "地区生产总值增长5.5%左右。", false],
  ])("%s | %s → %s", (line, next, soft) => {
    expect(isSoftBreak(line, next)).toBe(soft);
  });
});

describe("sentenceSpans", () => {
  it("ends sentences after 。！？ and their closing quotes, and trims spaces", () => {
    const text = "刘新学说：“征程万里阔！”全年完成。 剩余";
    const spans = sentenceSpans(text, 0, text.length).map(([s, e]) => text.slice(s, e));
    expect(spans).toEqual(["刘新学说：“征程万里阔！”", "全年完成。", "剩余"]);
  });
});

describe("segment", () => {
  const text = "\n\n区市两会\n\n新增公园 12 个\n\n□青岛日报记者 王冰洁\n\n李沧区将新增城市公园4个、口袋公园8个。建设林荫绿道16公\n\n里。\n\n观海新闻/青岛晚报 记者 于波\n\n第二篇\n\n内容在此。\n";

  it("splits lines with exact offsets", () => {
    for (const line of splitLines(text)) expect(text.slice(line.start, line.end)).toBe(line.text);
  });

  it("finds articles from bylines when the metadata has no hints", () => {
    const doc = segment(validateSource(enc(text.repeat(1)), "t.txt", {}));
    expect(doc.articles.map((a) => a.headline)).toEqual(["区市两会", "第二篇"]);
    expect(doc.articles[0]?.byline).toBe("青岛日报记者 王冰洁");
  });

  it("splits at the lines the metadata names and keeps a page header", () => {
    const doc = segment(validateSource(enc(text), "t.txt", { articles: [{ startsWith: "新增公园", place: "李沧区" }, { startsWith: "第二篇" }] }));
    expect(doc.articles.map((a) => [a.kind, a.headline, a.place])).toEqual([
      ["PAGE_HEADER", "区市两会", null],
      ["ARTICLE", "新增公园 12 个", "李沧区"],
      ["ARTICLE", "第二篇", null],
    ]);
  });

  it("joins a sentence broken by the layout, keeping the break inside its exact span", () => {
    const doc = segment(validateSource(enc(text), "t.txt", {}));
    const broken = doc.passages.find((p) => p.text.startsWith("建设林荫绿道"));
    expect(broken?.text).toBe("建设林荫绿道16公\n\n里。");
    for (const p of doc.passages) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it("refuses article hints that match no line", () => {
    expect(() => segment(validateSource(enc(text), "t.txt", { articles: [{ startsWith: "不存在" }] }))).toThrow(/no line starts with "不存在"/);
  });
});
