import { describe, expect, it } from "vitest";
import { loadSchema, parseSchema } from "./schema.js";

describe("parseSchema", () => {
  it("reads the project's schema file into named statements", () => {
    const statements = loadSchema();
    expect(statements.length).toBeGreaterThan(3);
    expect(statements.map((s) => s.name)).toContain("document_id");
    for (const s of statements) expect(s.cypher).toMatch(/IF NOT EXISTS/);
  });

  it("skips comments and joins multi-line statements", () => {
    const parsed = parseSchema(`// a comment; with a semicolon\nCREATE INDEX a_b IF NOT EXISTS\n  FOR (n:A) ON (n.b);\n`);
    expect(parsed).toEqual([{ name: "a_b", cypher: "CREATE INDEX a_b IF NOT EXISTS FOR (n:A) ON (n.b)" }]);
  });

  it("refuses unnamed or non-idempotent statements", () => {
    expect(() => parseSchema("CREATE INDEX FOR (n:A) ON (n.b);")).toThrow(/named CREATE/);
    expect(() => parseSchema("CREATE INDEX x FOR (n:A) ON (n.b);")).toThrow(/IF NOT EXISTS/);
    expect(() => parseSchema("MATCH (n) DETACH DELETE n;")).toThrow(/named CREATE/);
  });
});
