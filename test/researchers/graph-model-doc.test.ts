import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { PROJECT_ROOT } from "../../src/neo4j/paths.js";
import { testDatabase } from "../helpers/neo4j.js";

const { driver, executor } = testDatabase();
afterAll(() => driver.close());

const doc = readFileSync(path.join(PROJECT_ROOT, "docs", "graph-model.md"), "utf8");
const documentedLabels = new Set([...doc.matchAll(/^### :(\w+)$/gmu), ...doc.matchAll(/^\| :(\w+) \|/gmu)].map((m) => m[1] as string));
const documentedTypes = new Set([...doc.matchAll(/^### -\[:(\w+)\]->$/gmu)].map((m) => m[1] as string));

/** Labels the tests themselves create to isolate their data are not part of the model. */
const isTestLabel = (label: string): boolean => label.startsWith("Test");

it("documents every label and relationship type of the loaded graph, and nothing the graph lacks", async () => {
  const labels = (await executor.read<{ label: string }>(cypher("CALL db.labels() YIELD label RETURN label")))
    .map((r) => r.label)
    .filter((l) => !isTestLabel(l));
  const types = (await executor.read<{ type: string }>(cypher("MATCH ()-[r]->() RETURN DISTINCT type(r) AS type"))).map((r) => r.type);
  expect([...labels].sort()).toEqual([...documentedLabels].sort());
  expect([...types].sort()).toEqual([...documentedTypes].sort());
});
