import { describe, expect, it } from "vitest";
import { extractDocument } from "../pipeline.js";
import { validateSource } from "../read.js";
import type { ArticleHint } from "../types.js";
import { TEST_DEPS as deps } from "./test-deps.js";

const { registry } = deps;
const FILLER = "以上内容摘自区政府工作报告，供读者参考。";

/** Extracts from one article of text about `place`, as a page reviewing `reportYear` would read. */
function extract(text: string, hint: Partial<ArticleHint> = {}, reportYear = 2022) {
  // A closing sentence without figures keeps short cases above the reader's minimum of Chinese text.
  const source = validateSource(new TextEncoder().encode(`${text}\n\n${FILLER}\n`), "t.txt", {
    reportYear,
    articles: [{ startsWith: text.slice(0, 4), place: "市北区", ...hint }],
  });
  return extractDocument(source, deps).observations.map((o) => ({
    value: o.valueText,
    subject: registry.byId.get(o.subjectId)?.name ?? o.subjectId,
    indicator: o.indicatorName,
    period: o.period,
    kind: o.kind,
    measure: o.measure,
    qualifier: o.qualifier,
  }));
}

describe("extractObservations", () => {
  it("reads a plan's targets with their growth measure and canonical indicator", () => {
    expect(extract("力争实现地区生产总值增长5.5%左右，全年新增就业4万人，引进亿元项目80个以上。", { period: 2023, observationKind: "TARGET" })).toEqual([
      { value: "5.5%左右", subject: "市北区", indicator: "地区生产总值", period: 2023, kind: "TARGET", measure: "GROWTH_RATE", qualifier: "APPROX" },
      { value: "4万人", subject: "市北区", indicator: "新增城镇就业", period: 2023, kind: "TARGET", measure: "LEVEL", qualifier: "EXACT" },
      { value: "80个以上", subject: "市北区", indicator: "引进亿元以上项目", period: 2023, kind: "TARGET", measure: "LEVEL", qualifier: "AT_LEAST" },
    ]);
  });

  it("tells estimates from results in a review: 预计 reaches until 完成", () => {
    const found = extract("预计地区生产总值突破1100亿元，一般公共预算收入完成105.8亿元，增长4.3%。", { period: 2022, observationKind: "ACTUAL" });
    expect(found.map((o) => [o.value, o.kind, o.qualifier])).toEqual([
      ["1100亿元", "ESTIMATE", "EXCEEDS"],
      ["105.8亿元", "ACTUAL", "EXACT"],
      ["4.3%", "ACTUAL", "EXACT"],
    ]);
    expect(found[2]?.indicator).toBe("一般公共预算收入");
  });

  it("takes an explicit year before the number, not one inside a title", () => {
    const found = extract("2022年崂山金家岭金融区新落户重点项目166个。落实《行动计划（2021—2025年）》，156个排口全部溯源。", {
      place: "崂山区",
      period: 2023,
      observationKind: "TARGET",
    });
    expect(found.map((o) => [o.value, o.subject, o.period, o.kind])).toEqual([
      ["166个", "金家岭金融区", 2022, "ACTUAL"],
      ["156个", "崂山区", 2023, "TARGET"],
    ]);
  });

  it("gives a listed project's figure to the zone all listed items share, or else to the place", () => {
    expect(extract("中央商务区加快青啤时尚小镇等9个项目建设。", { period: 2023, observationKind: "TARGET" })[0]?.subject).toBe("中央商务区");
    expect(extract("新建成双山小学、中央商务区实验学校等3所学校。", { period: 2023, observationKind: "TARGET" })[0]?.subject).toBe("市北区");
  });

  it("carries a statement's zone or project to its later clauses, and 全区 back to the district", () => {
    expect(extract("15支基金落户新金融产业园，总注册规模超70亿元。", { period: 2023, observationKind: "ACTUAL" }).map((o) => o.subject)).toEqual([
      "青岛新金融产业园",
      "青岛新金融产业园",
    ]);
    expect(extract("台东步行街入选首批省级示范步行街，全区单日最高客流量突破40万人次。", { period: 2022, observationKind: "ACTUAL" })[0]?.subject).toBe(
      "市北区",
    );
  });

  it("skips dates, ordinals, names in quotes, report structure and size classes", () => {
    expect(
      extract("1月5日上午，第三届会议主要做了七个方面的工作，推进“2+6”“三条线”，其中20亿元以上项目6个。", { period: 2022, observationKind: "ACTUAL" }).map(
        (o) => o.value,
      ),
    ).toEqual(["6个"]);
  });
});
