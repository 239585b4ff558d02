import { buildSchema, graphql, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { type FieldSelection, fieldsFor, selectionOf, signature } from "./selection.js";

const schema = buildSchema(`
  interface Named { name: String }
  type Place implements Named { name: String code: String parts(first: Int, kind: Kind = BIG): [Place] }
  type Person implements Named { name: String }
  union Hit = Place | Person
  enum Kind { BIG SMALL }
  type Query { find(name: String!): Named hits: [Hit] }
`);

/** The selection the root field of `source` reads, as the translators get it. */
async function read(source: string, variables: Record<string, unknown> = {}): Promise<FieldSelection> {
  let selection: FieldSelection | undefined;
  const capture = (_root: unknown, _args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
    selection = selectionOf(info);
    return null;
  };
  const result = await graphql({
    schema,
    source,
    variableValues: variables,
    rootValue: { find: capture, hits: capture },
    fieldResolver: (root, args, ctx, info) => (info.parentType.name === "Query" ? capture(root, args, ctx, info) : null),
  });
  expect(result.errors).toBeUndefined();
  if (!selection) throw new Error("nothing read");
  return selection;
}

/** A compact picture of a selection: key=field(args) per type, nested. */
function outline(selection: FieldSelection): unknown {
  return Object.fromEntries(
    [...selection.byType].map(([type, fields]) => [
      type,
      fields.map((f) => [`${f.key}=${f.field}${Object.keys(f.args).length > 0 ? JSON.stringify(f.args) : ""}`, ...(f.byType.size > 0 ? [outline(f)] : [])]),
    ]),
  );
}

describe("selectionOf: the operation's AST as a selection tree", () => {
  it("keeps every alias as a plain key, object internals included", async () => {
    const selection = await read(
      `{ toString: find(name: "x") { __proto__: name constructor: name hasOwnProperty: __typename ... on Place { valueOf: parts { toString: code } } } }`,
    );
    expect(selection.key).toBe("toString");
    expect(selection.args).toEqual({ name: "x" });
    expect(outline(selection)).toMatchInlineSnapshot(`
      {
        "Named": [
          [
            "__proto__=name",
          ],
          [
            "constructor=name",
          ],
          [
            "hasOwnProperty=__typename",
          ],
        ],
        "Place": [
          [
            "valueOf=parts{"kind":"BIG"}",
            {
              "Place": [
                [
                  "toString=code",
                ],
              ],
            },
          ],
        ],
      }
    `);
  });

  it("applies @skip and @include, variables, argument defaults and named fragments", async () => {
    const selection = await read(
      `query ($no: Boolean!, $n: Int) { find(name: "x") { a: name @skip(if: true) b: name @include(if: $no) ...P ... @include(if: false) { c: name } } }
       fragment P on Place { parts(first: $n, kind: SMALL) { code } }`,
      { no: false, n: 3 },
    );
    expect(outline(selection)).toEqual({ Place: [['parts=parts{"first":3,"kind":"SMALL"}', { Place: [["code=code"]] }]] });
  });

  it("files a fragment's fields under the narrower type: an interface fragment inside an object's keeps the object", async () => {
    const selection = await read(`{ hits { __typename ... on Place { ... on Named { name } } ... on Named { ... on Person { name } } } }`);
    expect(outline(selection)).toEqual({ Hit: [["__typename=__typename"]], Place: [["name=name"]], Person: [["name=name"]] });
  });

  it("merges a key asked by several fragments, at every depth", async () => {
    const selection = await read(
      `{ find(name: "x") { ... on Place { p: parts { code } } ... on Named { ... on Place { p: parts { name parts { code } } } } } }`,
    );
    const [parts] = fieldsFor(selection, "Place", ["Named"]);
    expect(parts?.key).toBe("p");
    expect(fieldsFor(parts as FieldSelection, "Place", []).map((f) => f.key)).toEqual(["code", "name", "parts"]);
  });

  it("gives equal selections equal signatures, whatever the order of their types", async () => {
    const a = await read(`{ find(name: "x") { name ... on Place { code } } }`);
    const b = await read(`{ find(name: "x") { ... on Place { code } name } }`);
    expect(signature(a)).toBe(signature(b));
    expect(signature(a)).not.toBe(signature(await read(`{ find(name: "y") { name ... on Place { code } } }`)));
  });
});
