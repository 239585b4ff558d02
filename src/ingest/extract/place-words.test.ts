import { describe, expect, it } from "vitest";
import { Gazetteer } from "../gazetteer/gazetteer.js";
import { bodyName, placeForLevel, qualifiedName } from "./place-words.js";
import { extractText, nameOf } from "./test-deps.js";

const g = Gazetteer.load();
const place = (code: string) => g.byCode(code) ?? expect.fail(`no ${code}`);

describe("place words and bodies by level (item 2)", () => {
  it("resolves 全市/全区/全县/全州/全省 to the document's place or its ancestor of that level, else nothing", () => {
    const chengyang = place("370214");
    expect(placeForLevel(g, chengyang, "区")?.name).toBe("城阳区");
    expect(placeForLevel(g, chengyang, "市")?.name).toBe("青岛市");
    expect(placeForLevel(g, chengyang, "省")?.name).toBe("山东省");
    expect(placeForLevel(g, chengyang, "县")).toBeUndefined();
    // A county in an autonomous prefecture of an autonomous region: 全州 and 全区 reach up.
    const county = g.resolve("昌吉市") ?? expect.fail("昌吉市");
    expect(placeForLevel(g, county, "州")?.name).toBe("昌吉回族自治州");
    expect(placeForLevel(g, county, "区")?.name).toBe("新疆维吾尔自治区");
    // A county-level city says 全市 of itself.
    expect(placeForLevel(g, county, "市")?.name).toBe("昌吉市");
  });

  it("names the bodies of a place, county-level ones with their prefecture", () => {
    expect(qualifiedName(g, place("370214"))).toBe("青岛市城阳区");
    expect(qualifiedName(g, place("110105"))).toBe("北京市朝阳区");
    expect(bodyName(g, place("510700"), "PARTY_COMMITTEE")).toBe("中共绵阳市委员会");
    expect(bodyName(g, place("370214"), "GOVERNMENT")).toBe("青岛市城阳区人民政府");
    expect(bodyName(g, place("152923"), "CONGRESS_STANDING_COMMITTEE")).toBe("阿拉善盟额济纳旗人民代表大会常务委员会");
  });

  it("links 区委, 市政府 and 绵阳市委 to the bodies of the text's own places, not to another city's", () => {
    const x = extractText("在市委的坚强领导下，区政府全面完成任务，绵阳市委给予肯定。城市政府治理能力提升。", { title: "涪城区政府工作报告" });
    const bodies = [...new Set(x.mentions.filter((m) => m.entityId.startsWith("organization:")).map((m) => nameOf(m.entityId)))];
    expect(bodies).toEqual(["中共绵阳市委员会", "绵阳市涪城区人民政府"]);
  });
});
