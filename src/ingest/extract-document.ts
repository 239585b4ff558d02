import { documentContext, placeFrame } from "./context.js";
import { extractObservations } from "./extract/observations.js";
import { extractPosts } from "./extract/posts.js";
import { extractRelations } from "./extract/relations.js";
import { Gazetteer } from "./gazetteer/gazetteer.js";
import { linkMentions, SurfaceMatcher } from "./link.js";
import { divisionId, loadRegistry, type Registry } from "./registry.js";
import { segment } from "./segment.js";
import type { SourceDocument } from "./types.js";

/** The reference data every extraction reads: the gazetteer, the registry and its matcher. */
export interface ExtractDeps {
  registry: Registry;
  matcher: SurfaceMatcher;
  gazetteer: Gazetteer;
}

/** Loads the reference data (a few hundred milliseconds of CPU: the extraction worker does it, not the API's event loop). */
export function loadExtractDeps(): ExtractDeps {
  const gazetteer = Gazetteer.load();
  const registry = loadRegistry(undefined, gazetteer);
  return { registry, matcher: SurfaceMatcher.of(registry), gazetteer };
}

/** Segment → context → link → extract, without the graph: what the evaluation and the writer share. */
export function extractDocument(source: SourceDocument, deps: ExtractDeps) {
  const doc = segment(source);
  const context = documentContext(doc, deps.gazetteer, deps.registry, source.meta.subject);
  const ctx = { ...deps, context };
  const articles = new Map(doc.articles.map((a) => [a.id, a]));
  const { observations, skipped, skippedFigures } = extractObservations(doc, ctx);
  const subject = context.subject ? { id: divisionId(context.subject.division), source: context.subject.source } : null;
  return {
    doc,
    context,
    subject,
    skipped,
    skippedFigures,
    mentions: linkMentions(doc, deps.matcher, (articleId) => placeFrame(context, deps.gazetteer, deps.registry, articles.get(articleId))),
    observations,
    posts: extractPosts(doc, ctx),
    relations: extractRelations(doc, ctx),
  };
}
