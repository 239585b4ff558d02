import { readFileSync } from "node:fs";
import { cypher } from "../../src/db/cypher-query.js";
import type { Executor } from "../../src/db/executor.js";

/** Resident set size of a process, from /proc (Linux). */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  if (!line) throw new Error(`no VmRSS for pid ${pid}`);
  return Math.round(Number(line.split(/\s+/)[1]) / 1024);
}

/** Neo4j's JVM heap in use and committed, from its own JMX bean (dbms.queryJmx). */
export async function neo4jHeapMiB(executor: Executor): Promise<{ used: number; committed: number }> {
  const [row] = await executor.read<{ used: number; committed: number }>(
    cypher(`CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes
RETURN attributes.HeapMemoryUsage.value.properties.used AS used, attributes.HeapMemoryUsage.value.properties.committed AS committed`),
  );
  if (!row) throw new Error("dbms.queryJmx returned no heap figures");
  return { used: Math.round(row.used / 2 ** 20), committed: Math.round(row.committed / 2 ** 20) };
}
