import type { EntityKind, FactMethod, Measure, ObservationKind, Qualifier } from "../../gql/graphql";

export const KIND_LABEL: Record<EntityKind, string> = {
  PROVINCE: "省",
  CITY: "市",
  DISTRICT: "区",
  COUNTY: "县",
  SUBDISTRICT: "街道",
  ZONE: "片区",
  PROJECT: "项目",
  ORGANIZATION: "机构",
  PERSON: "人物",
  EVENT: "事件",
  POLICY: "政策",
  INDICATOR: "指标",
};

/** In the order the filter chips show them: places first, as `entity(name:)` ranks them. */
export const KINDS = Object.keys(KIND_LABEL) as EntityKind[];

export function isEntityKind(value: string): value is EntityKind {
  return value in KIND_LABEL;
}

export const METHOD_LABEL: Record<FactMethod, string> = {
  CURATED: "人工审定",
  REFERENCE: "参考数据",
  RULE: "规则抽取",
};

export const METHOD_HINT: Record<FactMethod, string> = {
  CURATED: "在审定的登记表中",
  REFERENCE: "来自全国行政区划或指标词表",
  RULE: "由名称的形式识别",
};

export const OBSERVATION_KIND_LABEL: Record<ObservationKind, string> = {
  TARGET: "目标",
  ESTIMATE: "预计",
  ACTUAL: "实际",
};

export const QUALIFIER_LABEL: Record<Qualifier, string> = {
  EXACT: "",
  APPROX: "左右",
  AT_LEAST: "以上",
  MORE_THAN: "超过",
  NEARLY: "近",
  EXCEEDS: "突破",
  AT_MOST: "以内",
};

export const MEASURE_LABEL: Record<Measure, string> = {
  LEVEL: "总量",
  GROWTH_RATE: "增速",
  AVERAGE_GROWTH_RATE: "年均增速",
};

type Direction = "IN" | "OUT" | "BOTH";

/** The relation types `relations(types:)` knows, as the schema lists them. */
export const RELATION_TYPES = ["PART_OF", "LOCATED_IN", "PARTNER_OF", "SUB_ORGANIZATION_OF", "PARTICIPATED_IN", "APPLIES_TO"] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const RELATION_LABEL: Record<RelationType, string> = {
  PART_OF: "隶属",
  LOCATED_IN: "位置",
  PARTNER_OF: "结对协作",
  SUB_ORGANIZATION_OF: "下属机构",
  PARTICIPATED_IN: "参与",
  APPLIES_TO: "适用政策",
};

/** How a relationship reads from the entity shown: OUT is "this → other", IN is "other → this". */
const DIRECTION_LABEL: Record<RelationType, Record<Exclude<Direction, "BOTH">, string>> = {
  PART_OF: { OUT: "隶属于", IN: "下辖" },
  LOCATED_IN: { OUT: "位于", IN: "区内有" },
  PARTNER_OF: { OUT: "结对", IN: "结对" },
  SUB_ORGANIZATION_OF: { OUT: "隶属于", IN: "下属" },
  PARTICIPATED_IN: { OUT: "参加了", IN: "参加者" },
  APPLIES_TO: { OUT: "适用于", IN: "适用的政策" },
};

export function directionLabel(type: string, direction: Direction): string {
  const labels = DIRECTION_LABEL[type as RelationType];
  if (!labels || direction === "BOTH") return direction === "IN" ? "←" : "→";
  return labels[direction];
}
