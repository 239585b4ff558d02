import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { data } from "../helpers/graphql.js";
import { testDatabase } from "../helpers/neo4j.js";

const { driver, executor } = testDatabase();
const tag = randomUUID().slice(0, 8);
const subject = `测试达成区${tag}`;
const ids = { subject: `district:${subject}`, gdp: `indicator:测试产值${tag}`, jobs: `indicator:测试就业${tag}`, passage: `passage:测试${tag}:0-1` };

interface Obs {
  id: string;
  kind: "TARGET" | "ACTUAL";
  period: number;
  indicator: string;
  measure: string | null;
  unit: string;
  value: number;
  citations: number;
}
const o = (id: string, rest: Omit<Obs, "id">): Obs => ({ id: `observation:${tag}:${id}`, ...rest });
const OBSERVATIONS: Obs[] = [
  // GDP: two results; the more cited one counts.
  o("gdp-target", { kind: "TARGET", period: 2023, indicator: ids.gdp, measure: "growth", unit: "%", value: 6, citations: 1 }),
  o("gdp-a", { kind: "ACTUAL", period: 2023, indicator: ids.gdp, measure: "growth", unit: "%", value: 5, citations: 1 }),
  o("gdp-b", { kind: "ACTUAL", period: 2023, indicator: ids.gdp, measure: "growth", unit: "%", value: 7, citations: 2 }),
  // Jobs: the only result is in another unit, another measure's target has none, last year's result is not this year's.
  o("jobs-target", { kind: "TARGET", period: 2023, indicator: ids.jobs, measure: "level", unit: "万人", value: 2, citations: 1 }),
  o("jobs-actual-other-unit", { kind: "ACTUAL", period: 2023, indicator: ids.jobs, measure: "level", unit: "人", value: 30000, citations: 1 }),
  o("jobs-actual-2022", { kind: "ACTUAL", period: 2022, indicator: ids.jobs, measure: "level", unit: "万人", value: 3, citations: 1 }),
  o("jobs-target-no-measure", { kind: "TARGET", period: 2023, indicator: ids.jobs, measure: null, unit: "万人", value: 1, citations: 1 }),
];

beforeAll(async () => {
  await executor.write(
    cypher(
      `CREATE (:Entity:District {id: $subject, kind: 'DISTRICT', name: $name, aliases: [], method: 'RULE'})
       CREATE (:Entity:Indicator {id: $gdp, kind: 'INDICATOR', name: $gdp, aliases: [], method: 'RULE'})
       CREATE (:Entity:Indicator {id: $jobs, kind: 'INDICATOR', name: $jobs, aliases: [], method: 'RULE'})
       CREATE (:Passage {id: $passage, documentId: $passage, start: 0, end: 1, text: 'x'})`,
      { ...ids, name: subject },
    ),
  );
  await executor.write(
    cypher(
      `UNWIND $rows AS row
       MATCH (s:Entity {id: $subject}), (i:Entity {id: row.indicator}), (p:Passage {id: $passage})
       CREATE (x:Observation {id: row.id, kind: row.kind, period: row.period, measure: row.measure, unit: row.unit, normalizedUnit: row.unit,
                              value: row.value, normalizedValue: row.value, qualifier: 'AT_LEAST'})
       CREATE (x)-[:ABOUT]->(s), (x)-[:OF_INDICATOR]->(i)
       FOREACH (k IN range(1, row.citations) | CREATE (x)-[:CITED_IN {start: k, end: k + 1, quote: 'x'}]->(p))`,
      { rows: OBSERVATIONS, subject: ids.subject, passage: ids.passage },
    ),
  );
});
afterAll(async () => {
  await executor.write(cypher("MATCH (n) WHERE n.id IN $ids DETACH DELETE n", { ids: [...Object.values(ids), ...OBSERVATIONS.map((x) => x.id)] }));
  await driver.close();
});

describe("targetAttainment pairs each target with a result of the same indicator, measure, unit and year", () => {
  it("takes the most cited result, and none of another unit, year or of a target without a measure", async () => {
    const result = await data<{
      targetAttainment: Array<{ indicator: { id: string }; target: { id: string }; actual: { id: string } | null; met: boolean | null }>;
    }>(executor, "query ($s: String!) { targetAttainment(subject: $s, period: 2023) { indicator { id } target { id } actual { id } met } }", { s: subject });
    const byTarget = new Map(result.targetAttainment.map((row) => [row.target.id, row]));
    const id = (name: string) => `observation:${tag}:${name}`;
    expect(byTarget.size).toBe(3);
    expect(byTarget.get(id("gdp-target"))).toEqual({ indicator: { id: ids.gdp }, target: { id: id("gdp-target") }, actual: { id: id("gdp-b") }, met: true });
    expect(byTarget.get(id("jobs-target"))).toMatchObject({ actual: null, met: null });
    expect(byTarget.get(id("jobs-target-no-measure"))).toMatchObject({ actual: null, met: null });
  });
});
