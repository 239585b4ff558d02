import type { GraphQLResolveInfo } from "graphql";
import { BadUserInputError, NotFoundError, UnauthenticatedError } from "../../errors/client-errors.js";
import { ingestDocument as ingest } from "../../ingest/pipeline.js";
import { validateSource } from "../../ingest/read.js";
import { conflictStatements } from "../../ingest/write.js";
import { selectionOf } from "../../translate/selection.js";
import { addAliasStatement, lookupEntity, mergeEntitiesStatements, readEntityStatement } from "../../translate/translate-write.js";
import { shape } from "../../translate/shape.js";
import type { GraphQLContext } from "../context.js";
import type { Entity } from "../entity/entity.type.js";
import type { DocumentMetadataInput, IngestResult } from "./curation.type.js";

const MAX_ALIAS_LENGTH = 60;

function requireCurator(ctx: GraphQLContext): void {
  if (!ctx.curator) throw new UnauthenticatedError("Writes need the curators' bearer token (Authorization: Bearer …).");
}

type Run = <T extends Record<string, unknown>>(query: { cypher: string; params: Record<string, unknown> }) => Promise<T[]>;

async function resolveOne(run: Run, value: string): Promise<{ id: string; kind: string; name: string }> {
  const [entity] = await run<{ id: string; kind: string; name: string }>(lookupEntity(value));
  if (!entity) throw new NotFoundError(`No entity has the id, name or alias "${value}".`);
  return entity;
}

export async function addAlias(ctx: GraphQLContext, info: GraphQLResolveInfo, entityName: string, alias: string): Promise<Entity> {
  requireCurator(ctx);
  const value = alias.normalize("NFC").trim();
  if (value.length === 0 || value.length > MAX_ALIAS_LENGTH) throw new BadUserInputError(`an alias has 1 to ${MAX_ALIAS_LENGTH} characters`, { argument: "alias" });
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
    for (const statement of mergeEntitiesStatements(keep.id, remove.id)) await run(statement);
    const keys = await run<{ key: string }>({
      cypher: "MATCH (o:Observation) WHERE EXISTS { (o)-[:ABOUT|OF_INDICATOR]->(:Entity {id: $id}) } RETURN DISTINCT o.factKey AS key",
      params: { id: keep.id },
    });
    for (const statement of conflictStatements(keys.map((k) => k.key))) await run(statement);
    const [row] = await run<{ result: unknown }>(readEntityStatement(keep.id, selection));
    return shape(row?.result) as Entity;
  });
}

export async function ingestText(ctx: GraphQLContext, text: string, metadata: DocumentMetadataInput): Promise<IngestResult> {
  requireCurator(ctx);
  const { id, ...rest } = metadata;
  const meta = Object.fromEntries(Object.entries({ id, ...rest }).filter(([, v]) => v !== null && v !== undefined));
  const source = validateSource(new TextEncoder().encode(text), `${id}.txt`, meta);
  const result = await ingest(source, ctx.ingest());
  const c = result.counts;
  return {
    documentId: result.documentId,
    status: result.status === "created" ? "CREATED" : "UNCHANGED",
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
