import { describe, expect, it } from "vitest";
import { columns, isFullLine, wrapOf } from "./wrap.js";

const PROSE = "全镇新建农村公路42公里，改造危桥7座，实现行政村通客车率100%；新增农村供水保障人口3.1万人，饮水安全水平持续提升。";

function hardWrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines;
}

describe("wrapOf", () => {
  it("finds the width of a text wrapped every 20–40 characters", () => {
    for (const width of [20, 26, 33, 40]) {
      const lines = hardWrap(PROSE.repeat(3), width);
      const wrap = wrapOf(lines);
      expect(wrap?.width).toBeGreaterThanOrEqual(width - 2);
      expect(lines.slice(0, -1).every((l) => wrap && isFullLine(wrap, l))).toBe(true);
    }
  });

  it("finds none when each line is a paragraph", () => {
    const lines = ["一、基础设施", PROSE, "二、社会事业", `${PROSE.slice(0, 30)}。`, PROSE.slice(10), "三、生态环境", PROSE.slice(25)];
    expect(wrapOf(lines)).toBeUndefined();
  });

  it("counts Chinese characters as two columns", () => expect(columns("增长12.5%")).toBe(9));
});
