/** Chinese labels of the API's enums: the pages show these, the URLs and queries keep the enum values. */
export const KIND_LABEL: Readonly<Record<string, string>> = {
  PROVINCE: "省",
  CITY: "市",
  DISTRICT: "区",
  COUNTY: "县",
  SUBDISTRICT: "街道",
  ZONE: "片区",
  PROJECT: "项目",
  ORGANIZATION: "机构",
  PERSON: "人物",
  EVENT: "活动",
  POLICY: "政策",
  INDICATOR: "指标",
};

export const OBSERVATION_KIND_LABEL: Readonly<Record<string, string>> = { TARGET: "目标", ESTIMATE: "预计", ACTUAL: "实际" };

export const QUALIFIER_LABEL: Readonly<Record<string, string>> = {
  EXACT: "",
  APPROX: "左右",
  AT_LEAST: "以上",
  MORE_THAN: "超过",
  NEARLY: "近",
  EXCEEDS: "突破",
  AT_MOST: "以内",
};

export const MEASURE_LABEL: Readonly<Record<string, string>> = { LEVEL: "总量", GROWTH_RATE: "增长率", AVERAGE_GROWTH_RATE: "年均增长率" };

export const METHOD_LABEL: Readonly<Record<string, string>> = { CURATED: "人工审定", REFERENCE: "参考数据", RULE: "规则抽取" };

export const SKIP_LABEL: Readonly<Record<string, string>> = {
  NO_SUBJECT: "文中没有说明是哪个地方的数字",
  NO_PERIOD: "文中没有说明是哪一年的数字",
  NO_INDICATOR: "所量的是一个名称，不是指标",
};

export const RELATION_LABEL: Readonly<Record<string, string>> = {
  PART_OF: "隶属",
  LOCATED_IN: "位于",
  PARTNER_OF: "协作",
  SUB_ORGANIZATION_OF: "下属机构",
  PARTICIPATED_IN: "参加",
  APPLIES_TO: "适用于",
};

export const label = (table: Readonly<Record<string, string>>, value: string): string => table[value] ?? value;
