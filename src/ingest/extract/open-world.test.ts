import { describe, expect, it } from "vitest";
import { extractText, nameOf } from "./test-deps.js";

/** Figures of a text about `subject`, as [value as printed, subject path, period, kind, measure, qualifier, normalized value]. */
function figures(text: string, meta: Parameters<typeof extractText>[1] = {}) {
  return extractText(text, meta).observations.map((o) => [
    o.valueText,
    nameOf(o.subjectId),
    o.periodStart !== undefined ? `${o.periodStart}-${o.period}` : o.period,
    o.kind,
    o.measure,
    o.qualifier,
    o.normalizedValue,
  ]);
}

const CITY = { title: "德阳市2024年政府工作报告", publishedOn: "2024-01-12" };
const COUNTY = { title: "2024年政府工作报告", subject: "四川省/德阳市/中江县", publishedOn: "2024-01-12" };

describe("figures in the shapes real reports use (item 4)", () => {
  it("reads the rate first and the level after it as two figures of one indicator", () => {
    expect(figures("一、2023年工作回顾\n全市地区生产总值增长6.1%、达到3015.2亿元。", CITY)).toEqual([
      ["6.1%", "四川省/德阳市", 2023, "ACTUAL", "GROWTH_RATE", "EXACT", 6.1],
      ["3015.2亿元", "四川省/德阳市", 2023, "ACTUAL", "LEVEL", "EXACT", 301520000000],
    ]);
  });

  it("splits 分别 lists value by value, and gives listed places their own value", () => {
    const found = figures("一、2023年工作回顾\n城乡居民人均可支配收入分别增长5.2%和6.9%。中江县、罗江区地区生产总值分别达到521.4亿元和214.8亿元。", CITY);
    expect(found.map((f) => [f[0], f[1], f[4]])).toEqual([
      ["5.2%", "四川省/德阳市", "GROWTH_RATE"],
      ["6.9%", "四川省/德阳市", "GROWTH_RATE"],
      ["521.4亿元", "四川省/德阳市/中江县", "LEVEL"],
      ["214.8亿元", "四川省/德阳市/罗江区", "LEVEL"],
    ]);
  });

  it("reads declines as negative rates, 控制在…以内 as AT_MOST, points of change and shares", () => {
    const found = figures(
      "一、2023年工作回顾\n全县固定资产投资下降3.4%，城镇调查失业率控制在5.5%以内，常住人口城镇化率提高1.2个百分点，数字经济核心产业增加值占地区生产总值比重为9.8%。",
      COUNTY,
    );
    expect(found.map((f) => [f[0], f[4], f[5], f[6]])).toEqual([
      ["3.4%", "GROWTH_RATE", "EXACT", -3.4],
      ["5.5%以内", "LEVEL", "AT_MOST", 5.5],
      ["1.2个百分点", "GROWTH_RATE", "EXACT", 1.2],
      ["9.8%", "LEVEL", "EXACT", 9.8],
    ]);
  });

  it("reads counts of projects and firms, and 比上年增长 in bulletins", () => {
    const bulletin = figures(
      "2023年德阳市国民经济和社会发展统计公报\n德阳市统计局\n\n全年全市规模以上工业增加值比上年增长8.3%。新增专精特新“小巨人”企业4家，签约亿元以上项目72个。",
      { title: "2023年德阳市国民经济和社会发展统计公报", publishedOn: "2024-03-20" },
    );
    expect(bulletin.map((f) => [f[0], f[1], f[2], f[3], f[4]])).toEqual([
      ["8.3%", "四川省/德阳市", 2023, "ACTUAL", "GROWTH_RATE"],
      ["4家", "四川省/德阳市", 2023, "ACTUAL", "LEVEL"],
      ["72个", "四川省/德阳市", 2023, "ACTUAL", "LEVEL"],
    ]);
  });

  it("files a figure under the place the clause names, never under a place the text does not name", () => {
    const found = figures("一、2023年工作回顾\n全市地区生产总值增长6.1%，同期全省地区生产总值增长6.0%。", CITY);
    expect(found.map((f) => f[1])).toEqual(["四川省/德阳市", "四川省"]);
    expect(figures("一、2023年工作回顾\n全区地区生产总值增长6.1%。", COUNTY)).toEqual([]);
  });
});

describe("time from the text (item 3)", () => {
  it("reads sections, relative words and spans of years", () => {
    const text = [
      "一、过去五年工作回顾",
      "过去五年，全市地区生产总值年均增长6.5%，累计新增城镇就业28.6万人。",
      "去年，全市一般公共预算收入增长7.2%。",
      "二、2024年主要预期目标",
      "地区生产总值增长6%左右。",
      "今年，力争新增市场主体2.5万户。",
      "未来五年，力争累计完成固定资产投资8000亿元。",
    ].join("\n");
    expect(figures(text, CITY).map((f) => [f[0], f[2], f[3], f[4]])).toEqual([
      ["6.5%", "2019-2023", "ACTUAL", "AVERAGE_GROWTH_RATE"],
      ["28.6万人", "2019-2023", "ACTUAL", "LEVEL"],
      ["7.2%", 2023, "ACTUAL", "GROWTH_RATE"],
      ["6%左右", 2024, "TARGET", "GROWTH_RATE"],
      ["2.5万户", 2024, "TARGET", "LEVEL"],
      ["8000亿元", "2024-2028", "TARGET", "LEVEL"],
    ]);
  });

  it("takes 预计 and 初步核算 as estimates in a report, and a bulletin's 初步核算 as results", () => {
    expect(figures("一、2023年工作回顾\n预计全年地区生产总值增长6.2%、达到3020亿元。", CITY).map((f) => f[3])).toEqual(["ESTIMATE", "ESTIMATE"]);
    const bulletin = { title: "2023年国民经济和社会发展统计公报", publishedOn: "2024-03-20", subject: "德阳市" };
    expect(figures("初步核算，全年全市地区生产总值3020.4亿元。", bulletin).map((f) => f[3])).toEqual(["ACTUAL"]);
  });

  it("gives a stock at the end of a span the span's last year only", () => {
    expect(figures("一、过去五年工作回顾\n过去五年，全市高速公路通车里程达到680公里。", CITY).map((f) => f[2])).toEqual([2023]);
  });

  it("leaves out a figure when no year can be known", () => {
    const x = extractText("全市地区生产总值增长6.1%。", { title: "德阳市政府工作报告", publishedOn: undefined });
    expect(x.observations).toEqual([]);
    expect(x.skipped.noPeriod).toBe(1);
  });
});

describe("分别 pairs of urban and rural figures", () => {
  it("names the first value the urban figure and the second the rural one", () => {
    const x = extractText("一、2023年工作回顾\n城乡居民人均可支配收入分别达到45120元和21930元。", {
      title: "德阳市2024年政府工作报告",
      publishedOn: "2024-01-12",
    });
    expect(x.observations.map((o) => [o.valueText, o.indicatorName])).toEqual([
      ["45120元", "城镇居民人均可支配收入"],
      ["21930元", "农村居民人均可支配收入"],
    ]);
  });
});
