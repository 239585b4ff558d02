import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { translateEntity } from "../../src/translate/translate-read.js";
import type { FieldSelection } from "../../src/translate/selection.js";
import { data } from "../helpers/graphql.js";
import { testDatabase } from "../helpers/neo4j.js";

const { driver, executor } = testDatabase();
const tag = randomUUID().slice(0, 8);
// `shared` is a project's canonical name and a zone's alias; zones rank before projects by kind, exact names before aliases first.
const shared = `测试同名${tag}`;
const aliasOnly = `测试仅别名${tag}`;
const project = { id: `project:${shared}`, kind: "PROJECT", name: shared, aliases: [] as string[] };
const zone = { id: `zone:测试园区${tag}`, kind: "ZONE", name: `测试园区${tag}`, aliases: [shared, aliasOnly] };
const PROPERTIES =
  "{id: $id, kind: $kind, name: $name, aliases: $aliases, method: 'RULE'}) SET e.searchText = reduce(s = e.name, a IN e.aliases | s + ' ' + a)";

const observationOf = (entity: { id: string }): string => `observation:${entity.id}:2023`;

beforeAll(async () => {
  await executor.write(cypher(`CREATE (e:Entity:Project ${PROPERTIES}`, project));
  await executor.write(cypher(`CREATE (e:Entity:Zone ${PROPERTIES}`, zone));
  for (const e of [project, zone])
    await executor.write(
      cypher("MATCH (e:Entity {id: $id}) CREATE (:Observation {id: $o, kind: 'ACTUAL', period: 2023, value: 1, unit: '个'})-[:ABOUT]->(e)", {
        id: e.id,
        o: observationOf(e),
      }),
    );
});
afterAll(async () => {
  await executor.write(cypher("MATCH (n) WHERE n.id IN $ids DETACH DELETE n", { ids: [project.id, zone.id, observationOf(project), observationOf(zone)] }));
  await driver.close();
});

const first = async (name: string, kind?: string): Promise<string | null> =>
  (
    await data<{ entity: { id: string } | null }>(executor, "query ($n: String!, $k: EntityKind) { entity(name: $n, kind: $k) { id } }", {
      n: name,
      k: kind ?? null,
    })
  ).entity?.id ?? null;

describe("entity(name:) asks the alias index only when no exact match has the kind", () => {
  it("returns the exact match before an alias match that ranks earlier by kind, as the full ranking does", async () => {
    expect(await first(shared)).toBe(project.id);
    const all = await data<{ entities: { edges: Array<{ node: { id: string } }> } }>(
      executor,
      "query ($n: String!) { entities(name: $n) { edges { node { id } } } }",
      {
        n: shared,
      },
    );
    expect(all.entities.edges.map((e) => e.node.id)).toEqual([project.id, zone.id]);
  });

  it("falls back to aliases when the exact matches are of another kind, or when there are none", async () => {
    expect(await first(shared, "ZONE")).toBe(zone.id);
    expect(await first(aliasOnly)).toBe(zone.id);
    expect(await first(aliasOnly, "ZONE")).toBe(zone.id);
    expect(await first(shared, "PERSON")).toBeNull();
    expect(await first(aliasOnly, "PROJECT")).toBeNull();
  });

  it("does not run the full-text query when an exact match of the kind exists", async () => {
    /** How many rows reached the full-text procedure (PROFILE counts no rows out of a procedure). */
    const procedureCalls = async (name: string, kind: string | null): Promise<number> => {
      const id: FieldSelection = { key: "id", field: "id", args: {}, byType: new Map() };
      const query = translateEntity({ key: "entity", field: "entity", args: {}, byType: new Map([["Entity", [id]]]) }, { name, kind });
      const { summary } = await driver.executeQuery(`PROFILE ${query.cypher}`, query.params, { routing: "READ", database: "neo4j" });
      type Plan = { operatorType: string; rows: number; children: Plan[] };
      const all = (p: Plan): Plan[] => [p, ...p.children.flatMap(all)];
      return all(summary.profile as unknown as Plan)
        .filter((p) => p.operatorType.startsWith("ProcedureCall"))
        .flatMap((p) => p.children)
        .reduce((sum, p) => sum + p.rows, 0);
    };
    expect(await procedureCalls(shared, null)).toBe(0);
    expect(await procedureCalls(shared, "PROJECT")).toBe(0);
    expect(await procedureCalls(shared, "ZONE")).toBe(1);
  });
});

describe("a subject filter takes what a name names exactly, and aliases only when nothing is", () => {
  const observedAbout = async (subject: string): Promise<string[]> =>
    (
      await data<{ observations: { edges: Array<{ node: { id: string } }> } }>(
        executor,
        "query ($s: String!) { observations(filter: { subject: $s }) { edges { node { id } } } }",
        { s: subject },
      )
    ).observations.edges.map((e) => e.node.id);

  it("lists the observations of the exactly named entity, not of the one that has the name as an alias", async () => {
    expect(await observedAbout(shared)).toEqual([observationOf(project)]);
  });

  it("lists the observations of the entity an alias names when no entity has that name", async () => {
    expect(await observedAbout(aliasOnly)).toEqual([observationOf(zone)]);
  });
});
