import { describe, expect, it } from "vitest";
import { findQuantities, parseChineseNumeral } from "./quantity.js";

describe("parseChineseNumeral", () => {
  it.each([
    ["两", 2],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["一百零五", 105],
    ["三千", 3000],
    ["两千五百", 2500],
    ["三万五千", 35000],
    ["一亿二千万", 120000000],
    ["千", 1000],
    ["九十", 90],
  ])("%s = %d", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(["十四五", "二三", "百十千", ""])("refuses %s", (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });
});

const one = (text: string) => {
  const all = findQuantities(text);
  expect(all).toHaveLength(1);
  const [first] = all;
  if (!first) throw new Error(`no quantity in ${text}`);
  return first;
};

describe("findQuantities", () => {
  it("reads a growth rate with 左右", () => {
    expect(one("地区生产总值增长5.5%左右，")).toMatchObject({
      text: "5.5%左右",
      value: 5.5,
      unit: "%",
      qualifier: "APPROX",
      normalizedValue: 5.5,
      normalizedUnit: "%",
    });
  });

  it("multiplies out 万 and 亿 with decimals, the case npm parsers get wrong", () => {
    expect(one("新增城镇就业4.76万人")).toMatchObject({ value: 4.76, unit: "万人", magnitude: 1e4, normalizedValue: 47600, normalizedUnit: "人" });
    expect(one("新增泊位1.3万个以上")).toMatchObject({ value: 1.3, unit: "万个", normalizedValue: 13000, qualifier: "AT_LEAST" });
    expect(one("突破1100亿元")).toMatchObject({ text: "1100亿元", value: 1100, normalizedValue: 110000000000, normalizedUnit: "元", qualifier: "EXCEEDS" });
    expect(one("理财公司管理规模突破2万亿元")).toMatchObject({ unit: "万亿元", normalizedValue: 2e12, normalizedUnit: "元" });
    expect(one("外资1.6亿美元")).toMatchObject({ unit: "亿美元", normalizedValue: 160000000, normalizedUnit: "美元" });
    expect(one("0.8万户")).toMatchObject({ normalizedValue: 8000 });
  });

  it("reads 余, 多, 近, 约, 超过, 以上 and combinations", () => {
    expect(one("惠民3000余户")).toMatchObject({ text: "3000余户", qualifier: "MORE_THAN", value: 3000, unit: "户" });
    expect(one("开展文化惠民活动近2600场次")).toMatchObject({ text: "2600场次", prefixStart: 8, qualifier: "NEARLY", unit: "场次" });
    expect(one("惠及居民约1.47万户")).toMatchObject({ qualifier: "APPROX", normalizedValue: 14700 });
    expect(one("科技型中小企业超过420家")).toMatchObject({ qualifier: "MORE_THAN", value: 420, unit: "家" });
    expect(one("全年接待参观学习超2.7万余人次")).toMatchObject({ qualifier: "MORE_THAN", text: "2.7万余人次", normalizedValue: 27000, normalizedUnit: "人次" });
    expect(one("盘活低效用地900亩以上")).toMatchObject({ qualifier: "AT_LEAST", unit: "亩" });
    expect(one("总投资过千亿元的项目")).toMatchObject({ qualifier: "MORE_THAN", value: 1000, unit: "亿元", normalizedValue: 1e11 });
    expect(one("出口近3500辆")).toMatchObject({ qualifier: "NEARLY", value: 3500, unit: "辆" });
  });

  it("reads Chinese numerals with a unit, and 近万家", () => {
    expect(one("两所幼儿园")).toMatchObject({ value: 2, unit: "所", numeral: "chinese" });
    expect(one("引导近万家经营主体")).toMatchObject({ value: 1, unit: "万家", normalizedValue: 10000, qualifier: "NEARLY" });
  });

  it("reads percentage points, multiples, fractions, full-width digits and ranges", () => {
    expect(one("同比增长24.8个百分点")).toMatchObject({ value: 24.8, unit: "个百分点" });
    expect(one("增长超50倍")).toMatchObject({ value: 50, unit: "倍", qualifier: "MORE_THAN" });
    expect(one("占全市总量的1/6")).toMatchObject({ value: 0.166666666667, numeral: "fraction", unit: "" });
    expect(one("共１２个")).toMatchObject({ value: 12, unit: "个" });
    expect(one("建设3—5个")).toMatchObject({ value: 3, valueMax: 5, unit: "个" });
  });

  it("finds each quantity of an enumeration with its own offsets", () => {
    const text = "新建医疗机构27所、公立社区卫生服务中心4所。";
    const found = findQuantities(text);
    expect(found.map((q) => text.slice(q.start, q.end))).toEqual(["27所", "4所"]);
  });

  it("ignores numbers without a unit and names made of 亿元", () => {
    expect(findQuantities("2023年")).toHaveLength(1); // 年 is a unit; dates are filtered by the extractor
    expect(findQuantities("力争引进亿元项目")).toHaveLength(0);
    expect(findQuantities("“十四五”规划")).toHaveLength(0);
    expect(findQuantities("第556期")).toHaveLength(1);
  });

  it("keeps spaces inside a quantity as printed", () => {
    expect(one("新增公园 12 个")).toMatchObject({ text: "12 个", value: 12, unit: "个" });
  });
});
