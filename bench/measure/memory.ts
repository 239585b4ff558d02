import { readFileSync } from "node:fs";
import { cypher } from "../../src/db/cypher-query.js";
import type { Executor } from "../../src/db/executor.js";

/** A memory figure from /proc (Linux): VmRSS now, or VmHWM, the peak so far; undefined once the process is gone. */
export function readProcMemoryMiB(pid: number, field: "VmRSS" | "VmHWM" = "VmRSS"): number | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  // An exited process not yet reaped (a zombie) still has a status file, without memory lines.
  const line = status.split("\n").find((l) => l.startsWith(`${field}:`));
  return line === undefined ? undefined : Math.round(Number(line.split(/\s+/)[1]) / 1024);
}

/** As readProcMemoryMiB, for a process that must be alive. */
export function procMemoryMiB(pid: number, field: "VmRSS" | "VmHWM" = "VmRSS"): number {
  const value = readProcMemoryMiB(pid, field);
  if (value === undefined) throw new Error(`no ${field} for pid ${pid}: is it running?`);
  return value;
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
