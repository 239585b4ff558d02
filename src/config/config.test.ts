import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors/index.js";
import { loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("applies defaults for an empty environment", () => {
    const config = loadConfig({}, "/srv/app");
    expect(config.http).toEqual({ host: "127.0.0.1", port: 4000 });
    // Unset NODE_ENV is production: internals stay masked unless someone asks for development.
    expect(config.env).toBe("production");
    expect(config.api.allowedHosts).toEqual(["localhost", "127.0.0.1", "[::1]"]);
    expect(config.neo4j.externalUri).toBeUndefined();
    expect(config.neo4j.embedded).toMatchObject({
      boltPort: 7687,
      homeDir: "/srv/app/.data/neo4j",
      heap: "512m",
      pageCache: "128m",
      txTimeout: "30s",
    });
  });

  it("reads overrides and treats empty strings as unset", () => {
    const config = loadConfig({ PORT: "8080", NEO4J_URI: "neo4j+s://x.databases.neo4j.io", NEO4J_HEAP: "" });
    expect(config.http.port).toBe(8080);
    expect(config.neo4j.externalUri).toBe("neo4j+s://x.databases.neo4j.io");
    expect(config.neo4j.embedded.heap).toBe("512m");
  });

  it("keeps the response cache on by default, off with RESPONSE_CACHE=false, and refuses a size of 0 MB", () => {
    expect(loadConfig({}).api.responseCache).toEqual({ enabled: true, maxBytes: 64 * 2 ** 20 });
    expect(loadConfig({ RESPONSE_CACHE: "false", RESPONSE_CACHE_MB: "8" }).api.responseCache).toEqual({ enabled: false, maxBytes: 8 * 2 ** 20 });
    expect(() => loadConfig({ RESPONSE_CACHE_MB: "0" })).toThrow(ConfigError);
    expect(() => loadConfig({ RESPONSE_CACHE: "maybe" })).toThrow(ConfigError);
  });

  it("accepts the listening host and the hosts listed in ALLOWED_HOSTS", () => {
    expect(loadConfig({ HOST: "10.0.0.5" }).api.allowedHosts).toEqual(["localhost", "127.0.0.1", "[::1]", "10.0.0.5"]);
    expect(loadConfig({ HOST: "0.0.0.0" }).api.allowedHosts).toEqual(["localhost", "127.0.0.1", "[::1]"]);
    expect(loadConfig({ ALLOWED_HOSTS: "API.example.org, *.example.net" }).api.allowedHosts).toEqual(["api.example.org", "*.example.net"]);
    expect(() => loadConfig({ ALLOWED_HOSTS: "evil.com/path" })).toThrow(ConfigError);
  });

  it("reports one line per bad variable", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "http", NEO4J_HEAP: "lots", NEO4J_PASSWORD: "short", NEO4J_URI: "http://x" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues;
    expect(issues).toHaveLength(4);
    expect(issues.find((l) => l.startsWith("PORT="))).toMatch(/number/i);
    expect(issues.find((l) => l.startsWith("NEO4J_HEAP="))).toMatch(/512m/);
    expect(issues.find((l) => l.startsWith("NEO4J_PASSWORD="))).toMatch(/8 characters/);
    expect(issues.join("\n")).not.toContain("short");
    expect(issues.find((l) => l.startsWith("NEO4J_URI="))).toMatch(/bolt:\/\//);
  });
});
