import { writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../neo4j/paths.js";
import { printGraphQLSchema } from "./schema.js";

const target = path.join(PROJECT_ROOT, "schema", "schema.graphql");
writeFileSync(target, await printGraphQLSchema());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
