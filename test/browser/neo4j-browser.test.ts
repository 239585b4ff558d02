import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { BROWSER_DIR } from "../../src/neo4j/paths.js";
import type { RunningHttpServer } from "../../src/server/http-server.js";
import { launchChromium } from "../helpers/chromium.js";
import { testDatabase } from "../helpers/neo4j.js";
import { startTestServer } from "../helpers/server.js";

const target = inject("neo4j");
const { driver, executor } = testDatabase();
let server: RunningHttpServer;
let external: RunningHttpServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer(executor, {}, { browser: { dir: BROWSER_DIR, boltUrl: target.uri } });
  external = await startTestServer(executor);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await external?.close();
  await driver.close();
});

describe("Neo4j Browser at /browser", () => {
  it("is the real Neo4j Browser, connected to the local database, answering a query", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/browser`);
    expect(page.url()).toContain(`dbms=${encodeURIComponent(target.uri)}`);
    await page.getByTestId("username").fill(target.user);
    await page.getByTestId("password").fill(target.password);
    await page.getByTestId("connect").click();
    // Connected: the editor's prompt names the database.
    await page.getByText("neo4j$").first().waitFor({ timeout: 30_000 });
    await page.getByTestId("activeEditor").click();
    await page.keyboard.type("MATCH (n) RETURN count(n) AS nodes");
    await page.getByTestId("editor-Run").click();
    const [row] = await executor.read<{ n: number }>(cypher("MATCH (n) RETURN count(n) AS n"));
    const frame = page.getByTestId("frame").filter({ hasText: "MATCH (n) RETURN count(n) AS nodes" }).getByTestId("frameContents");
    await expect.poll(async () => (await frame.textContent()) ?? "", { timeout: 30_000 }).toMatch(/nodes/);
    // Other test files may add or remove their own nodes meanwhile: the count is near, not exact.
    const shown = Number(/nodes\s*1?\s*(\d+)/u.exec((await frame.textContent()) ?? "")?.[1]);
    expect(Math.abs(shown - (row?.n ?? 0))).toBeLessThan(200);
    if (process.env.SCREENSHOT_BROWSER) await page.screenshot({ path: process.env.SCREENSHOT_BROWSER });
  }, 90_000);

  it("is linked from the GraphiQL page, and the link opens it", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/graphql`);
    const link = page.locator("#neo4j-browser-link");
    await link.waitFor({ timeout: 30_000 });
    const [opened] = await Promise.all([page.waitForEvent("popup"), link.click()]);
    await opened.waitForLoadState();
    expect(new URL(opened.url()).pathname).toBe("/browser/");
    expect(await opened.title()).toMatch(/Neo4j Browser/);
  }, 60_000);

  it("is not offered when the service uses someone else's Neo4j (NEO4J_URI)", async () => {
    const ide = await fetch(`${external.url}/graphql`, { headers: { accept: "text/html" } });
    expect(await ide.text()).not.toContain("neo4j-browser-link");
    const response = await fetch(`${external.url}/browser/`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/only with the embedded Neo4j/) });
  });
});
