import { describe, expect, it } from "vitest";
import { extractText } from "./extract/test-deps.js";

/** The subject a text is found to be about, as a gazetteer path, and how it was found. */
function subjectOf(text: string, meta: { title?: string; subject?: string } = {}) {
  const { subject } = extractText(text, meta).context;
  return subject ? [subject.division.code, subject.source] : null;
}

const OPENING_COUNTY = "各位代表：\n现在，我代表县人民政府向大会报告工作。\n\n一、2023年工作回顾\n过去一年，全县上下团结奋斗，各项事业取得新进展。";

describe("document subject", () => {
  it("takes the subject given at ingest: a name, a path or a code, and refuses an unknown or ambiguous one", () => {
    expect(subjectOf(OPENING_COUNTY, { subject: "城阳区" })).toEqual(["370214", "GIVEN"]);
    expect(subjectOf(OPENING_COUNTY, { subject: "吉林省/长春市/朝阳区" })).toEqual(["220104", "GIVEN"]);
    expect(subjectOf(OPENING_COUNTY, { subject: "510700" })).toEqual(["510700", "GIVEN"]);
    expect(() => subjectOf(OPENING_COUNTY, { subject: "朝阳区" })).toThrow(/names \d places .*北京市\/朝阳区.*give the path or the code/);
    expect(() => subjectOf(OPENING_COUNTY, { subject: "桃花源区" })).toThrow(/not a province, prefecture or county-level place/);
  });

  it("reads the title, the most specific place it names", () => {
    expect(subjectOf(OPENING_COUNTY, { title: "青岛市城阳区2024年政府工作报告" })).toEqual(["370214", "TITLE"]);
    expect(subjectOf(OPENING_COUNTY, { title: "绵阳市2024年政府工作报告" })).toEqual(["510700", "TITLE"]);
  });

  it("reads an issuer or congress in the first lines, and a signature in the last", () => {
    expect(subjectOf(`——2024年1月8日在额济纳旗第十届人民代表大会第三次会议上\n\n${OPENING_COUNTY}`)).toEqual(["152923", "HEADING"]);
    expect(subjectOf(`2023年国民经济和社会发展统计公报\n宝鸡市统计局\n\n全年全市经济运行总体平稳。`)).toEqual(["610300", "HEADING"]);
    const body = Array.from({ length: 6 }, (_, i) => `第${i + 1}段，全县各项工作稳步推进。`).join("\n\n");
    expect(subjectOf(`${OPENING_COUNTY}\n\n${body}\n\n南昌县县长　某某某`)).toEqual(["360121", "SIGNATURE"]);
  });

  it("resolves an ambiguous name by the places the text names without doubt", () => {
    const text = "——2024年1月9日在鼓楼区第十八届人民代表大会第三次会议上\n\n过去一年，鼓楼区在福州市委的领导下，全区经济稳中有进。";
    expect(subjectOf(text)).toEqual(["350102", "HEADING"]);
    expect(subjectOf(text.replace("福州市委", "南京市委"))).toEqual(["320106", "HEADING"]);
  });

  it("falls back to the opening formula's level and the place of that level named most", () => {
    expect(subjectOf(`${OPENING_COUNTY}攸县新增市场主体1.2万户，攸县的经济总量再上台阶。株洲市下达的任务全面完成。`)).toEqual(["430223", "OPENING"]);
  });

  it("finds nothing when the text names no place: no default stands in", () => {
    expect(subjectOf(OPENING_COUNTY)).toBeNull();
    expect(extractText(`${OPENING_COUNTY}全县地区生产总值增长5.5%。`).skipped.noSubject).toBe(1);
  });

  it("reads traditional script and full-width digits like simplified text", () => {
    expect(subjectOf("——２０２４年１月８日在綿陽市第八屆人民代表大會第四次會議上\n\n各位代表：現在，我代表市人民政府向大會報告工作。")).toEqual([
      "510700",
      "HEADING",
    ]);
  });
});
