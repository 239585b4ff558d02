import { spawnSync } from "node:child_process";
import type { Browser, Page } from "playwright-core";
import type { RunningHttpServer } from "../../src/server/http-server.js";
import { launchChromium } from "./chromium.js";
import { testDatabase } from "./neo4j.js";
import { startTestServer } from "./server.js";

/** What a page did that a test should refuse: requests to other hosts, console errors, uncaught exceptions. */
export interface PageWatch {
  outside: string[];
  errors: string[];
  /** GraphQL operations the page sent, by operation name, in order. */
  operations: string[];
}

export interface ExplorerHarness {
  server: RunningHttpServer;
  browser: Browser;
  /** A fresh page (own context) watched for outside requests, errors and GraphQL operations. */
  open(path: string, env?: { viewport?: { width: number; height: number } }): Promise<{ page: Page; watch: PageWatch }>;
  close(): Promise<void>;
}

/** Builds web/dist when its sources changed, as `npm start` does (web/build.mjs locks against parallel test files). */
export function buildExplorer(): void {
  const build = spawnSync(process.execPath, ["web/build.mjs"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error(`web/build.mjs failed (${build.status ?? build.signal})`);
}

/** The real service (with the built explorer) and headless Chromium. */
export async function startExplorer(env: Record<string, string> = {}): Promise<ExplorerHarness> {
  buildExplorer();
  const { driver, executor } = testDatabase();
  const server = await startTestServer(executor, env);
  const browser = await launchChromium();
  return {
    server,
    browser,
    async open(path, options = {}) {
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 }, locale: "zh-CN" });
      const page = await context.newPage();
      const watch: PageWatch = { outside: [], errors: [], operations: [] };
      page.on("request", (request) => {
        const url = request.url();
        if (!url.startsWith(server.url) && !/^(data|blob):/.test(url)) watch.outside.push(url);
        if (url.startsWith(`${server.url}/graphql`) && request.method() === "POST") {
          const body = request.postDataJSON() as { operationName?: string; query?: string } | null;
          watch.operations.push(body?.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body?.query ?? "")?.[1] ?? "anonymous");
        }
      });
      page.on("console", (message) => {
        if (message.type() === "error" && !/favicon/i.test(message.text())) watch.errors.push(message.text());
      });
      page.on("pageerror", (error) => watch.errors.push(error.message));
      await page.goto(`${server.url}${path}`);
      return { page, watch };
    },
    async close() {
      await browser.close();
      await server.close();
      await driver.close();
    },
  };
}
