import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { graphmlType } from "./export.js";
import { portabilityProblem, typedProperties } from "./records.js";
import { xmlEscape } from "./writers.js";

describe("graphmlType", () => {
  it("picks the narrowest GraphML type that holds every value of a property", () => {
    expect(graphmlType(["INTEGER NOT NULL"])).toBe("long");
    expect(graphmlType(["INTEGER NOT NULL", "FLOAT NOT NULL"])).toBe("double");
    expect(graphmlType(["BOOLEAN NOT NULL"])).toBe("boolean");
    expect(graphmlType(["STRING NOT NULL", "INTEGER NOT NULL"])).toBe("string");
    expect(graphmlType(["LIST<INTEGER NOT NULL> NOT NULL"])).toBe("string");
  });
});

describe("xmlEscape", () => {
  it("escapes markup and drops the control characters XML 1.0 forbids", () => {
    expect(xmlEscape(`<a href="x">'&'</a>\u0001\t`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;\t");
  });
});

describe("portabilityProblem", () => {
  it("accepts scalars and lists of them", () => {
    expect(portabilityProblem({ name: "市北区", value: 6.5, start: 3, current: true, aliases: ["市北"] }, ["start"])).toBeUndefined();
  });

  it("names a property an export cannot carry", () => {
    expect(portabilityProblem({ nested: { a: 1 } }, [])).toBe(
      "property nested has a type an export does not carry (only strings, numbers, booleans and lists of them)",
    );
    expect(portabilityProblem({ start: 2.5 }, ["start"])).toBe("property start is listed in integers but is not a whole number");
  });
});

describe("typedProperties", () => {
  it("turns the listed keys back into Cypher integers and leaves the rest as they are", () => {
    expect(typedProperties({ start: 3, years: [2022, 2023], value: 6 }, ["start", "years"])).toEqual({
      start: neo4j.int(3),
      years: [neo4j.int(2022), neo4j.int(2023)],
      value: 6,
    });
  });
});
