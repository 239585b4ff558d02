import { expect, it } from "vitest";
import { findCandidates } from "./candidates.js";

it("finds new schools, parks, companies and plans by their suffixes, without the verbs before them", () => {
  const text =
    "新建成双山小学、中央商务区实验学校等3所学校，启动建设大沙路学校。雅合科技发展有限公司“海洋环境钢结构腐蚀防护”项目进入调试阶段。制定《重点项目落地提质推进管理办法》，拍摄《深蓝浪花》。";
  expect(findCandidates(text).map((c) => `${c.kind}:${c.name}`)).toEqual([
    "PROJECT:双山小学",
    "PROJECT:中央商务区实验学校",
    "PROJECT:大沙路学校",
    "ORGANIZATION:雅合科技发展有限公司",
    "POLICY:重点项目落地提质推进管理办法",
  ]);
});

it("leaves descriptions and counted nouns alone", () => {
  expect(findCandidates("新建公共停车场17处，新增18所优质幼儿园，完成7处口袋公园。")).toEqual([]);
});
