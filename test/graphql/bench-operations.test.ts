import { afterAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "../../bench/ops/operations.js";
import { CORPUS_PICKS } from "../../bench/ops/picks.js";
import { data } from "../helpers/graphql.js";
import { testDatabase } from "../helpers/neo4j.js";

const { driver, executor } = testDatabase();
afterAll(() => driver.close());

// The benchmark times our API against these hand-written statements: they must keep answering the same data.
describe("benchmark operations over the corpus graph", () => {
  for (const op of OPERATIONS) {
    it(`${op.name}: our API and the hand-written Cypher return the same data`, async () => {
      const ours = await data(executor, op.graphql, op.variables(CORPUS_PICKS));
      const [row] = await executor.read<{ data: unknown }>({ cypher: op.cypher, params: op.params(CORPUS_PICKS) });
      expect(JSON.stringify(ours).length).toBeGreaterThan(40);
      expect(row?.data).toEqual(ours);
    });
  }
});
