import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ExplorerHarness, startExplorer } from "../helpers/explorer.js";

let explorer: ExplorerHarness;

beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => {
  await explorer?.close();
});

interface ApiResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The public API, as the page calls it. */
async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<ApiResult<T>> {
  const res = await fetch(`${explorer.server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as ApiResult<T>;
}

async function apiData<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await api<T>(query, variables);
  if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Opaque pixels in the canvas, and how many of them are exactly `rgb`: proof the chart was drawn, and with what. */
function canvasPixels(page: Page, selector: string, rgb: [number, number, number]): Promise<{ opaque: number; matching: number; width: number }> {
  return page
    .locator(selector)
    .first()
    .evaluate((el, [r, g, b]) => {
      const canvas = el as HTMLCanvasElement;
      const ctx = canvas.getContext("2d");
      if (!ctx || canvas.width === 0 || canvas.height === 0) return { opaque: 0, matching: 0, width: canvas.width };
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let opaque = 0;
      let matching = 0;
      for (let i = 0; i < px.length; i += 4) {
        if ((px[i + 3] ?? 0) > 0) opaque += 1;
        if (px[i] === r && px[i + 1] === g && px[i + 2] === b && px[i + 3] === 255) matching += 1;
      }
      return { opaque, matching, width: canvas.width };
    }, rgb);
}

const SUBJECT = "市北区";
const MET_RGB: [number, number, number] = [0x1e, 0x7b, 0x34];
const TARGET_RGB: [number, number, number] = [0x8a, 0x6d, 0x1f];

describe("the targets page", () => {
  it("shows 市北区's 2023 targets beside their results: every met target marked met, the summary's counts, a drawn chart, one operation", async () => {
    const { targetAttainment } = await apiData<{
      targetAttainment: { indicator: { name: string }; target: { id: string }; actual: { id: string } | null; met: boolean | null }[];
    }>(`query { targetAttainment(subject: "${SUBJECT}", period: 2023) { indicator { name } target { id } actual { id } met } }`);
    const met = targetAttainment.filter((a) => a.met === true);
    const missed = targetAttainment.filter((a) => a.met === false);
    const none = targetAttainment.filter((a) => a.met == null);
    expect(met.length).toBeGreaterThan(0);
    expect(met.map((a) => a.indicator.name)).toContain("新认定高新技术企业");

    const { page, watch } = await explorer.open(`/targets/${encodeURIComponent(SUBJECT)}/2023`);
    await page.locator("table.targets-table tbody tr").first().waitFor({ timeout: 30_000 });

    const count = (what: string) => page.locator(`[data-count="${what}"] .targets-stat-n`).textContent();
    expect(await count("all")).toBe(String(targetAttainment.length));
    expect(await count("met")).toBe(String(met.length));
    expect(await count("missed")).toBe(String(missed.length));
    expect(await count("none")).toBe(String(none.length));

    const rows = await page.locator("table.targets-table tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        indicator: tr.getAttribute("data-indicator"),
        status: tr.getAttribute("data-status"),
        text: tr.textContent ?? "",
        hrefs: [...tr.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? ""),
      })),
    );
    expect(rows.length).toBe(targetAttainment.length);
    for (const a of met) {
      const row = rows.find((r) => r.indicator === a.indicator.name && r.hrefs.some((h) => h.includes(`fact=${encodeURIComponent(a.target.id)}`)));
      expect(row, a.indicator.name).toBeDefined();
      expect(row?.status).toBe("met");
      expect(row?.text).toContain("已完成 ✓");
      // The result's own citation opens the source at that fact.
      expect(row?.hrefs.some((h) => h.startsWith("/doc/") && h.includes(`fact=${encodeURIComponent(a.actual?.id ?? "")}`))).toBe(true);
      expect(row?.hrefs).toContain(`/series?subject=${encodeURIComponent(SUBJECT)}&indicator=${encodeURIComponent(a.indicator.name)}`);
    }
    expect(rows.filter((r) => r.status === "met").length).toBe(met.length);
    expect(rows.filter((r) => r.status === "none").every((r) => r.text.includes("暂无结果"))).toBe(true);

    // One bar per met target, in the met colour, and the 100% line.
    const pixels = await canvasPixels(page, ".targets-chart canvas", MET_RGB);
    expect(pixels.width).toBeGreaterThan(0);
    expect(pixels.opaque).toBeGreaterThan(5_000);
    expect(pixels.matching).toBeGreaterThan(500 * met.length);
    expect(await page.locator(".targets-chart canvas").getAttribute("aria-label")).toContain(met[0]?.indicator.name ?? "?");

    if (process.env.SCREENSHOTS) await page.screenshot({ path: "docs/img/explorer-targets.png", fullPage: false });

    // The filter works on what was loaded: no further request.
    await page.getByRole("button", { name: /^已完成/ }).click();
    await expect.poll(() => page.locator("table.targets-table tbody tr").count()).toBe(met.length);
    await page.getByRole("button", { name: /^暂无结果/ }).click();
    await expect.poll(() => page.locator("table.targets-table tbody tr").count()).toBe(none.length);

    expect(watch.operations).toEqual(["TargetsPage"]);
    expect(watch.outside).toEqual([]);
    expect(watch.errors).toEqual([]);
  }, 90_000);

  it("takes the place by its gazetteer path and offers only the years it has targets for", async () => {
    const { page, watch } = await explorer.open(`/targets/${encodeURIComponent("山东省/青岛市/市北区")}/2023`);
    const body = await api(`query { entity(name: "市北区") { periods(kind: TARGET) } }`);
    const years = (body.data as { entity: { periods: number[] } }).entity.periods;
    expect(years.length).toBeGreaterThan(1);
    await expect
      .poll(() => page.locator(".targets-years a, .targets-years strong").allTextContents(), { timeout: 30_000 })
      .toEqual([...years].sort((a, b) => a - b).map((y) => `${y}年`));
    // The heading names the place the path identifies, linked to its page.
    expect(await page.locator("main h1 a").textContent()).toBe("市北区");
    expect(watch.operations).toEqual(["TargetsPage"]);
    expect(watch.errors).toEqual([]);
  }, 60_000);

  it("shows the API's NOT_FOUND code and message for an unknown subject, not a blank page", async () => {
    const name = "没有这个区";
    const body = await api(`query { targetAttainment(subject: "${name}", period: 2023) { met } }`);
    const error = body.errors?.[0];
    expect(error?.extensions?.code).toBe("NOT_FOUND");
    const { page, watch } = await explorer.open(`/targets/${encodeURIComponent(name)}/2023`);
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain("NOT_FOUND");
    expect(await alert.textContent()).toContain(error?.message ?? "?");
    expect(watch.operations).toEqual(["TargetsPage"]);
    expect(watch.outside).toEqual([]);
    expect(watch.errors).toEqual([]);
  }, 60_000);
});

describe("the compare page", () => {
  it("lists every subject with a figure of 地区生产总值 for 2023 and draws them", async () => {
    const { compare } = await apiData<{ compare: { subject: { name: string }; unit: string }[] }>(
      `query { compare(indicator: "地区生产总值", period: 2023, kind: TARGET) { subject { name } unit } }`,
    );
    const subjects = [...new Set(compare.map((o) => o.subject.name))];
    expect(subjects.length).toBeGreaterThanOrEqual(2);
    expect(subjects).toEqual(expect.arrayContaining(["市北区", "崂山区"]));

    const { page, watch } = await explorer.open(`/compare?indicator=${encodeURIComponent("地区生产总值")}&period=2023&kind=TARGET`);
    await page.locator("table.charts-table tbody tr").first().waitFor({ timeout: 30_000 });
    const listed = await page.locator("table.charts-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-subject")));
    expect(listed.sort()).toEqual(compare.map((o) => o.subject.name).sort());
    const pixels = await canvasPixels(page, ".charts-section canvas", TARGET_RGB);
    expect(pixels.matching).toBeGreaterThan(1_000);
    expect(await page.locator("select[aria-label=类型]").inputValue()).toBe("TARGET");
    if (process.env.SCREENSHOTS) await page.screenshot({ path: "docs/img/explorer-compare.png", fullPage: true });
    expect(watch.operations).toEqual(["ComparePage"]);
    expect(watch.outside).toEqual([]);
    expect(watch.errors).toEqual([]);
  }, 60_000);

  it("never puts 亿元 and % on one axis: one chart per unit and measure", async () => {
    const { compare } = await apiData<{ compare: { unit: string; measure: string }[] }>(
      `query { compare(indicator: "技术合同成交额", period: 2023) { unit measure } }`,
    );
    const scales = new Set(compare.map((o) => `${o.unit}|${o.measure}`));
    expect(scales.size).toBeGreaterThanOrEqual(2);
    const { page, watch } = await explorer.open(`/compare?indicator=${encodeURIComponent("技术合同成交额")}&period=2023&kind=ALL`);
    await page.locator("section.charts-section").first().waitFor({ timeout: 30_000 });
    expect(await page.locator("section.charts-section").count()).toBe(scales.size);
    expect(await page.locator("section.charts-section canvas").count()).toBe(scales.size);
    const titles = await page.locator("section.charts-section h2").allTextContents();
    expect(titles.some((t) => t.includes("亿元"))).toBe(true);
    expect(titles.some((t) => t.includes("%"))).toBe(true);
    expect(watch.operations).toEqual(["ComparePage"]);
    expect(watch.outside).toEqual([]);
    expect(watch.errors).toEqual([]);
  }, 60_000);
});

describe("the series page", () => {
  it("lists 市北区's 一般公共预算收入 by year with its citations", async () => {
    const { series } = await apiData<{ series: { id: string; period: number }[] }>(
      `query { series(subject: "市北区", indicator: "一般公共预算收入") { id period } }`,
    );
    const periods = [...new Set(series.map((o) => o.period))];
    expect(periods.length).toBeGreaterThanOrEqual(2);

    const { page, watch } = await explorer.open(`/series?subject=${encodeURIComponent("市北区")}&indicator=${encodeURIComponent("一般公共预算收入")}`);
    await page.locator("table.charts-table tbody tr").first().waitFor({ timeout: 30_000 });
    const listed = await page.locator("table.charts-table tbody tr").evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-period"))));
    expect(listed.sort()).toEqual(series.map((o) => o.period).sort());
    const body = (await page.locator("main").textContent()) ?? "";
    for (const p of periods) expect(body).toContain(`${p}年`);
    for (const o of series) expect(await page.locator(`a.citation[href*="fact=${encodeURIComponent(o.id)}"]`).count()).toBeGreaterThan(0);
    const pixels = await canvasPixels(page, ".charts-section canvas", [0x1f, 0x4f, 0xa3]);
    expect(pixels.matching).toBeGreaterThan(500);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: "docs/img/explorer-series.png", fullPage: true });
    expect(watch.operations).toEqual(["SeriesPage"]);
    expect(watch.outside).toEqual([]);
    expect(watch.errors).toEqual([]);
  }, 60_000);
});
