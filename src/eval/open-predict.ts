import type { Gazetteer } from "../ingest/gazetteer/gazetteer.js";
import { type ExtractDeps, extractDocument } from "../ingest/pipeline.js";
import { readSourceFile } from "../ingest/read.js";
import { codeOfId } from "../ingest/registry.js";
import type { NamedSubject, DocumentPrediction } from "./open-evaluate.js";
import type { OpenDocument } from "./open-gold.js";

/** How the extractor names an entity id for comparison with the gold: gazetteer places by path. */
function named(deps: ExtractDeps, id: string): NamedSubject {
  const code = codeOfId(id);
  const place = code ? deps.gazetteer.byCode(code) : undefined;
  if (place) return { name: place.name, path: deps.gazetteer.path(place.code) ?? place.name, names: namesWithin(deps.gazetteer, place.code) };
  const name = deps.registry.byId.get(id)?.name ?? id.slice(id.indexOf(":") + 1);
  return { name, path: null, names: [name] };
}

const nameOfId = (deps: ExtractDeps, id: string): string => named(deps, id).name;

/** Ingests an open document as a user would (its text, title and date only) and names what came out. */
export function predictOpen(doc: OpenDocument, deps: ExtractDeps): DocumentPrediction {
  const x = extractDocument(readSourceFile(doc.file), deps);
  const subject = x.context.subject;
  return {
    subject: subject ? subjectOf(deps.gazetteer, subject.division.code) : null,
    observations: x.observations.map((o) => ({
      valueStart: o.valueStart,
      subject: named(deps, o.subjectId),
      indicator: o.indicatorName,
      period: o.period,
      periodStart: o.periodStart ?? null,
      kind: o.kind,
      measure: o.measure,
      qualifier: o.qualifier,
      normalizedValue: o.normalizedValue,
      normalizedUnit: o.normalizedUnit,
      quote: o.citation.quote,
      valueText: o.valueText,
    })),
    posts: x.posts.map((p) => ({ person: nameOfId(deps, p.personId), title: p.title, organization: nameOfId(deps, p.organizationId), current: p.current })),
    skipped: { ...x.skipped },
  };
}

function subjectOf(gazetteer: Gazetteer, code: string): NamedSubject {
  const d = gazetteer.byCode(code);
  return { name: d?.name ?? code, path: gazetteer.path(code) ?? null, names: namesWithin(gazetteer, code) };
}

/** A place counts as named when the text names it or a place inside it (全省 in a 芜湖市 report is 安徽省). */
function namesWithin(gazetteer: Gazetteer, code: string): string[] {
  const inside = gazetteer.all().filter((d) => d.code === code || gazetteer.ancestors(d.code).some((a) => a.code === code));
  return inside.flatMap((d) => [d.name, ...d.shortNames]);
}
