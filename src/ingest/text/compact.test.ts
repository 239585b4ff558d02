import { describe, expect, it } from "vitest";
import { citeSpan } from "../citation.js";
import { findQuantities } from "../extract/quantity.js";
import { compact, originalSpan } from "./compact.js";

/** A document and one passage of it, as segment() would cut it. */
function passageOf(doc: string, text: string): { id: string; start: number; text: string } {
  return { id: "passage:t", start: doc.indexOf(text), text };
}

describe("compact", () => {
  const doc = "一、財政\n　　全縣一般公共預\n算收入完成１２．\n５億元，增長８．６％。";
  const passage = passageOf(doc, "全縣一般公共預\n算收入完成１２．\n５億元，增長８．６％。");
  const view = compact(passage.text);

  it("reads a traditional, full-width, line-broken passage as simplified half-width running text", () => {
    expect(view.text).toBe("全县一般公共预算收入完成12.5亿元，增长8.6%。");
  });

  it("cites the original characters at exact document offsets", () => {
    for (const phrase of ["一般公共预算收入完成12.5亿元", "8.6%", "全县", "增长8.6%。"]) {
      const at = view.text.indexOf(phrase);
      const cite = citeSpan("doc", passage, view, at, at + phrase.length);
      expect(doc.slice(cite.start, cite.end)).toBe(cite.quote);
    }
    const at = view.text.indexOf("一般公共预算收入完成12.5亿元");
    expect(citeSpan("doc", passage, view, at, at + "一般公共预算收入完成12.5亿元".length).quote).toBe("一般公共預\n算收入完成１２．\n５億元");
  });

  it("maps a converted phrase that changes length to its original run", () => {
    const text = "全鎮二噁英排放量下降１２％。";
    const v = compact(text);
    expect(v.text).toBe("全镇二𫫇英排放量下降12%。");
    const at = v.text.indexOf("𫫇");
    expect(text.slice(...originalSpan(v, at, at + 2))).toBe("噁");
    expect(text.slice(...originalSpan(v, at - 1, at + 3))).toBe("二噁英");
  });

  it("reads a number broken by a line break (and the spaces around it) as one number", () => {
    for (const text of [
      "一般公共预算收入12.4\n亿元。",
      "一般公共预算收入12.\n  4亿元。",
      "一般公共预算收入1\n\n2.4亿元。",
      "一般公共预算收入１２．４\r\n　　億元。",
    ]) {
      const v = compact(text);
      expect(v.text).toBe("一般公共预算收入12.4亿元。");
      const [q] = findQuantities(v.text);
      expect([q?.value, q?.unit]).toEqual([12.4, "亿元"]);
    }
  });

  it("keeps printed spaces that are not next to a line break", () => {
    expect(compact("新增公园 12 个").text).toBe("新增公园 12 个");
  });
});
