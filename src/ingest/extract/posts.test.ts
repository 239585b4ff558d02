import { describe, expect, it } from "vitest";
import { SurfaceMatcher } from "../link.js";
import { validateSource } from "../read.js";
import { loadRegistry } from "../registry.js";
import { segment } from "../segment.js";
import { extractPosts } from "./posts.js";

const registry = loadRegistry();
const matcher = SurfaceMatcher.of(registry);

function posts(text: string, place = "市北区") {
  const doc = segment(validateSource(new TextEncoder().encode(`${text}\n\n以上内容摘自区政府工作报告，供读者参考。\n`), "t.txt", { publishedOn: "2023-01", articles: [{ startsWith: text.slice(0, 4), place }] }));
  return extractPosts(doc, registry, matcher).map((p) => [registry.byId.get(p.personId)?.name, p.title, registry.byId.get(p.organizationId)?.name, p.current, p.asOf]);
}

describe("extractPosts", () => {
  it("reads a chain of titles before a name, carrying the organization along", () => {
    expect(posts("市北区委书记高健，区委副书记、区政府区长刘新学，区人大常委会党组书记、主任李建伟在主席台就座。")).toEqual([
      ["高健", "书记", "中共青岛市市北区委员会", true, "2023-01"],
      ["刘新学", "副书记", "中共青岛市市北区委员会", true, "2023-01"],
      ["刘新学", "区长", "青岛市市北区人民政府", true, "2023-01"],
      ["李建伟", "党组书记", "青岛市市北区人民代表大会常务委员会", true, "2023-01"],
      ["李建伟", "主任", "青岛市市北区人民代表大会常务委员会", true, "2023-01"],
    ]);
  });

  it("marks 原 posts as former", () => {
    expect(posts("原青岛市科学技术委员会党组书记、主任唐进倬同志因病逝世。", "青岛市").map((p) => p[3])).toEqual([false, false]);
  });

  it("reads a reporter's byline as a post at each outlet", () => {
    expect(posts("□青岛日报/观海新闻记者 王冰洁", "青岛市").map((p) => [p[1], p[2]])).toEqual([
      ["记者", "青岛日报"],
      ["记者", "观海新闻"],
    ]);
  });
});
