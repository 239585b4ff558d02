import { Gazetteer } from "../gazetteer/gazetteer.js";
import { SurfaceMatcher } from "../link.js";
import { type ExtractDeps, extractDocument } from "../pipeline.js";
import { validateSource } from "../read.js";
import { codeOfId, loadRegistry } from "../registry.js";

const gazetteer = Gazetteer.load();
const registry = loadRegistry(undefined, gazetteer);

/** The reference data and registry every extraction test reads: loaded once per test file. */
export const TEST_DEPS: ExtractDeps = { registry, matcher: SurfaceMatcher.of(registry), gazetteer };

/** A closing line without figures keeps short cases above the reader's minimum of Chinese text. */
const FILLER = "以上内容为摘要，全文以正式文本为准，供读者参考。";

/** Runs the pure stages on a text given with a title and a date only, as a user would ingest it. */
export function extractText(text: string, meta: { title?: string; publishedOn?: string; subject?: string; reportYear?: number } = {}) {
  const source = validateSource(new TextEncoder().encode(`${text}\n\n${FILLER}\n`), "t.txt", { title: "政府工作报告", publishedOn: "2024-01-15", ...meta });
  return extractDocument(source, TEST_DEPS);
}

/** An entity id as a reader would name it: a place by its gazetteer path, anything else by its name. */
export function nameOf(id: string): string {
  const code = codeOfId(id);
  return code ? (gazetteer.path(code) ?? id) : (registry.byId.get(id)?.name ?? id.slice(id.indexOf(":") + 1));
}
