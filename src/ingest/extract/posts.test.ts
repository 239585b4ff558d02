import { describe, expect, it } from "vitest";
import { extractDocument } from "../pipeline.js";
import { validateSource } from "../read.js";
import { TEST_DEPS as deps, extractText, nameOf } from "./test-deps.js";

const { registry } = deps;

function posts(text: string, place = "市北区") {
  const source = validateSource(new TextEncoder().encode(`${text}\n\n以上内容摘自区政府工作报告，供读者参考。\n`), "t.txt", {
    publishedOn: "2023-01",
    articles: [{ startsWith: text.slice(0, 4), place }],
  });
  return extractDocument(source, deps).posts.map((p) => [
    registry.byId.get(p.personId)?.name,
    p.title,
    registry.byId.get(p.organizationId)?.name,
    p.current,
    p.asOf,
  ]);
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

describe("posts for any place (item 5)", () => {
  const posts = (text: string, meta: Parameters<typeof extractText>[1] = {}) =>
    extractText(text, { publishedOn: "2024-01", ...meta }).posts.map((p) => [nameOf(p.personId), p.title, nameOf(p.organizationId), p.current]);

  it("makes the organization from the gazetteer place: 城阳区区长 is the head of 青岛市城阳区人民政府", () => {
    expect(posts("城阳区区长王晓明出席会议。", { title: "城阳区两会新闻" })).toEqual([["王晓明", "区长", "青岛市城阳区人民政府", true]]);
  });

  it("reads 市委书记, 代市长 and a signature line against the document's own place", () => {
    const found = posts("市委书记李文博，市委副书记、代市长陈海东出席开幕会。\n\n内江市市长　周立新", { title: "内江市人代会开幕" });
    expect(found).toEqual([
      ["李文博", "书记", "中共内江市委员会", true],
      ["陈海东", "副书记", "中共内江市委员会", true],
      ["陈海东", "代市长", "内江市人民政府", true],
      ["周立新", "市长", "内江市人民政府", true],
    ]);
  });

  it("reads posts written after the name, and former posts", () => {
    const found = posts("会议选举赵明远为资阳市人民政府市长。赵明远此前任资阳市人民政府代市长。原资阳市人民政府市长孙伟因工作调动辞去职务。", {
      title: "资阳市人大会议闭幕",
    });
    expect(found).toEqual([
      ["赵明远", "市长", "资阳市人民政府", true],
      ["赵明远", "代市长", "资阳市人民政府", false],
      ["孙伟", "市长", "资阳市人民政府", false],
    ]);
  });

  it("names no body when the text's place is unknown, and no person without a title", () => {
    expect(posts("市长刘某某主持会议。王府井大街客流增长。", { title: "会议新闻" })).toEqual([]);
  });
});
