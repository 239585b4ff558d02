import { describe, expect, it } from "vitest";
import type { CitationRow, EntityRow, GraphRows, ObservationRow, RelationRow } from "./graph.js";
import { BATCH_SIZE, FIXED_PLAN, pooledRows, writeStatements } from "./write.js";

function doc(id: string, rows: Partial<GraphRows>): GraphRows {
  return {
    document: {
      id,
      sourceFile: `${id}.txt`,
      title: id,
      publisher: null,
      publishedOn: null,
      dateNote: null,
      page: null,
      issue: null,
      reportYear: null,
      sha256: id,
      length: 0,
      text: "",
      subjectId: null,
      subjectSource: null,
    },
    articles: [],
    passages: [],
    nearDuplicates: [],
    entities: [],
    mentions: [],
    observations: [],
    observationCitations: [],
    posts: [],
    postCitations: [],
    relations: [],
    authorship: [],
    factKeys: [],
    summary: { subject: null, subjectSource: null, skipped: { noSubject: 0, noPeriod: 0, noIndicator: 0 }, warnings: [] },
    ...rows,
  };
}

const entity = (e: Partial<EntityRow>): EntityRow => ({
  id: "district:青青区",
  kind: "DISTRICT",
  label: "District",
  name: "青青区",
  aliases: [],
  searchText: "青青区",
  method: "RULE",
  description: null,
  properties: {},
  ...e,
});

const citation = (c: Partial<CitationRow>): CitationRow => ({
  nodeId: "district:青青区",
  passageId: "p1",
  start: 0,
  end: 3,
  quote: "青青区",
  method: "RULE",
  ...c,
});

const relation = (r: Partial<RelationRow>): RelationRow => ({
  type: "PART_OF",
  fromId: "district:青青区",
  toId: "city:东静市",
  method: "RULE",
  citations: [],
  reference: null,
  ...r,
});

const observation = (o: Partial<ObservationRow>): ObservationRow => ({
  id: "observation:1",
  factKey: "k",
  subjectId: "district:青青区",
  indicatorId: "indicator:gdp",
  period: 2023,
  periodStart: null,
  kind: "ACTUAL",
  measure: "LEVEL",
  value: 1,
  valueMax: null,
  unit: "亿元",
  normalizedValue: 1,
  normalizedUnit: "亿元",
  qualifier: "EXACT",
  text: "",
  method: "RULE",
  ...o,
});

describe("pooledRows", () => {
  it("folds an entity's rows as the statement would apply them one after another", () => {
    const [folded, ...rest] = pooledRows([
      doc("a", { entities: [entity({ aliases: ["青青", "青区"], properties: { code: "1" } })] }),
      doc("b", { entities: [entity({ name: "别名", aliases: ["青区", "老青"], method: "CURATED", description: "区", properties: { code: "2", path: "x" } })] }),
      doc("c", { entities: [entity({ aliases: ["青青"], method: "REFERENCE", description: null })] }),
    ]).entities;
    expect(rest).toEqual([]);
    expect(folded).toEqual({
      id: "district:青青区",
      kind: "DISTRICT",
      labels: ["District"],
      name: "青青区",
      aliases: ["青青", "青区", "老青"],
      method: "CURATED",
      description: "区",
      properties: { code: "2", path: "x" },
    });
  });

  it("gathers a relationship's citations from every document once, with the strongest method and the last reference given", () => {
    const { relations } = pooledRows([
      doc("a", { relations: [relation({ citations: ["a#1", "a#2"], reference: "gb@1" })] }),
      doc("b", { relations: [relation({ citations: ["b#1", "a#2"], method: "CURATED" }), relation({ type: "LOCATED_IN", citations: ["b#2"] })] }),
    ]);
    expect(relations).toEqual([
      relation({ citations: ["a#1", "a#2", "b#1"], method: "CURATED", reference: "gb@1" }),
      relation({ type: "LOCATED_IN", citations: ["b#2"] }),
    ]);
  });

  it("keeps a citation once per node, passage and span, with the last quote, and a fact's first row", () => {
    const rows = pooledRows([
      doc("a", {
        mentions: [citation({ quote: "first" }), citation({ start: 4, end: 7 }), citation({ quote: "last", method: "CURATED" })],
        observations: [observation({ value: 1 }), observation({ id: "observation:2" }), observation({ value: 9 })],
        factKeys: ["k", "k"],
      }),
    ]);
    expect(rows.mentions).toEqual([citation({ quote: "last", method: "CURATED" }), citation({ start: 4, end: 7 })]);
    expect(rows.observations.map((o) => [o.id, o.value])).toEqual([
      ["observation:1", 1],
      ["observation:2", 1],
    ]);
    expect(rows.factKeys).toEqual(["k"]);
  });
});

describe("writeStatements", () => {
  it("sends every statement with a fixed plan, in batches of BATCH_SIZE, entities once however many documents name them", () => {
    const docs = Array.from({ length: 3 }, (_, i) =>
      doc(`d${i}`, { mentions: Array.from({ length: BATCH_SIZE }, (_, j) => citation({ passageId: `d${i}:p${j}` })), entities: [entity({})] }),
    );
    const statements = writeStatements(...docs);
    for (const s of statements) expect(s.cypher.startsWith(FIXED_PLAN)).toBe(true);
    const rowsOf = (pattern: RegExp) => statements.filter((s) => pattern.test(s.cypher)).map((s) => (s.params.rows as unknown[]).length);
    expect(rowsOf(/MERGE \(e:Entity/)).toEqual([1]);
    expect(rowsOf(/CITED_IN/)).toEqual([BATCH_SIZE, BATCH_SIZE, BATCH_SIZE]);
  });
});
