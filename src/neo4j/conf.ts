import type { EmbeddedNeo4jSettings } from "../config/config.js";

/** Renders the neo4j.conf the launcher loads: the only place embedded Neo4j settings are decided. */
export function renderNeo4jConf(
  s: Pick<EmbeddedNeo4jSettings, "boltHost" | "boltPort" | "pageCache" | "txTimeout" | "pluginDir" | "unrestrictedProcedures">,
): string {
  const address = `${s.boltHost}:${s.boltPort}`;
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
    ["db.memory.transaction.max", "512m"],
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
