import type { GraphQLResolveInfo } from "graphql";
import { BadUserInputError, NotFoundError, UnauthenticatedError } from "../../errors/client-errors.js";
import { ingestText as ingest, type IngestResult as PipelineResult, previewText } from "../../ingest/pipeline.js";
import { conflictStatements } from "../../ingest/write.js";
import { selectionOf } from "../../translate/selection.js";
import { addAliasStatement, lookupEntity, mergeEntitiesStatements, readEntityStatement } from "../../translate/translate-write.js";
import { shape } from "../../translate/shape.js";
import type { GraphQLContext } from "../context.js";
import type { Entity } from "../entity/entity.type.js";
import type { DocumentMetadataInput, IngestPreview, IngestResult } from "./curation.type.js";
import { hasLetterOrDigit, normalizeName } from "./names.js";
import { rekeyFactsOf } from "./rekey.js";

const MAX_ALIAS_LENGTH = 60;

function requireCurator(ctx: GraphQLContext): void {
  if (!ctx.curator) throw new UnauthenticatedError("Writes need the curators' bearer token (Authorization: Bearer …).");
}

type Run = <T extends Record<string, unknown>>(query: { cypher: string; params: Record<string, unknown> }) => Promise<T[]>;

/** The entity a curator names: as typed, else as typed without invisible characters and in NFKC. */
async function resolveOne(run: Run, value: string): Promise<{ id: string; kind: string; name: string }> {
  const [entity] = await run<{ id: string; kind: string; name: string }>(lookupEntity(value));
  if (entity) return entity;
  const normalized = normalizeName(value);
  const [again] = normalized !== value && normalized.length > 0 ? await run<{ id: string; kind: string; name: string }>(lookupEntity(normalized)) : [];
  if (!again) throw new NotFoundError(`No entity has the id, name or alias "${value}".`);
  return again;
}

export async function addAlias(ctx: GraphQLContext, info: GraphQLResolveInfo, entityName: string, alias: string): Promise<Entity> {
  requireCurator(ctx);
  // Normalized before the uniqueness check: 市\u200b北区 is 市北区, and a blank or "——" names nothing.
  const value = normalizeName(alias);
  if (value.length === 0 || value.length > MAX_ALIAS_LENGTH) {
    throw new BadUserInputError(`an alias has 1 to ${MAX_ALIAS_LENGTH} visible characters`, { argument: "alias" });
  }
  if (!hasLetterOrDigit(value))
    throw new BadUserInputError(`"${value}" is punctuation or symbols only; an alias needs a letter or digit`, { argument: "alias" });
  const selection = selectionOf(info);
  return ctx.executor.writeSteps(async (run) => {
    const entity = await resolveOne(run, entityName);
    const owners = await run<{ id: string }>(lookupEntity(value));
    const other = owners.find((o) => o.id !== entity.id);
    if (other) throw new BadUserInputError(`"${value}" already names ${other.id}; merge the two entities instead`, { argument: "alias" });
    const [row] = await run<{ result: unknown }>(addAliasStatement(entity.id, value, selection));
    return shape(row?.result) as Entity;
  });
}

export async function mergeEntities(ctx: GraphQLContext, info: GraphQLResolveInfo, keepName: string, removeName: string): Promise<Entity> {
  requireCurator(ctx);
  const selection = selectionOf(info);
  return ctx.executor.writeSteps(async (run) => {
    const keep = await resolveOne(run, keepName);
    const remove = await resolveOne(run, removeName);
    if (keep.id === remove.id) throw new BadUserInputError(`"${keepName}" and "${removeName}" are the same entity (${keep.id})`);
    if (keep.kind !== remove.kind) throw new BadUserInputError(`cannot merge a ${remove.kind} into a ${keep.kind}`);
    const [earlier] = await run<{ ids: string[] }>({ cypher: "MATCH (r:Entity {id: $id}) RETURN coalesce(r.mergedIds, []) AS ids", params: { id: remove.id } });
    for (const statement of mergeEntitiesStatements(keep.id, remove.id)) await run(statement);
    // The removed id (and those merged into it before) now stand for `keep`: ingestion resolves them (redirectLookup in ingest/write.ts).
    await run({
      cypher: "MATCH (k:Entity {id: $keep}) SET k.mergedIds = coalesce(k.mergedIds, []) + [x IN $ids WHERE NOT x IN coalesce(k.mergedIds, []) AND x <> $keep]",
      params: { keep: keep.id, ids: [remove.id, ...(earlier?.ids ?? [])] },
    });
    await rekeyFactsOf(run, keep.id);
    const keys = await run<{ key: string }>({
      cypher: "MATCH (o:Observation) WHERE EXISTS { (o)-[:ABOUT|OF_INDICATOR]->(:Entity {id: $id}) } RETURN DISTINCT o.factKey AS key",
      params: { id: keep.id },
    });
    for (const statement of conflictStatements(keys.map((k) => k.key))) await run(statement);
    const [row] = await run<{ result: unknown }>(readEntityStatement(keep.id, selection));
    return shape(row?.result) as Entity;
  });
}

export async function ingestText(ctx: GraphQLContext, text: string, metadata: DocumentMetadataInput, dryRun: boolean): Promise<IngestResult> {
  requireCurator(ctx);
  const { id, ...rest } = metadata;
  const meta = Object.fromEntries(Object.entries({ id, ...rest }).filter(([, v]) => v !== null && v !== undefined));
  // Validated and extracted in a worker thread: a 5 MB text does not hold up other requests.
  if (dryRun) {
    const result = await previewText(text, `${id}.txt`, meta, ctx.ingest());
    return { ...ingestResult(result), dryRun: true, preview: result.preview as IngestPreview };
  }
  return { ...ingestResult(await ingest(text, `${id}.txt`, meta, ctx.ingest())), dryRun: false, preview: null };
}

function ingestResult(result: PipelineResult): Omit<IngestResult, "dryRun" | "preview"> {
  const c = result.counts;
  return {
    documentId: result.documentId,
    status: result.status.toUpperCase(),
    passages: c.passages ?? 0,
    entities: c.entities ?? 0,
    observations: c.observations ?? 0,
    posts: c.posts ?? 0,
    relations: c.relations ?? 0,
    nearDuplicates: c.nearDuplicates ?? 0,
    subject: result.summary?.subject ?? null,
    subjectSource: result.summary?.subjectSource ?? null,
    skippedNoSubject: result.summary?.skipped.noSubject ?? 0,
    skippedNoPeriod: result.summary?.skipped.noPeriod ?? 0,
    skippedNoIndicator: result.summary?.skipped.noIndicator ?? 0,
    warnings: result.summary?.warnings ?? [],
  };
}
