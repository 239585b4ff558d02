import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { PROJECT_ROOT } from "../neo4j/paths.js";
import { printGraphQLSchema } from "./schema.js";

it("schema/schema.graphql matches the code (run `npm run schema:emit` after API changes)", async () => {
  const committed = readFileSync(path.join(PROJECT_ROOT, "schema", "schema.graphql"), "utf8");
  expect(await printGraphQLSchema()).toBe(committed);
});
