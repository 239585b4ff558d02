import { describe, expect, it } from "vitest";
import { hasLetterOrDigit, normalizeName } from "./names.js";

describe("normalizeName", () => {
  it("removes zero-width, bidi and control characters anywhere, and trims", () => {
    expect(normalizeName("\u200b")).toBe("");
    expect(normalizeName("市\u200b北区")).toBe("市北区");
    expect(normalizeName("\ufeff市北\u200d区\u202e\u0007 ")).toBe("市北区");
    expect(normalizeName("\u00ad青岛\u2060港")).toBe("青岛港");
  });

  it("folds full-width and compatibility forms (NFKC) and collapses spaces", () => {
    expect(normalizeName("ＧＤＰ")).toBe("GDP");
    expect(normalizeName("  青岛　 港 ")).toBe("青岛 港");
    expect(normalizeName("㈱")).toBe("(株)");
  });
});

describe("hasLetterOrDigit", () => {
  it.each(["——", "？！", "……", "+-*/", "★", "（）", "、"])("refuses %s: punctuation or symbols only", (value) => {
    expect(hasLetterOrDigit(normalizeName(value))).toBe(false);
  });

  it.each(["市北区", "GDP", "5G", "二〇二三", "Ⅲ期"])("accepts %s", (value) => {
    expect(hasLetterOrDigit(normalizeName(value))).toBe(true);
  });
});
