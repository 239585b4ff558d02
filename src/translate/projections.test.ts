import { isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { buildGraphQLSchema } from "../graphql/schema.js";
import { POSSIBLE_TYPES } from "./model.js";
import { translatedFields } from "./projections.js";

describe("projection tables", () => {
  it("translate exactly the fields of every type the schema can return from the graph", async () => {
    const schema = await buildGraphQLSchema();
    const concrete = POSSIBLE_TYPES.Node ?? [];
    expect(concrete.length).toBeGreaterThan(12);
    for (const typeName of concrete) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type of the schema`);
      const schemaFields = Object.keys(type.getFields()).sort();
      expect({ typeName, fields: translatedFields(typeName) }).toEqual({ typeName, fields: schemaFields });
    }
  });
});
