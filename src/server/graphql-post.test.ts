import { describe, expect, it } from "vitest";
import { parseJsonBody } from "./graphql-post.js";

const parse = (text: string): unknown => parseJsonBody(Buffer.from(text, "utf8"));

describe("parseJsonBody reads a body as body-parser's strict JSON does", () => {
  it("parses an object or an array, after whitespace and a byte-order mark", () => {
    expect(parse(' \n{"query":"{ a }"}')).toEqual({ query: "{ a }" });
    expect(parse("\ufeff[1,2]")).toEqual([1, 2]);
  });

  it("takes an empty body as an empty object", () => {
    expect(parse("")).toEqual({});
  });

  it.each([
    ["a string", '"{ a }"'],
    ["a number", "42"],
    ["null", "null"],
    ["broken JSON", '{"query": '],
  ])("refuses %s as entity.parse.failed with status 400", (_what, text) => {
    expect(() => parse(text)).toThrow(expect.objectContaining({ status: 400, type: "entity.parse.failed" }));
  });
});
