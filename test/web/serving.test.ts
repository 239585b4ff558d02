import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPLORER_DIR } from "../../src/server/explorer.js";
import type { RunningHttpServer } from "../../src/server/http-server.js";
import { buildExplorer } from "../helpers/explorer.js";
import { testDatabase } from "../helpers/neo4j.js";
import { startTestServer } from "../helpers/server.js";

const { driver, executor } = testDatabase();
let server: RunningHttpServer;
const empty = mkdtempSync(path.join(tmpdir(), "explorer-"));

beforeAll(async () => {
  buildExplorer();
  server = await startTestServer(executor);
});
afterAll(async () => {
  await server?.close();
  await driver.close();
  rmSync(empty, { recursive: true, force: true });
});

const html = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

describe("serving the explorer", () => {
  it("answers every deep link a browser opens with the app's page, under a same-origin content policy", async () => {
    for (const route of ["/", "/entity/zone%3A%E9%82%AE%E8%BD%AE%E6%B8%AF%E5%8C%BA", "/doc/000_44ac3f7d2d8bc0f5?start=1&end=4", "/no/such/page"]) {
      const response = await fetch(`${server.url}${route}`, { headers: html });
      expect(response.status, route).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/text\/html/);
      expect(response.headers.get("content-security-policy")).toMatch(/default-src 'self'.*connect-src 'self'/);
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it("serves hashed assets for a year and keeps JSON answers for JSON clients", async () => {
    const asset = readdirSync(path.join(EXPLORER_DIR, "assets")).find((f) => f.endsWith(".js"));
    const response = await fetch(`${server.url}/assets/${asset}`, { headers: { "accept-encoding": "gzip" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/max-age=31536000.*immutable/);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    const missing = await fetch(`${server.url}/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
    const api = await fetch(`${server.url}/no/such/page`, { headers: { accept: "application/json" } });
    expect(api.status).toBe(404);
  });

  it("says how to build the app when it is not built", async () => {
    const bare = await startTestServer(executor, {}, { explorerDir: empty });
    try {
      const response = await fetch(`${bare.url}/`, { headers: html });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "EXPLORER_NOT_BUILT" } }] });
    } finally {
      await bare.close();
    }
  });
});
