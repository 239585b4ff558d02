import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentFootprint, removeDocument } from "../helpers/documents.js";
import { type ExplorerHarness, startExplorer } from "../helpers/explorer.js";
import { testDatabase } from "../helpers/neo4j.js";

const TOKEN = "curate-test-token-0123456789abcdef";
const { driver, executor } = testDatabase();
let explorer: ExplorerHarness;
const id = `curate-page-${Date.now()}`;

beforeAll(async () => {
  explorer = await startExplorer({ CURATOR_TOKEN: TOKEN });
});
afterAll(async () => {
  await removeDocument(executor, id);
  await explorer?.close();
  await driver.close();
});

const TEXT = [
  "崂山区2025年政府工作报告摘要",
  "",
  "2025年，崂山区将力争实现全区生产总值增长6%左右，新增城镇就业3万人以上，金家岭金融区新引进金融机构50家。",
  "",
  "全县地区生产总值增长5.5%。",
  "",
  "崂山区区长王晓明出席会议。",
  "",
].join("\n");

describe("the curators' page", () => {
  it("shows a dry run of a pasted report — figures highlighted, skipped figures with reasons — writes nothing, then commits it", async () => {
    const { page, watch } = await explorer.open("/curate");
    await page.locator("input[name=id]").fill(id);
    await page.locator("input[name=publishedOn]").fill("2025-01-08");
    await page.locator("input[name=reportYear]").fill("2024");
    await page.locator("textarea[name=text]").fill(TEXT);

    // Without the token the API's refusal is shown with its code.
    await page.getByRole("button", { name: "预览（不写入）" }).click();
    await expect.poll(() => page.locator('[role="alert"]').textContent(), { timeout: 30_000 }).toContain("UNAUTHENTICATED");

    await page.locator("input[name=token]").fill(TOKEN);
    await page.getByRole("button", { name: "预览（不写入）" }).click();
    await page.getByText("预览（未写入）").waitFor({ timeout: 60_000 });
    const rows = page.locator("table.curate-observations tbody tr");
    await expect.poll(() => rows.count()).toBe(3);
    const values = await page.locator("td.curate-value").allTextContents();
    expect(values).toEqual(["6%左右", "3万人以上", "50家"]);
    // Each figure's sentence is highlighted at its exact characters in the pasted text.
    const marks = await page
      .locator("mark.curate-obs[data-start]")
      .evaluateAll((els) =>
        els.map((el) => ({ text: el.textContent, start: Number(el.getAttribute("data-start")), end: Number(el.getAttribute("data-end")) })),
      );
    expect(marks.length).toBe(3);
    for (const m of marks) expect(TEXT.slice(m.start, m.end)).toBe(m.text);
    expect(marks.map((m) => m.text)).toContain("新增城镇就业3万人以上");
    await expect.poll(() => page.locator("mark.curate-skipped[data-start]").allTextContents()).toEqual(["5.5%"]);
    expect(await page.getByLabel("未收录").textContent()).toContain("文中没有说明是哪个地方的数字");
    expect(await page.getByLabel("职务").textContent()).toContain("王晓明");
    if (process.env.SCREENSHOTS) {
      await page.locator(".curate-summary").evaluate((el) => el.scrollIntoView({ block: "start" }));
      await page.screenshot({ path: "docs/img/explorer-curate.png" });
    }

    expect(await documentFootprint(executor, id)).toEqual({ documents: 0, passages: 0, citations: 0, facts: 0 });

    await page.getByRole("button", { name: "写入图谱" }).click();
    await page.getByText("已写入图谱").waitFor({ timeout: 60_000 });
    expect((await documentFootprint(executor, id)).facts).toBe(3);
    expect(watch.operations).toEqual(["IngestDocument", "IngestDocument", "IngestDocument"]);
    expect(watch.outside).toEqual([]);
    expect(watch.errors.filter((e) => !/401|Unauthorized/i.test(e))).toEqual([]);
  }, 180_000);
});
