import { parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import { inlinePageSizes } from "./variable-cost.js";

describe("inlinePageSizes", () => {
  it("writes in page sizes given by variables, and leaves everything else as it was", () => {
    const document = parse(
      `query ($n: Int, $m: Int, $name: String!) { entity(name: $name) { relations(first: $n) { totalCount } mentions(last: $m, after: $name) { totalCount } } }`,
    );
    const inlined = inlinePageSizes(document, { n: 100, m: 7, name: "first" });
    expect(inlined && print(inlined)).toContain("relations(first: 100)");
    expect(inlined && print(inlined)).toContain("mentions(last: 7, after: $name)");
    expect(inlined && print(inlined)).toContain("entity(name: $name)");
  });

  it("answers undefined when no page size is a variable with a whole number", () => {
    expect(inlinePageSizes(parse(`{ entities(first: 5) { totalCount } }`), {})).toBeUndefined();
    expect(inlinePageSizes(parse(`query ($n: Int) { entities(first: $n) { totalCount } }`), {})).toBeUndefined();
    expect(inlinePageSizes(parse(`query ($n: Int) { entities(first: $n) { totalCount } }`), { n: 2.5 })).toBeUndefined();
    // A variable named like an inherited property is not read from the prototype.
    expect(inlinePageSizes(parse(`query ($toString: Int) { entities(first: $toString) { totalCount } }`), {})).toBeUndefined();
  });
});
