import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { execute } from "../helpers/graphql.js";
import { testDatabase } from "../helpers/neo4j.js";

const { driver, executor } = testDatabase();
const tag = randomUUID().slice(0, 8);
const first = `测试别名项目甲${tag}`;
const second = `测试别名项目乙${tag}`;

beforeAll(async () => {
  await executor.write(
    cypher(
      `UNWIND $names AS name
       CREATE (:Entity:Project {id: 'project:' + name, kind: 'PROJECT', name: name, aliases: [], searchText: name, method: 'RULE'})`,
      { names: [first, second] },
    ),
  );
});
afterAll(async () => {
  await executor.write(cypher("MATCH (e:Entity) WHERE e.name IN $names DETACH DELETE e", { names: [first, second] }));
  await driver.close();
});

const ADD = `mutation ($e: String!, $a: String!) { addAlias(entity: $e, alias: $a) { name aliases } }`;
const add = (entity: string, alias: string) => execute(executor, ADD, { e: entity, a: alias }, true);
const aliases = async (name: string) =>
  (await executor.read<{ aliases: string[] }>(cypher("MATCH (e:Entity {name: $name}) RETURN e.aliases AS aliases", { name })))[0]?.aliases;

describe("addAlias normalizes before it checks", () => {
  it.each([
    ["a zero-width space", "\u200b", /1 to 60 visible characters/],
    ["blanks and invisible characters only", " \u200d\ufeff\u3000 ", /1 to 60 visible characters/],
    ["punctuation only", "——", /punctuation or symbols only/],
    ["punctuation and symbols only", "？！★", /punctuation or symbols only/],
  ])("refuses %s with BAD_USER_INPUT and writes nothing", async (_what, alias, message) => {
    const result = await add(first, alias);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "alias" }, message: expect.stringMatching(message) });
    expect(await aliases(first)).toEqual([]);
  });

  it("refuses a look-alike with U+200B inside as the name it imitates", async () => {
    const lookalike = await add(first, "市\u200b北区");
    expect(lookalike.errors?.[0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
      message: expect.stringMatching(/"市北区" already names district:370203/),
    });
    const other = await add(first, `${second.slice(0, 3)}\u200b${second.slice(3)}`);
    expect(other.errors?.[0]?.message).toMatch(new RegExp(`"${second}" already names project:${second}`));
    expect(await aliases(first)).toEqual([]);
  });

  it("stores the normalized form (NFKC, invisible characters out, trimmed), and finds the entity named with them", async () => {
    const result = await add(`${first.slice(0, 2)}\u200b${first.slice(2)}`, ` ＧＤＰ\u200b测试${tag} `);
    expect(result.errors).toBeUndefined();
    expect(result.data?.addAlias).toEqual({ name: first, aliases: [`GDP测试${tag}`] });
    const again = await add(second, `GDP测试${tag}`);
    expect(again.errors?.[0]?.message).toMatch(new RegExp(`already names project:${first}`));
  });
});
