import { describe, expect, it } from "vitest";
import { entityId, loadRegistry } from "../registry.js";
import { IndicatorVocabulary, indicatorVocabulary, matchKey, parseVocabulary, standardIndicator } from "./indicator-vocabulary.js";
import { indicatorFor } from "./observations.js";

const STANDARD: Array<[string, string]> = [
  ["地区生产总值", "地区生产总值"],
  ["GDP", "地区生产总值"],
  ["经济总量", "地区生产总值"],
  ["全市生产总值", "地区生产总值"],
  ["2023年全市实现地区生产总值", "地区生产总值"],
  ["市北区地区生产总值", "地区生产总值"],
  ["西海岸新区实现规上工业增加值", "规模以上工业增加值"],
  ["人均GDP", "人均地区生产总值"],
  ["人均地区生产总值", "人均地区生产总值"],
  ["海洋生产总值", "海洋生产总值"],
  ["第一产业增加值", "第一产业增加值"],
  ["三产增加值", "第三产业增加值"],
  ["规上工业增加值", "规模以上工业增加值"],
  ["全区规模以上工业增加值", "规模以上工业增加值"],
  ["全部工业增加值", "工业增加值"],
  ["地方一般公共预算收入", "一般公共预算收入"],
  ["一般公共预算收入中的税收收入", "税收收入"],
  ["一般公共预算收入中的税收", "税收收入"],
  ["其中税收收入", "税收收入"],
  ["民生支出", "民生支出"],
  ["全社会固定资产投资", "固定资产投资"],
  ["民间投资", "民间投资"],
  ["社消零", "社会消费品零售总额"],
  ["外贸进出口总额", "货物进出口总额"],
  ["进出口总额", "货物进出口总额"],
  ["全市货物出口总额", "出口总额"],
  ["实际利用外资", "实际使用外资"],
  ["城镇常住居民人均可支配收入", "城镇居民人均可支配收入"],
  ["农村常住居民人均可支配收入", "农村居民人均可支配收入"],
  ["全体居民人均可支配收入", "居民人均可支配收入"],
  ["城镇居民人均可支配收入", "城镇居民人均可支配收入"],
  ["农村居民人均可支配收入", "农村居民人均可支配收入"],
  ["居民人均可支配收入", "居民人均可支配收入"],
  ["农村居民人均消费支出", "农村居民人均消费支出"],
  ["CPI", "居民消费价格"],
  ["居民消费价格指数", "居民消费价格"],
  ["城镇新增就业", "新增城镇就业"],
  ["全年新增就业", "新增城镇就业"],
  ["城镇调查失业率", "城镇调查失业率"],
  ["城镇化率", "常住人口城镇化率"],
  ["户籍人口城镇化率", "户籍人口城镇化率"],
  ["人口自然增长率", "自然增长率"],
  ["万元GDP能耗", "单位地区生产总值能耗"],
  ["ＰＭ２．５平均浓度", "PM2.5平均浓度"],
  ["空气质量优良率", "空气质量优良天数比率"],
  ["研发投入", "全社会研发投入"],
  ["全社会研发经费投入", "全社会研发投入"],
  ["研究与试验发展经费支出", "全社会研发投入"],
  ["技术合同交易额", "技术合同成交额"],
  ["国家高新技术企业", "高新技术企业"],
  ["新认定高新技术企业", "新认定高新技术企业"],
  ["金融业增加值增速", "金融业增加值"],
  ["让金融业增加值", "金融业增加值"],
  ["本外币存款余额", "金融机构本外币存款余额"],
  ["港口吞吐量", "港口货物吞吐量"],
  ["粮食产量", "粮食总产量"],
  ["地區生產總值", "地区生产总值"],
  ["農村居民人均可支配收入", "农村居民人均可支配收入"],
  ["农村牧区常住居民人均可支配收入", "农村居民人均可支配收入"],
  ["地方一般公共预算收入（同口径）", "一般公共预算收入"],
  ["居民消费价格涨幅", "居民消费价格"],
  ["研发经费支出占地区生产总值比重", "研发经费投入强度"],
  ["固定资产投资比上年", "固定资产投资"],
  ["城镇调查失业率控制在", "城镇调查失业率"],
  ["去年全市地区生产总值年均", "地区生产总值"],
  ["黄河风情线大景区接待游客", "接待游客"],
  ["北部湾港集装箱吞吐量力争", "集装箱吞吐量"],
  ["（CBD）全年税收", "税收收入"],
];

