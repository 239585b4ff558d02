import type { EmbeddedNeo4jSettings } from "../config/config.js";

/** Renders the neo4j.conf the launcher loads: the only place embedded Neo4j settings are decided. */
export function renderNeo4jConf(
  s: Pick<EmbeddedNeo4jSettings, "boltHost" | "boltPort" | "heap" | "pageCache" | "txTimeout" | "pluginDir" | "unrestrictedProcedures">,
): string {
  const address = `${s.boltHost}:${s.boltPort}`;
  const memory = transactionMemoryLimits(s.heap);
  const settings: Array<[string, string]> = [
    ["server.bolt.enabled", "true"],
    ["server.bolt.listen_address", address],
    ["server.bolt.advertised_address", address],
    // The service is the HTTP face; Neo4j's own HTTP API stays closed.
    ["server.http.enabled", "false"],
    ["server.https.enabled", "false"],
    ["dbms.security.auth_enabled", "true"],
    ["server.memory.pagecache.size", s.pageCache],
    ["db.transaction.timeout", s.txTimeout],
    // Timed-out transactions are found within half a second, not the default two.
    ["db.transaction.monitor.check.interval", "500ms"],
    // Well under the heap, so a costly query fails alone (QUERY_TOO_COSTLY) instead of the JVM dying of OutOfMemoryError.
    ["db.memory.transaction.max", memory.perTransaction],
    ["dbms.memory.transaction.total.max", memory.total],
    // A NOOP every 2 s on busy connections and a 6 s receive timeout hinted to drivers: a frozen server's connections are dropped, not held.
    ["server.bolt.connection_keep_alive", "2s"],
    ["server.bolt.connection_keep_alive_probes", "3"],
    ["server.bolt.connection_keep_alive_streaming_scheduling_interval", "1s"],
    ["dbms.usage_report.enabled", "false"],
    ["dbms.security.allow_csv_import_from_file_urls", "false"],
    ["dbms.security.procedures.unrestricted", s.unrestrictedProcedures ?? ""],
    // Neo4j Browser reads this after connecting: no usage data sent anywhere.
    ["client.allow_telemetry", "false"],
    // Bolt otherwise waits 5 s twice on shutdown for connections that are already gone.
    ["internal.server.bolt.thread_pool_shutdown_wait_time", "1s"],
    ["internal.server.bolt.connection_shutdown_wait_time", "1s"],
    ["internal.dbms.bolt.netty_server_shutdown_quiet_period", "0"],
    ["internal.dbms.bolt.netty_server_shutdown_timeout", "2s"],
  ];
  // Only the benchmark's Neo4j sets a plugin dir (APOC for @neo4j/graphql); production runs none.
  if (s.pluginDir !== undefined) settings.push(["server.directories.plugins", s.pluginDir]);
  const lines = settings.map(([key, value]) => `${key}=${value}`);
  return `# Written by the service at every start from its environment; edits here are overwritten.\n${lines.join("\n")}\n`;
}

const KIB = 1024;
const MIB = 1024 ** 2;
const UNITS: Record<string, number> = { k: KIB, m: MIB, g: 1024 ** 3 };

/** Bytes of a JVM-style size such as 512m or 1g (the form config.ts accepts). */
export function sizeInBytes(size: string): number {
  const match = /^(\d+)([kmg])$/iu.exec(size);
  if (!match) throw new RangeError(`not a size such as 512m or 1g: ${size}`);
  return Number(match[1]) * (UNITS[match[2]?.toLowerCase() ?? ""] ?? 1);
}

/** One transaction may use a quarter of the heap, all transactions together half; the rest is Neo4j's own. */
export function transactionMemoryLimits(heap: string): { perTransaction: string; total: string } {
  const size = (bytes: number): string => (bytes % MIB === 0 ? `${bytes / MIB}m` : `${Math.floor(bytes / KIB)}k`);
  const bytes = sizeInBytes(heap);
  return { perTransaction: size(bytes / 4), total: size(bytes / 2) };
}
