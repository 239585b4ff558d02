import { describe, expect, it } from "vitest";
import { isSoftBreak, segment, sentenceSpans, splitLines } from "./segment.js";
import { validateSource } from "./read.js";
import { compact } from "./text/compact.js";

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

  it.each([
    ["全县一般公共预算收入达到12", "34.5亿元，增长6%。", true],
    ["全县一般公共预算收入达到12.4", "亿元，增长6%。", true],
    ["全年完成固定资产投资1200亿元", "，同比增长8%。", true],
    ["全县粮食产量增长3.2%；", "油料产量增长1.5%。", false],
    ["来源：县融媒体中心", "全年新增就业1.2万人。", false],
    ["全年新增就业1.2万人，", "【打印本页】", false],
  ])("without context: %s | %s → %s", (line, next, soft) => expect(isSoftBreak(line, next)).toBe(soft));

  it.each([
    ["全县粮食产量增长3.2%，油料增长1.5%；", "蔬菜产量增长2.1%。", true],
    ["全镇新建农村公路42公里，改造危桥", "7座，实现行政村通客车。", true],
    ["全镇新建农村公路42公里，改造危桥7座", "（一）农村公路建设，", false],
    ["县委书记王某某、县长李某某出席会议，听取意见", "全面推进乡村振兴", false],
  ])("in one paragraph: %s | %s → %s", (line, next, soft) => expect(isSoftBreak(line, next, { adjacent: true })).toBe(soft));
});

describe("sentenceSpans", () => {
  it("ends sentences after 。！？ and their closing quotes, and trims spaces", () => {
    const text = "刘新学说：“征程万里阔！”全年完成。 剩余";
    const spans = sentenceSpans(text, 0, text.length).map(([s, e]) => text.slice(s, e));
    expect(spans).toEqual(["刘新学说：“征程万里阔！”", "全年完成。", "剩余"]);
  });
});

describe("segment", () => {
  const text =
    "\n\n区市两会\n\n新增公园 12 个\n\n□青岛日报记者 王冰洁\n\n李沧区将新增城市公园4个、口袋公园8个。建设林荫绿道16公\n\n里。\n\n观海新闻/青岛晚报 记者 于波\n\n第二篇\n\n内容在此。\n";

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

/** Sentences of a text as the rules read them (compact views), each checked to slice the text exactly. */
function sentencesOf(text: string): string[] {
  const doc = segment(validateSource(enc(text), "t.txt", {}));
  for (const p of doc.passages) expect(text.slice(p.start, p.end)).toBe(p.text);
  return doc.passages.map((p) => compact(p.text).text);
}

function hardWrap(paragraph: string, widths: number[]): string {
  const lines: string[] = [];
  for (let i = 0, k = 0; i < paragraph.length; k += 1) {
    const width = widths[k % widths.length] as number;
    lines.push(paragraph.slice(i, i + width));
    i += width;
  }
  return lines.join("\n");
}

describe("segment: hard line breaks inside sentences", () => {
  const paragraphs = [
    "某某县二〇二三年工作回顾",
    "一、经济运行稳中向好",
    "全年全县地区生产总值达到1234.56亿元，比上年增长6.3%；一般公共预算收入完成87.9亿元，同口径增长8.1%。规模以上工业增加值增长9.7%，高新技术产业增加值占比提高到31.2%。",
    "城乡居民人均可支配收入分别达到45120元和21890元，分别增长5.4%和7.2%，居民收入增长与经济增长基本同步。新增城镇就业1.26万人，城镇登记失业率控制在3.1%以内。",
    "二、今年主要目标",
    "地区生产总值增长6%左右，一般公共预算收入增长5%以上，固定资产投资增长8%，社会消费品零售总额增长7%，粮食产量稳定在52.3万吨以上。",
  ];
  const expected = sentencesOf(paragraphs.join("\n"));
  const wrapProse = (widths: number[], indent = ""): string => paragraphs.map((p) => (p.length > 20 ? indent + hardWrap(p, widths) : p)).join("\n");

  it("keeps each sentence whole when lines break every 20 to 40 characters, mid-word and mid-number", () => {
    expect(expected).toHaveLength(8);
    for (let width = 20; width <= 40; width++) expect(sentencesOf(wrapProse([width]))).toEqual(expected);
  });

  it("keeps each sentence whole when the breaks fall at irregular places", () => {
    for (const widths of [
      [23, 37, 20, 31, 40, 28],
      [35, 21, 29, 38, 24],
      [40, 20, 33, 26, 39, 22, 30],
    ]) {
      expect(sentencesOf(wrapProse(widths))).toEqual(expected);
    }
  });

  it("joins a line cut short after a paragraph's indent (　　), in traditional script and full-width digits", () => {
    const text = "二、財政\n　　全縣一般公共預算收入達到\n８７．９億元，增長８．１％。\n三、民生";
    expect(sentencesOf(text)).toEqual(["二、财政", "全县一般公共预算收入达到87.9亿元，增长8.1%。", "三、民生"]);
  });
});

describe("segment: page furniture", () => {
  const text = [
    "当前位置：首页 > 政务公开 > 工作动态",
    "某某镇召开2023年度经济工作会议",
    "2023-12-05 16:20　来源：镇党政办　编辑：钱某",
    "【字体：大 中 小】【打印】【关闭】",
    "",
    "来源于企业的用工需求共1260个，已对接落实1020个。",
    "镇便民服务中心新增自助打印设备3台，群众办事更方便。",
    "- 2 -",
    "全镇新增市场主体312户，增长9.5%。",
    "",
    "扫一扫在手机打开当前页",
    "分享到：",
    "上一篇：某某镇开展冬季消防安全检查",
    "https://www.example.gov.cn/art/2023/12/5/art_1.html",
  ].join("\n");
  const doc = segment(validateSource(enc(text), "t.txt", {}));
  const furniture = doc.passages.filter((p) => p.isFurniture).map((p) => p.text);

  it("marks furniture lines as passages of their own, by shape", () => {
    expect(furniture).toEqual([
      "当前位置：首页 > 政务公开 > 工作动态",
      "2023-12-05 16:20　来源：镇党政办　编辑：钱某",
      "【字体：大 中 小】【打印】【关闭】",
      "- 2 -",
      "扫一扫在手机打开当前页",
      "分享到：",
      "上一篇：某某镇开展冬季消防安全检查",
      "https://www.example.gov.cn/art/2023/12/5/art_1.html",
    ]);
  });

  it("keeps every content line as content, in place", () => {
    const content = doc.passages.filter((p) => !p.isFurniture).map((p) => p.text);
    expect(content).toEqual([
      "某某镇召开2023年度经济工作会议",
      "来源于企业的用工需求共1260个，已对接落实1020个。",
      "镇便民服务中心新增自助打印设备3台，群众办事更方便。",
      "全镇新增市场主体312户，增长9.5%。",
    ]);
    expect(doc.passages.map((p) => p.index)).toEqual(doc.passages.map((_, i) => i));
  });

  it("takes neither headline nor section from furniture", () => {
    expect(doc.articles[0]?.headline).toBe("某某镇召开2023年度经济工作会议");
    expect(doc.passages.filter((p) => p.isFurniture).every((p) => !p.isHeading)).toBe(true);
    expect(doc.passages.at(-1)?.section).toBe("某某镇召开2023年度经济工作会议");
  });
});
