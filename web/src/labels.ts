import type { Direction, EntityKind, FactMethod, Measure, ObservationKind, Qualifier, SkipReason } from "./gql/graphql";

/** Chinese labels of the API's enums, declared once: pages show these, URLs and queries keep the enum values. */

export const KIND_LABEL: Readonly<Record<EntityKind, string>> = {
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

/** In the order the filter chips show them: places first, as `entity(name:)` ranks them. */
export const KINDS = Object.keys(KIND_LABEL) as EntityKind[];

export function isEntityKind(value: string): value is EntityKind {
  return Object.hasOwn(KIND_LABEL, value);
}

export const OBSERVATION_KIND_LABEL: Readonly<Record<ObservationKind, string>> = { TARGET: "目标", ESTIMATE: "预计", ACTUAL: "实际" };
export const OBSERVATION_KINDS = Object.keys(OBSERVATION_KIND_LABEL) as ObservationKind[];

/** How the text qualifies the number, in the reports' own words (EXACT has none). */
export const QUALIFIER_LABEL: Readonly<Record<Qualifier, string>> = {
  EXACT: "",
  APPROX: "左右",
  AT_LEAST: "以上",
  MORE_THAN: "超过",
  NEARLY: "近",
  EXCEEDS: "突破",
  AT_MOST: "不超过",
};

/** The same, explained: for a fact's detail. */
export const QUALIFIER_DESCRIPTION: Readonly<Record<Qualifier, string>> = {
  EXACT: "确数",
  APPROX: "约数（左右、约）",
  AT_LEAST: "下限（以上、不低于）",
  AT_MOST: "上限（以下、以内、不超过）",
  MORE_THAN: "多于（超过、余、多）",
  NEARLY: "接近（近）",
  EXCEEDS: "突破",
};

export const MEASURE_LABEL: Readonly<Record<Measure, string>> = { LEVEL: "总量", GROWTH_RATE: "增长率", AVERAGE_GROWTH_RATE: "年均增长率" };

export const METHOD_LABEL: Readonly<Record<FactMethod, string>> = { CURATED: "人工审定", REFERENCE: "参考数据", RULE: "规则抽取" };

export const METHOD_HINT: Readonly<Record<FactMethod, string>> = {
  CURATED: "在审定的登记表中",
  REFERENCE: "来自全国行政区划或指标词表",
  RULE: "由名称的形式识别",
};

export const SKIP_LABEL: Readonly<Record<SkipReason, string>> = {
  NO_SUBJECT: "文中没有说明是哪个地方的数字",
  NO_PERIOD: "文中没有说明是哪一年的数字",
  NO_INDICATOR: "所量的是一个名称，不是指标",
};

/** The relation types `relations(types:)` knows, as the schema lists them. */
export const RELATION_TYPES = ["PART_OF", "LOCATED_IN", "PARTNER_OF", "SUB_ORGANIZATION_OF", "PARTICIPATED_IN", "APPLIES_TO"] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const RELATION_LABEL: Readonly<Record<RelationType, string>> = {
  PART_OF: "隶属",
  LOCATED_IN: "位置",
  PARTNER_OF: "结对协作",
  SUB_ORGANIZATION_OF: "下属机构",
  PARTICIPATED_IN: "参与",
  APPLIES_TO: "适用政策",
};

/** How a relationship reads from the entity shown: OUT is "this → other", IN is "other → this". */
const DIRECTION_LABEL: Readonly<Record<RelationType, Record<Exclude<Direction, "BOTH">, string>>> = {
  PART_OF: { OUT: "隶属于", IN: "下辖" },
  LOCATED_IN: { OUT: "位于", IN: "区内有" },
  PARTNER_OF: { OUT: "结对", IN: "结对" },
  SUB_ORGANIZATION_OF: { OUT: "隶属于", IN: "下属" },
  PARTICIPATED_IN: { OUT: "参加了", IN: "参加者" },
  APPLIES_TO: { OUT: "适用于", IN: "适用的政策" },
};

export function isRelationType(value: string): value is RelationType {
  return Object.hasOwn(RELATION_LABEL, value);
}

export function directionLabel(type: string, direction: Direction): string {
  if (!isRelationType(type) || direction === "BOTH") return direction === "IN" ? "←" : "→";
  return DIRECTION_LABEL[type][direction];
}

/** A label for a value the schema may have added since this app was built: the value itself. */
export function label<K extends string>(table: Readonly<Record<K, string>>, value: string): string {
  return Object.hasOwn(table, value) ? table[value as K] : value;
}
