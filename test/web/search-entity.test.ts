import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ExplorerHarness, type PageWatch, startExplorer } from "../helpers/explorer.js";

let explorer: ExplorerHarness;
const WAIT = { timeout: 30_000 };
const SHOTS = process.env.SCREENSHOTS ? "docs/img" : null;

beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

/** The same API the page talks to, for what the page should show. */
async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${explorer.server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** Ids of the subject's figures that another document contradicts, every page of them. */
async function conflictingObservations(id: string): Promise<string[]> {
  const found: string[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = {
      node: { observations: { pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: { node: { id: string; conflicting: boolean } }[] } };
    };
    const { node }: Page = await api<Page>(
      `query ($id: ID!, $after: String) { node(id: $id) { ... on Entity { observations(first: 100, after: $after) { pageInfo { endCursor hasNextPage } edges { node { id conflicting } } } } } }`,
      { id, after },
    );
    found.push(...node.observations.edges.filter((e) => e.node.conflicting).map((e) => e.node.id));
    if (!node.observations.pageInfo.hasNextPage) return found;
    after = node.observations.pageInfo.endCursor;
  }
}

/** What the page sent after `mark`: the operations of one navigation inside the app. */
const since = (watch: PageWatch, mark: number) => watch.operations.slice(mark);

function clean(watch: PageWatch) {
  expect(watch.outside).toEqual([]);
  expect(watch.errors).toEqual([]);
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
}

describe("search and entity pages", () => {
  it("finds 邮轮母港 as you type, opens the zone, one of its projects and a citation's exact characters", async () => {
    const { page, watch } = await explorer.open("/");
    const box = page.getByRole("searchbox", { name: "搜索" });
    await box.waitFor(WAIT);
    await expect.poll(() => page.locator(".search-intro").textContent()).toContain("邮轮母港");
    await box.pressSequentially("邮轮母港");
    // The URL follows the box, so the search is a link to share.
    await page.waitForURL((url) => url.searchParams.get("q") === "邮轮母港", WAIT);
    const zoneHit = page.locator(".search-hit-entity").filter({ hasText: "邮轮港区" });
    await zoneHit.waitFor(WAIT);
    // 邮轮母港 is an alias of the zone 邮轮港区; the sentence hit marks the words searched for.
    expect(await zoneHit.locator(".kind").textContent()).toBe("片区");
    expect(await zoneHit.textContent()).toContain("邮轮母港");
    const passage = page.locator(".search-hit-passage").first();
    expect(await passage.locator("mark").first().textContent()).toBe("邮轮母港");
    expect(await passage.locator("a").getAttribute("href")).toMatch(/^\/doc\/[^?]+\?start=\d+&end=\d+&passage=passage%3A/);
    const { search } = await api<{ search: { totalCount: number } }>(`{ search(query: "邮轮母港") { totalCount } }`);
    expect(await page.locator(".search-count strong").textContent()).toBe(String(search.totalCount));
    expect(watch.operations.length).toBeGreaterThan(0);
    expect(new Set(watch.operations)).toEqual(new Set(["Search"]));
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/explorer-search.png` });

    let mark = watch.operations.length;
    await zoneHit.getByRole("link").click();
    await page.waitForURL(`**/entity/${encodeURIComponent("zone:邮轮港区")}`, WAIT);
    const title = page.locator(".entity-title");
    await title.waitFor(WAIT);
    expect(await title.locator(".entity-name").textContent()).toBe("邮轮港区");
    expect(await title.locator(".kind").textContent()).toBe("片区");
    expect(await page.locator(".entity-aliases").textContent()).toContain("邮轮母港");
    const crumbs = page.locator(".entity-crumbs li");
    expect(await crumbs.allTextContents()).toEqual(["山东省", "青岛市", "市北区", "邮轮港区"]);
    expect(await crumbs.nth(1).locator("a").getAttribute("href")).toBe(`/name/${encodeURIComponent("山东省/青岛市")}`);
    const district = page.locator(".entity-related-row").filter({ hasText: "所在区" }).getByRole("link", { name: "市北区" });
    expect(await district.getAttribute("href")).toBe(`/entity/${encodeURIComponent("district:370203")}`);
    await settle(page);
    expect(since(watch, mark)).toEqual(["EntityPage"]);

    mark = watch.operations.length;
    await page.locator(".entity-related-row").filter({ hasText: "项目" }).getByRole("link", { name: "世界之眼" }).click();
    await page.waitForURL(`**/entity/${encodeURIComponent("project:世界之眼")}`, WAIT);
    await expect.poll(() => page.locator(".entity-title .entity-name").textContent(), WAIT).toBe("世界之眼");
    expect(await page.locator(".entity-title .kind").textContent()).toBe("项目");
    expect(await page.locator(".entity-crumbs li").allTextContents()).toEqual(["山东省", "青岛市", "市北区", "邮轮港区", "世界之眼"]);
    await settle(page);
    expect(since(watch, mark)).toEqual(["EntityPage"]);

    // The relation's citation: the sentence that places 世界之眼 in the zone.
    const citation = page.locator(".entity-rel-group .citation").first();
    const href = (await citation.getAttribute("href")) ?? "";
    const shown = (await citation.textContent()) ?? "";
    const quote = /^「(.*)」/s.exec(shown)?.[1] ?? "";
    expect(quote).toContain("世界之眼");
    const link = new URL(href, explorer.server.url);
    const documentId = decodeURIComponent(link.pathname.replace(/^\/doc\//, ""));
    const start = Number(link.searchParams.get("start"));
    const end = Number(link.searchParams.get("end"));
    await citation.click();
    await page.waitForURL(/\/doc\//, WAIT);
    const cite = page.locator("mark#cite");
    await cite.waitFor(WAIT);
    expect(await cite.count()).toBe(1);
    expect(await cite.textContent()).toBe(quote);
    const { node } = await api<{ node: { text: string } }>(`query ($id: ID!) { node(id: $id) { ... on Document { text } } }`, { id: documentId });
    expect(node.text.slice(start, end)).toBe(quote);
    clean(watch);
  }, 120_000);

  it("shows a district with ONE request: breadcrumb, figures and relation groups as the API counts them", async () => {
    const { page, watch } = await explorer.open(`/entity/${encodeURIComponent("district:370203")}`);
    await page.locator(".entity-obs-table tbody tr").first().waitFor(WAIT);
    await settle(page);
    expect(watch.operations).toEqual(["EntityPage"]);
    expect(await page.locator(".entity-title .entity-name").textContent()).toBe("市北区");
    expect(await page.locator(".entity-facts").textContent()).toContain("370203");
    expect(await page.locator(".entity-crumbs li").allTextContents()).toEqual(["山东省", "青岛市", "市北区"]);
    // The latest year with targets in the graph, the place by its unambiguous gazetteer path.
    expect(await page.getByRole("link", { name: "2023年目标与完成" }).getAttribute("href")).toBe(`/targets/${encodeURIComponent("山东省/青岛市/市北区")}/2023`);

    const { node } = await api<{ node: { observations: { totalCount: number }; partOf: { totalCount: number }; mentions: { totalCount: number } } }>(
      `{ node(id: "district:370203") { ... on Entity { observations { totalCount } partOf: relations(types: ["PART_OF"]) { totalCount } mentions { totalCount } } } }`,
    );
    expect(await page.locator("#entity-observations-h").textContent()).toContain(String(node.observations.totalCount));
    expect(await page.locator("#rel-PART_OF h3").textContent()).toContain(`共 ${node.partOf.totalCount} 条`);
    expect(await page.locator("#entity-mentions-h").textContent()).toContain(String(node.mentions.totalCount));
    // Every figure carries its citation, pointing at the fact.
    const firstRow = page.locator(".entity-obs-table tbody tr").first();
    expect(await firstRow.locator(".citation").first().getAttribute("href")).toMatch(/&fact=observation%3A/);
    expect(await firstRow.getByRole("link", { name: "详情" }).getAttribute("href")).toMatch(/^\/observation\/observation%3A/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/explorer-entity.png` });

    // Filters work over what is loaded; "more" on a relation group fetches that group's next page.
    await page.getByLabel("按类型筛选").selectOption("ACTUAL");
    const kinds = await page.locator(".entity-obs-table tbody tr td:nth-child(2)").allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(["实际"]));
    let mark = watch.operations.length;
    await page.getByRole("button", { name: /加载更多/ }).click();
    await expect
      .poll(() => page.locator(".entity-filter-count").textContent(), WAIT)
      .toContain(`已加载 ${Math.min(150, node.observations.totalCount)} / ${node.observations.totalCount}`);
    expect(since(watch, mark)).toEqual(["EntityObservationsMore"]);
    // Sortable columns; with everything loaded, the figures another document contradicts are flagged.
    await page.getByLabel("按类型筛选").selectOption("");
    await page.getByRole("button", { name: /^年份/ }).click();
    await page.getByRole("button", { name: /^年份/ }).click();
    const periods = (await page.locator(".entity-obs-table tbody tr td:nth-child(3)").allTextContents()).map((p) => Number(p.slice(-4)));
    expect(periods).toEqual([...periods].sort((a, b) => b - a));
    while (await page.getByRole("button", { name: /加载更多/ }).count()) {
      const loaded = (await page.locator(".entity-filter-count").textContent()) ?? "";
      await page.getByRole("button", { name: /加载更多/ }).click();
      await expect.poll(() => page.locator(".entity-filter-count").textContent(), WAIT).not.toBe(loaded);
    }
    const conflicting = await conflictingObservations("district:370203");
    expect(conflicting.length).toBeGreaterThan(0);
    const flags = page.locator(".entity-obs-conflict");
    expect(await flags.count()).toBe(conflicting.length);
    expect(await flags.first().locator(".entity-conflict").getAttribute("href")).toMatch(/^\/observation\/observation%3A/);
    const partOf = page.locator("#rel-PART_OF");
    const before = await partOf.locator("tbody tr").count();
    mark = watch.operations.length;
    await partOf.getByRole("button", { name: /更多/ }).click();
    await expect.poll(() => partOf.locator("tbody tr").count(), WAIT).toBe(Math.min(node.partOf.totalCount, before * 2));
    expect(since(watch, mark)).toEqual(["EntityRelationsMore"]);

    // The breadcrumb opens an ancestor by its gazetteer path.
    mark = watch.operations.length;
    await page.locator(".entity-crumbs").getByRole("link", { name: "青岛市" }).click();
    await page.waitForURL(`**/name/${encodeURIComponent("山东省/青岛市")}`, WAIT);
    await expect.poll(() => page.locator(".entity-title .entity-name").textContent(), WAIT).toBe("青岛市");
    expect(await page.locator(".entity-title .kind").textContent()).toBe("市");
    await settle(page);
    expect(since(watch, mark)).toEqual(["EntityByName"]);
    clean(watch);
  }, 120_000);

  it("says so for an unknown id", async () => {
    const { page, watch } = await explorer.open("/entity/zone:不存在");
    await page.getByRole("heading", { name: "找不到这个实体" }).waitFor(WAIT);
    expect(watch.operations).toEqual(["EntityPage"]);
    clean(watch);
  });

  it("finds a single character, filters by kind and pages with more", async () => {
    const { search } = await api<{ search: { totalCount: number } }>(`{ search(query: "港") { totalCount } }`);
    expect(search.totalCount).toBeGreaterThan(20);
    const { page, watch } = await explorer.open(`/?q=${encodeURIComponent("港")}`);
    const hits = page.locator(".search-hit");
    await hits.first().waitFor(WAIT);
    expect(await page.locator(".search-count strong").textContent()).toBe(String(search.totalCount));
    expect(await hits.count()).toBe(20);
    await page.getByRole("button", { name: /更多/ }).click();
    await expect.poll(() => hits.count(), WAIT).toBe(Math.min(40, search.totalCount));

    const zones = await api<{ search: { totalCount: number } }>(`{ search(query: "港", kinds: [ZONE]) { totalCount } }`);
    await page.getByRole("button", { name: "片区", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("kinds") === "ZONE", WAIT);
    await expect.poll(() => page.locator(".search-count strong").textContent(), WAIT).toBe(String(zones.search.totalCount));
    const badges = await page.locator(".search-hit .kind").allTextContents();
    expect(new Set(badges)).toEqual(new Set(["片区"]));
    expect(await page.locator(".search-hit-passage").count()).toBe(0);
    clean(watch);
  }, 90_000);
});
