import { describe, expect, it } from "vitest";
import { normalizeForComparison, signature } from "./dedupe.js";

describe("near-duplicate detection", () => {
  it("folds full- and half-width punctuation and spaces", () => {
    expect(normalizeForComparison("协助60家企业, 完成修复。")).toBe(normalizeForComparison("协助60家企业，完成修复."));
  });

  it("scores a re-typeset passage with small differences high and unrelated text low", () => {
    const original = signature("加强信用体系建设。协助60余家企业完成信用修复。进一步推进政府和社会信息资源开放共享，引导近万家经营主体授权信用综合服务平台。");
    const retyped = signature("加强信用体系建设。协助60家企业完成信用修复。进一步推进政府和社会信息资源开放共享,引导近万家经营主体授权信用综合服务平台。");
    const other = signature("全年销售临洮县、西和县、成武县等协作地农特产品695万余元，完成协作地党政干部培训900余人次。");
    expect(original!.compareWith(retyped!)).toBeGreaterThan(0.75);
    expect(original!.compareWith(other!)).toBeLessThan(0.1);
  });

  it("does not compare headings and labels", () => {
    expect(signature("北宣")).toBeUndefined();
  });
});
