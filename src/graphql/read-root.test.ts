import { buildSchema, execute, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { cypher } from "../db/cypher-query.js";
import { translatedOnce } from "./read-root.js";

const schema = buildSchema("type Query { item(name: String): String }");

describe("translatedOnce", () => {
  it("translates a root field once per document and variables, again for new variables or a new document", async () => {
    const translated: string[] = [];
    const rootValue = {
      item: (args: { name?: string }, _ctx: unknown, info: Parameters<typeof translatedOnce>[0]) => {
        const query = translatedOnce(info, (selection) => {
          translated.push(String(selection.args.name));
          return cypher("RETURN $name AS result", { name: args.name });
        });
        return query.params.name;
      },
    };
    const document = parse("query ($n: String) { item(name: $n) }");
    const run = async (doc: typeof document, n: string) => (await execute({ schema, document: doc, rootValue, variableValues: { n } })).data?.item;
    expect(await run(document, "甲")).toBe("甲");
    expect(await run(document, "甲")).toBe("甲");
    expect(await run(document, "乙")).toBe("乙");
    expect(await run(parse("query ($n: String) { item(name: $n) }"), "甲")).toBe("甲");
    expect(translated).toEqual(["甲", "乙", "甲"]);
  });
});
