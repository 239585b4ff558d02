import type { GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { shape } from "../translate/shape.js";
import { projectionFieldResolver } from "./field-resolver.js";
import { buildGraphQLSchema } from "./schema.js";

/** Just what the resolver reads of the resolve info: the response key and the field name. */
const at = (key: string, fieldName: string) => ({ path: { key, prev: undefined, typename: undefined }, fieldName }) as unknown as GraphQLResolveInfo;

describe("projectionFieldResolver", () => {
  it("reads a translated map by response key, own properties only", () => {
    const row = shape({ x: "市北区", toString: "370203", ["__proto__"]: 5 });
    expect(projectionFieldResolver(row, {}, undefined, at("x", "name"))).toBe("市北区");
    expect(projectionFieldResolver(row, {}, undefined, at("toString", "code"))).toBe("370203");
    expect(projectionFieldResolver(row, {}, undefined, at("__proto__", "totalCount"))).toBe(5);
    // A key the map does not hold is absent, never something from Object.prototype.
    expect(projectionFieldResolver(row, {}, undefined, at("constructor", "name"))).toBeUndefined();
    expect(projectionFieldResolver(row, {}, undefined, at("hasOwnProperty", "name"))).toBeUndefined();
  });

  it("reads an object built in code by field name, whatever the alias", () => {
    const info = { version: "0.1.0", neo4jVersion: "5.26.30" };
    expect(projectionFieldResolver(info, {}, undefined, at("version", "neo4jVersion"))).toBe("5.26.30");
    expect(projectionFieldResolver(info, {}, undefined, at("toString", "version"))).toBe("0.1.0");
  });
});

describe("the built schema's resolvers", () => {
  it("reads every plain field by response key, and keeps the resolvers of fields with arguments", async () => {
    const schema = await buildGraphQLSchema();
    const resolverOf = (type: string, field: string) => {
      const named = schema.getType(type);
      return named && "getFields" in named ? (named.getFields() as Record<string, { resolve?: unknown }>)[field]?.resolve : "no such field";
    };
    for (const [type, field] of [
      ["District", "name"],
      ["District", "zones"],
      ["Article", "passages"],
      ["PageInfo", "endCursor"],
      ["EntityEdge", "node"],
      ["ServiceInfo", "version"],
    ] as const) {
      expect(resolverOf(type, field), `${type}.${field}`).toBe(projectionFieldResolver);
    }
    for (const [type, field] of [
      ["District", "relations"],
      ["Zone", "mentions"],
      ["Indicator", "observations"],
      ["Document", "passages"],
    ] as const) {
      expect(resolverOf(type, field), `${type}.${field}`).not.toBe(projectionFieldResolver);
    }
  });
});
