import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningHttpServer } from "../../src/server/http-server.js";
import { launchChromium } from "../helpers/chromium.js";
import { testDatabase } from "../helpers/neo4j.js";
import { startTestServer } from "../helpers/server.js";

const { driver, executor } = testDatabase();
let server: RunningHttpServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer(executor);
  // Playwright gives every launch a new, empty profile of its own.
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await driver.close();
});

describe("GraphiQL in a browser", () => {
  it("opens offline with the Chinese example, runs it and shows the answer", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const outside: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(server.url) && !/^(data|blob):/.test(request.url())) outside.push(request.url());
    });
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await page.goto(`${server.url}/graphql`);
    await page.getByText("市北区2023年的主要预期目标").first().waitFor({ timeout: 30_000 });
    await page.locator(".graphiql-execute-button").click();
    const result = page.locator(".graphiql-response");
    await expect.poll(async () => (await result.textContent()) ?? "", { timeout: 30_000 }).toContain("地区生产总值");
    // The response pane is a virtualised editor: only its first screen is in the DOM.
    expect(await result.textContent()).toContain("attainment");
    if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT });
    expect(outside).toEqual([]);
    expect(consoleErrors.filter((e) => !/favicon/i.test(e))).toEqual([]);
  }, 90_000);
});
