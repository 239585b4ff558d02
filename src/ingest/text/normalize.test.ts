import { describe, expect, it } from "vitest";
import { alignRun, foldWidth, normalize, simplify } from "./normalize.js";

describe("foldWidth", () => {
  it("folds full-width digits, letters and ％．＋－／ and keeps Chinese punctuation", () => {
    expect(foldWidth("ＧＤＰ增长１２．５％，比上年＋０．３／－１。")).toBe("GDP增长12.5%，比上年+0.3/-1。");
    expect(foldWidth("“总量”：１、２；（三）")).toBe("“总量”：1、2；（三）");
  });
});

describe("simplify", () => {
  it("converts traditional script character for character where lengths agree", () => {
    const s = simplify("新區財政收入12億元");
    expect(s.text).toBe("新区财政收入12亿元");
    expect(s.from).toEqual([...s.text].map((_, i) => i));
  });

  it("maps a conversion that changes length back to the original character", () => {
    const original = "排放二噁英濃度";
    const s = simplify(original);
    const at = s.text.indexOf("𫫇");
    expect(s.text.length).toBe(original.length + 1);
    expect([s.from[at], s.to[at + 1]]).toEqual([3, 4]);
    expect(original.slice(s.from[s.text.indexOf("浓")] as number, s.to[s.text.indexOf("浓")])).toBe("濃");
  });

  it("leaves simplified text as it is", () => expect(normalize("市北区新增就业4万人。")).toBe("市北区新增就业4万人。"));
});

describe("alignRun", () => {
  it("maps a changed run of another length to its whole original run, the unchanged ends exactly", () => {
    const a = alignRun("甲乙丙丁", "甲戊丁");
    expect(a.from).toEqual([0, 1, 3]);
    expect(a.to).toEqual([1, 3, 4]);
  });
});
