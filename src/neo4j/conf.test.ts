import { expect, it } from "vitest";
import { renderNeo4jConf } from "./conf.js";

it("renders bolt, auth, memory, timeout and the closed doors", () => {
  expect(renderNeo4jConf({ boltHost: "127.0.0.1", boltPort: 7687, pageCache: "128m", txTimeout: "30s" }))
    .toMatchInlineSnapshot(`
      "# Written by the service at every start from its environment; edits here are overwritten.
      server.bolt.enabled=true
      server.bolt.listen_address=127.0.0.1:7687
      server.bolt.advertised_address=127.0.0.1:7687
      server.http.enabled=false
      server.https.enabled=false
      dbms.security.auth_enabled=true
      server.memory.pagecache.size=128m
      db.transaction.timeout=30s
      db.memory.transaction.max=512m
      dbms.usage_report.enabled=false
      dbms.security.allow_csv_import_from_file_urls=false
      dbms.security.procedures.unrestricted=
      client.allow_telemetry=false
      internal.server.bolt.thread_pool_shutdown_wait_time=1s
      internal.server.bolt.connection_shutdown_wait_time=1s
      internal.dbms.bolt.netty_server_shutdown_quiet_period=0
      internal.dbms.bolt.netty_server_shutdown_timeout=2s
      "
    `);
});
