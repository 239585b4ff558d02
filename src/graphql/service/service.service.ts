import { readFileSync } from "node:fs";
import path from "node:path";
import { cypher } from "../../db/cypher-query.js";
import type { Executor } from "../../db/executor.js";
import { PROJECT_ROOT } from "../../neo4j/paths.js";
import type { ServiceInfo } from "./service.type.js";

const VERSION = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }).version;

export async function serviceInfo(executor: Executor): Promise<ServiceInfo> {
  const [row] = await executor.read<{ version: string; edition: string }>(
    cypher("CALL dbms.components() YIELD name, versions, edition WHERE name = $name RETURN versions[0] AS version, edition", {
      name: "Neo4j Kernel",
    }),
  );
  return { version: VERSION, neo4jVersion: row?.version ?? "unknown", neo4jEdition: row?.edition ?? "unknown" };
}