const NOT_STANDARD = [
  "青岛国际邮轮港", // a project
  "市北区", // a place
  "全市", // a frame word alone
  "新建道路",
  "增加值",
  "城乡居民人均可支配收入", // two figures, neither the 全体居民 one
  "城镇和农村居民人均可支配收入",
  "比上年",
  "跨境电商进出口总额", // narrower than 货物进出口总额
  "新增高新技术企业", // a flow, not the stock of 高新技术企业
  "常住人口增加", // an increment, not the population
  "城镇常住人口",
  "有研发活动的规上工业企业",
  "服务业增加值占地区生产总值比重",
  "引进亿元以上项目",
  "拆除违建",
];

describe("standardIndicator", () => {
  it.each(STANDARD)("reads %s as %s", (phrase, name) => {
    expect(standardIndicator(phrase)?.name).toBe(name);
  });

  it.each(NOT_STANDARD)("finds no standard indicator in %s", (phrase) => {
    expect(standardIndicator(phrase)).toBeUndefined();
  });

  it("gives the registry's id scheme and the entry's category", () => {
    expect(standardIndicator("GDP")).toEqual({ id: entityId("INDICATOR", "地区生产总值"), name: "地区生产总值", category: "经济总量" });
  });
});

describe("the vocabulary file", () => {
  const vocabulary = indicatorVocabulary();

  it("holds at least 70 indicators, each with a category", () => {
    expect(vocabulary.entries.length).toBeGreaterThanOrEqual(70);
    for (const e of vocabulary.entries) {
      expect(e.id).toBe(entityId("INDICATOR", e.name));
      expect(e.category).toBeTruthy();
    }
  });

  it("shares no name or alias with the registry's indicators", () => {
    const surfaces = new Set(vocabulary.entries.flatMap((e) => [e.name, ...e.aliases].map(matchKey)));
    const registry = loadRegistry().entries.filter((e) => e.kind === "INDICATOR");
    for (const form of registry.flatMap((e) => [e.name, ...e.aliases])) {
      expect(surfaces.has(matchKey(form)), form).toBe(false);
      expect(standardIndicator(form), form).toBeUndefined();
    }
  });

  it("is consulted before the registry by indicatorFor", () => {
    const registry = loadRegistry();
    expect(indicatorFor(registry, "全区生产总值")).toEqual({ id: "indicator:地区生产总值", name: "地区生产总值" });
    expect(indicatorFor(registry, "新引进亿元以上项目")).toEqual({ id: "indicator:引进亿元以上项目", name: "引进亿元以上项目" });
    expect(indicatorFor(registry, "新建道路")).toEqual({ id: "indicator:新建道路", name: "新建道路" });
  });
});

describe("parseVocabulary", () => {
  it("names the bad entry and its field", () => {
    expect(() => parseVocabulary([{ name: "甲" }, { name: "" }], "v.yaml")).toThrow(/v\.yaml #2: name/);
    expect(() => parseVocabulary([{ name: "甲", alias: ["乙"] }], "v.yaml")).toThrow(/v\.yaml #1: .*alias/);
    expect(() => parseVocabulary({ name: "甲" }, "v.yaml")).toThrow(/expected a list/);
  });

  it("refuses a name or alias shared by two entries, whatever its width or case", () => {
    expect(() =>
      parseVocabulary([
        { name: "甲", aliases: ["乙"] },
        { name: "丙", aliases: ["乙"] },
      ]),
    ).toThrow(/"乙" names both 甲 and 丙/);
    expect(() =>
      parseVocabulary([
        { name: "甲", aliases: ["GDP"] },
        { name: "丙", aliases: ["ｇｄｐ"] },
      ]),
    ).toThrow(/names both/);
  });

  it("matches only what the given entries list", () => {
    const v = new IndicatorVocabulary(parseVocabulary([{ name: "甲乙丙", category: "测试" }]));
    expect(v.lookup("全市甲乙丙")).toEqual({ id: "indicator:甲乙丙", name: "甲乙丙", category: "测试" });
    expect(v.lookup("丁甲乙丙")).toBeUndefined();
  });
});
