import { expect, it } from "vitest";
import { renderNeo4jConf, sizeInBytes, transactionMemoryLimits } from "./conf.js";

it("renders bolt, auth, memory, timeout and the closed doors", () => {
  expect(renderNeo4jConf({ boltHost: "127.0.0.1", boltPort: 7687, heap: "512m", pageCache: "128m", txTimeout: "30s" })).toMatchInlineSnapshot(`
      "# Written by the service at every start from its environment; edits here are overwritten.
      server.bolt.enabled=true
      server.bolt.listen_address=127.0.0.1:7687
      server.bolt.advertised_address=127.0.0.1:7687
      server.http.enabled=false
      server.https.enabled=false
      dbms.security.auth_enabled=true
      server.memory.pagecache.size=128m
      db.transaction.timeout=30s
      db.transaction.monitor.check.interval=500ms
      db.memory.transaction.max=128m
      dbms.memory.transaction.total.max=256m
      server.bolt.connection_keep_alive=2s
      server.bolt.connection_keep_alive_probes=3
      server.bolt.connection_keep_alive_streaming_scheduling_interval=1s
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

it("keeps transaction memory well under the heap: a quarter per transaction, half in all", () => {
  expect(transactionMemoryLimits("512m")).toEqual({ perTransaction: "128m", total: "256m" });
  expect(transactionMemoryLimits("1g")).toEqual({ perTransaction: "256m", total: "512m" });
  expect(transactionMemoryLimits("100M")).toEqual({ perTransaction: "25m", total: "50m" });
  expect(transactionMemoryLimits("1000k")).toEqual({ perTransaction: "250k", total: "500k" });
  expect(renderNeo4jConf({ boltHost: "h", boltPort: 1, heap: "2g", pageCache: "1m", txTimeout: "1s" })).toMatch(
    /^db\.memory\.transaction\.max=512m\ndbms\.memory\.transaction\.total\.max=1024m$/mu,
  );
});

it("reads sizes as the JVM does and refuses anything else", () => {
  expect(sizeInBytes("64k")).toBe(65_536);
  expect(sizeInBytes("3m")).toBe(3 * 1024 ** 2);
  expect(() => sizeInBytes("lots")).toThrow(RangeError);
});
