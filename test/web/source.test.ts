import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ExplorerHarness, type PageWatch, startExplorer } from "../helpers/explorer.js";

let explorer: ExplorerHarness;

beforeAll(async () => {
  explorer = await startExplorer();
}, 180_000);
afterAll(async () => {
  await explorer?.close();
});

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

interface Cite {
  quote: string;
  start: number;
  end: number;
  document: { id: string; title: string | null };
  passage: {
    id: string;
    start: number;
    end: number;
    nearDuplicates: { similarity: number; passage: { id: string; text: string; start: number; end: number; document: { id: string; title: string | null } } }[];
  };
}
interface Fact {
  id: string;
  value: number;
  unit: string;
  conflicting: boolean;
  citations: Cite[];
  conflictsWith: { id: string; value: number; unit: string; citations: { quote: string; document: { id: string } }[] }[];
}

const CITE = `quote start end document { id title } passage { id start end nearDuplicates { similarity passage { id text start end document { id title } } } }`;
const FACT = `id value unit conflicting citations { ${CITE} } conflictsWith { id value unit citations { quote document { id } } }`;

/** Enough to choose a fact from a page of them (the full selection on 100 facts is over the API's cost limit). */
interface Brief {
  id: string;
  citations: { document: { id: string }; passage: { nearDuplicates: { similarity: number }[] } }[];
}
const BRIEF = `id citations { document { id } passage { nearDuplicates { similarity } } }`;

async function factById(id: string): Promise<Fact> {
  return (await api<{ node: Fact }>(`query One($id: ID!) { node(id: $id) { ... on Observation { ${FACT} } } }`, { id })).node;
}

function sourcePath(c: Cite, fact?: string): string {
  const q = new URLSearchParams({ start: String(c.start), end: String(c.end), passage: c.passage.id });
  if (fact) q.set("fact", fact);
  return `/doc/${encodeURIComponent(c.document.id)}?${q}`;
}

/** The mark, once the page has scrolled it into view. */
async function expectCiteInView(page: Page, quote: string): Promise<void> {
  const mark = page.locator("mark#cite");
  await mark.waitFor({ timeout: 30_000 });
  expect(await page.locator("mark#cite").count()).toBe(1);
  expect(await mark.textContent()).toBe(quote);
  await expect
    .poll(
      () =>
        mark.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
        }),
      { timeout: 10_000 },
    )
    .toBe(true);
}

function expectClean(watch: PageWatch, operations: string[]): void {
  expect(watch.operations).toEqual(operations);
  expect(watch.outside).toEqual([]);
  expect(watch.errors).toEqual([]);
}

