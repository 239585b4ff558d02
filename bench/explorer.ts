/**
 * The explorer's weight and speed (docs/benchmarks.md, issue 12):
 *   npm run bench:explorer -- [--url http://127.0.0.1:4000] [--runs 5]
 * Builds web/dist if stale, reports the gzip size of what a first visit loads and of each lazy chunk,
 * then opens each page view in headless Chromium against the running service: time from navigation to
 * the page's content (its view's elements shown, no loading notice left) and the GraphQL requests it sent.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { EXPLORER_DIR } from "../src/server/explorer.js";
import { launchChromium } from "../test/helpers/chromium.js";

interface View {
  name: string;
  path: string;
  /** What must be on the page for its first meaningful render: every selector matches. */
  ready: string[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
};

function bundleSizes(): { initial: number; files: Array<{ file: string; bytes: number; gzip: number; initial: boolean }> } {
  const build = spawnSync(process.execPath, ["web/build.mjs"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("web/build.mjs failed");
  const index = readFileSync(path.join(EXPLORER_DIR, "index.html"), "utf8");
  const files = readdirSync(path.join(EXPLORER_DIR, "assets"))
    .sort()
    .map((file) => {
      const body = readFileSync(path.join(EXPLORER_DIR, "assets", file));
      return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, initial: index.includes(`/assets/${file}`) };
    });
  return { initial: files.filter((f) => f.initial).reduce((n, f) => n + f.gzip, 0), files };
}

async function graphql<T>(url: string, query: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function views(url: string): Promise<View[]> {
  const data = await graphql<{
    place: { id: string };
    zone: { id: string };
    gdp: { edges: Array<{ node: { id: string; citations: Array<{ start: number; end: number; document: { id: string }; passage: { id: string } }> } }> };
  }>(
    url,
    `{ place: entity(name: "市北区") { id } zone: entity(name: "邮轮港区") { id }
       gdp: observations(filter: { subject: "市北区", indicator: "地区生产总值", period: 2023, kind: TARGET }, first: 1) { edges { node { id citations { start end document { id } passage { id } } } } } }`,
  );
  const fact = data.gdp.edges[0]?.node;
  const cite = fact?.citations[0];
  if (!fact || !cite) throw new Error("no 地区生产总值 target of 市北区 for 2023: is the corpus loaded?");
  const enc = encodeURIComponent;
  return [
    { name: "search 邮轮母港", path: `/?q=${enc("邮轮母港")}`, ready: [".search-list li"] },
    { name: "entity 市北区", path: `/entity/${enc(data.place.id)}`, ready: ["main h1", "main table tbody tr"] },
    { name: "entity 邮轮港区", path: `/entity/${enc(data.zone.id)}`, ready: ["main h1", "main table tbody tr"] },
    {
      name: "source view (a citation)",
      path: `/doc/${enc(cite.document.id)}?start=${cite.start}&end=${cite.end}&passage=${enc(cite.passage.id)}&fact=${enc(fact.id)}`,
      ready: ["mark#cite"],
    },
    { name: "observation", path: `/observation/${enc(fact.id)}`, ready: ["main h1", "main mark"] },
    { name: "graph 市北区", path: `/graph/${enc(data.place.id)}`, ready: [".graph-canvas canvas"] },
    { name: "targets 市北区 2023", path: `/targets/${enc("市北区")}/2023`, ready: ["main table tbody tr", "main canvas"] },
    {
      name: "compare 地区生产总值 2023",
      path: `/compare?indicator=${enc("地区生产总值")}&period=2023&kind=TARGET`,
      ready: ["main table tbody tr", "main canvas"],
    },
    {
      name: "series 市北区 地区生产总值",
      path: `/series?subject=${enc("市北区")}&indicator=${enc("地区生产总值")}`,
      ready: ["main table tbody tr", "main canvas"],
    },
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: "string", default: "http://127.0.0.1:4000" }, runs: { type: "string", default: "5" } } });
  const url = values.url;
  const runs = Number(values.runs);
  const bundle = bundleSizes();
  const browser = await launchChromium();
  const results: Array<{ view: string; renderMs: number[]; medianMs: number; requests: number[] }> = [];
  try {
    for (const view of await views(url)) {
      const renderMs: number[] = [];
      const requests: number[] = [];
      // One warm-up visit fills the OS file cache and the service's; each timed visit is a fresh browser context (empty HTTP cache).
      for (let i = 0; i <= runs; i++) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "zh-CN" });
        const page = await context.newPage();
        let sent = 0;
        page.on("request", (r) => {
          if (r.method() === "POST" && r.url().startsWith(`${url}/graphql`)) sent += 1;
        });
        const started = Date.now();
        await page.goto(`${url}${view.path}`);
        await page.waitForFunction(
          (selectors) => selectors.every((s) => document.querySelector(s) !== null) && document.querySelector("main .status") === null,
          view.ready,
          {
            timeout: 60_000,
          },
        );
        const elapsed = Date.now() - started;
        await page.waitForLoadState("networkidle");
        if (i > 0) {
          renderMs.push(elapsed);
          requests.push(sent);
        }
        await context.close();
      }
      results.push({ view: view.name, renderMs, medianMs: median(renderMs), requests });
      process.stderr.write(`${view.name}: median ${median(renderMs)} ms, requests ${requests.join(",")}\n`);
    }
  } finally {
    await browser.close();
  }
  const report = { at: new Date().toISOString(), url, runs, bundle, views: results };
  writeFileSync(path.join("bench", "results", "explorer.json"), `${JSON.stringify(report, null, 2)}\n`);
  const kb = (n: number) => (n / 1024).toFixed(1);
  process.stdout.write(
    [
      `first visit loads ${kb(bundle.initial)} KiB gzip`,
      "",
      "| file | KiB | KiB gzip | first visit |",
      "| --- | --- | --- | --- |",
      ...bundle.files.map((f) => `| ${f.file} | ${kb(f.bytes)} | ${kb(f.gzip)} | ${f.initial ? "yes" : "lazy"} |`),
      "",
      "| view | render ms (median of runs) | all runs | GraphQL requests |",
      "| --- | --- | --- | --- |",
      ...results.map((r) => `| ${r.view} | ${r.medianMs} | ${r.renderMs.join(", ")} | ${[...new Set(r.requests)].join(", ")} |`),
      "",
    ].join("\n"),
  );
}

await main();