async function shoot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/img/${name}.png` });
}

describe("source view", () => {
  it("marks the exact cited characters of a 市北区 fact, scrolls to them, and lists its citations and near-duplicates", async () => {
    const data = await api<{ observations: { edges: { node: Brief }[] } }>(
      `query Pick { observations(first: 100, filter: { subject: "市北区", period: 2023, kind: TARGET }) { edges { node { ${BRIEF} } } } }`,
    );
    // A fact stated more than once, one of whose sentences other documents repeat.
    const picked = data.observations.edges
      .map((e) => e.node)
      .find((f) => f.citations.length > 1 && f.citations.some((c) => c.passage.nearDuplicates.length > 0));
    expect(picked, "a 市北区 2023 target with several citations and a near-duplicated sentence").toBeDefined();
    if (!picked) return;
    const fact = await factById(picked.id);
    const cite = fact.citations.find((c) => c.passage.nearDuplicates.length > 0) as Cite;

    const { page, watch } = await explorer.open(sourcePath(cite, fact.id));
    await expectCiteInView(page, cite.quote);
    expect(await page.locator("h1").first().textContent()).toBe(cite.document.title ?? cite.document.id);
    // The fact's citations, side by side, the current one flagged.
    await expect.poll(() => page.locator(".source-cite-count").textContent()).toBe(`共 ${fact.citations.length} 处引用`);
    expect(await page.locator(".source-fact-box .source-card").count()).toBe(fact.citations.length);
    expect(await page.locator(".source-card-current").count()).toBe(1);
    // The fact's other citations in this document are marked too, more lightly.
    const alsoHere = fact.citations.filter((c) => c.document.id === cite.document.id && c.start !== cite.start);
    expect(await page.locator(".source-text .source-also").count()).toBeGreaterThanOrEqual(alsoHere.length);
    // Near-duplicates: each links to its own passage in the other document.
    const dups = page.locator(".source-dups li");
    expect(await dups.count()).toBe(cite.passage.nearDuplicates.length);
    const dup = [...cite.passage.nearDuplicates].sort((a, b) => b.similarity - a.similarity)[0];
    if (!dup) throw new Error("no near-duplicate");
    expect(await dups.first().textContent()).toContain(dup.passage.document.title ?? dup.passage.document.id);
    expect(await dups.first().textContent()).toContain(`${Math.round(dup.similarity * 100)}%`);
    expectClean(watch, ["SourceView"]);
    await shoot(page, "explorer-source");

    // Following a near-duplicate opens that document at that sentence (one more request, on the user's click).
    await dups.first().locator("a").click();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe(`/doc/${dup.passage.document.id}`);
    await expectCiteInView(page, dup.passage.text);
    expect(await page.locator(".source-dups li").count()).toBeGreaterThan(0);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("shows a conflicting fact with both values", async () => {
    let conflicting: Fact | undefined;
    let after: string | null = null;
    do {
      const page: { observations: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; conflicting: boolean } }[] } } =
        await api(
          `query Conflicts($after: String) { observations(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id conflicting } } } }`,
          {
            after,
          },
        );
      const hit = page.observations.edges.find((e) => e.node.conflicting);
      if (hit) conflicting = await factById(hit.node.id);
      after = page.observations.pageInfo.hasNextPage ? page.observations.pageInfo.endCursor : null;
    } while (!conflicting && after);
    // The corpus has one: 协助60余家企业完成信用修复 against 协助60家企业完成信用修复.
    expect(conflicting, "an observation with conflicting: true").toBeDefined();
    if (!conflicting) return;
    const other = conflicting.conflictsWith[0];
    const cite = conflicting.citations[0];
    if (!other || !cite) throw new Error("conflict without its other side or a citation");

    const { page, watch } = await explorer.open(sourcePath(cite, conflicting.id));
    await expectCiteInView(page, cite.quote);
    const values = page.locator(".source-fact-box .source-conflict-value");
    await values.first().waitFor();
    const [mine, theirs] = await values.allTextContents();
    expect(mine).toContain(String(conflicting.value));
    expect(mine).toContain(conflicting.unit);
    expect(theirs).toContain(String(other.value));
    expect(theirs).toContain(other.unit);
    expect(await page.locator(".source-conflicts h3").first().textContent()).toContain("⚠");
    // The other side's quote is there to read, linking to its own source view.
    const otherQuote = other.citations[0]?.quote ?? "";
    expect(await page.locator(".source-conflict-other").first().textContent()).toContain(otherQuote);
    expectClean(watch, ["SourceView"]);
    await page.context().close();

    const obs = await explorer.open(`/observation/${encodeURIComponent(conflicting.id)}`);
    await obs.page.locator(".source-obs-value").waitFor({ timeout: 30_000 });
    expect(await obs.page.locator(".source-obs-cites .source-card").count()).toBe(conflicting.citations.length);
    const links = await obs.page.locator(".source-obs-cites a.citation").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    for (const href of links) expect(href).toMatch(new RegExp(`^/doc/[^?]+\\?start=\\d+&end=\\d+&passage=.+&fact=${encodeURIComponent(conflicting.id)}$`));
    const [a, b] = await obs.page.locator(".source-conflict-value").allTextContents();
    expect(a).toContain(String(conflicting.value));
    expect(b).toContain(String(other.value));
    expect(await obs.page.locator(".source-obs-flag").textContent()).toContain("⚠");
    expectClean(obs.watch, ["ObservationPage"]);
    await obs.page.context().close();
  }, 120_000);

  it("shows a fact's citations side by side on its own page", async () => {
    const data = await api<{ observations: { edges: { node: Brief }[] } }>(
      `query Several { observations(first: 100, filter: { subject: "市北区", period: 2023, kind: TARGET }) { edges { node { ${BRIEF} } } } }`,
    );
    const picked = data.observations.edges
      .map((e) => e.node)
      .filter((f) => new Set(f.citations.map((c) => c.document.id)).size > 1)
      .sort((x, y) => y.citations.length - x.citations.length)[0];
    if (!picked) throw new Error("no 市北区 2023 fact cited by two documents");
    const fact = await factById(picked.id);
    const { page, watch } = await explorer.open(`/observation/${encodeURIComponent(fact.id)}`);
    const cards = page.locator(".source-obs-cites .source-card");
    await cards.first().waitFor({ timeout: 30_000 });
    expect(await cards.count()).toBe(fact.citations.length);
    const marked = await page.locator(".source-obs-cites .source-card .source-quote").allTextContents();
    expect(marked).toEqual(fact.citations.map((c) => c.quote));
    expect(await page.locator(".source-fact a").first().getAttribute("href")).toMatch(/^\/entity\//);
    expectClean(watch, ["ObservationPage"]);
    await shoot(page, "explorer-observation");
    // A card's link opens the source view at the quote.
    const first = fact.citations[0] as Cite;
    await cards.first().locator("a.citation").click();
    await expectCiteInView(page, first.quote);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("says so for an unknown document or fact, and shows the text without a mark for unusable offsets", async () => {
    const missing = await explorer.open("/doc/no_such_document_0000");
    await missing.page.getByText("找不到这份文档").waitFor({ timeout: 30_000 });
    expectClean(missing.watch, ["SourceView"]);
    await missing.page.context().close();

    const missingFact = await explorer.open(`/observation/${encodeURIComponent("observation:0000000000")}`);
    await missingFact.page.getByText("找不到这条事实").waitFor({ timeout: 30_000 });
    expectClean(missingFact.watch, ["ObservationPage"]);
    await missingFact.page.context().close();

    const docs = await api<{ documents: { edges: { node: { id: string; title: string; length: number } }[] } }>(
      `query Docs { documents(first: 1) { edges { node { id title length } } } }`,
    );
    const doc = docs.documents.edges[0]?.node;
    if (!doc) throw new Error("no documents");
    for (const [start, end] of [
      ["abc", "12"],
      ["-5", "10"],
      ["40", "20"],
      ["10", String(doc.length + 1)],
      ["7", ""],
    ]) {
      const { page, watch } = await explorer.open(`/doc/${doc.id}?start=${start}&end=${end}`);
      await page.locator(".source-notice").first().waitFor({ timeout: 30_000 });
      expect(await page.locator("mark#cite").count()).toBe(0);
      expect(await page.locator("h1").first().textContent()).toBe(doc.title);
      expect((await page.locator(".source-text").textContent())?.length).toBe(doc.length);
      expectClean(watch, ["SourceView"]);
      await page.context().close();
    }
  }, 120_000);
});
