import type { GraphQLResolveInfo } from "graphql";
import type { Executor } from "../../db/executor.js";
import { NotFoundError } from "../../errors/client-errors.js";
import { clip } from "../../translate/limits.js";
import { type ObservationFilter, translateCompare, translateObservations, translateSeries, translateTargetAttainment } from "../../translate/translate-read.js";
import { readRoot } from "../read-root.js";
import type { Attainment, Observation, ObservationConnection } from "./observation.type.js";

export async function listObservations(
  executor: Executor,
  info: GraphQLResolveInfo,
  filter: ObservationFilter | null | undefined,
): Promise<ObservationConnection> {
  return (await readRoot<ObservationConnection>(executor, info, (s) => translateObservations(s, filter ?? {}))) as ObservationConnection;
}

export async function targetAttainment(executor: Executor, info: GraphQLResolveInfo, subject: string, period: number): Promise<Attainment[]> {
  const result = await readRoot<{ matched: number; items: Attainment[] }>(executor, info, (s) => translateTargetAttainment(s, { subject, period }));
  if (!result || result.matched === 0) throw new NotFoundError(`No entity has the id, name or alias "${clip(subject)}".`);
  return result.items;
}

interface NamedList {
  subjects?: number;
  indicators?: number;
  items: Observation[];
}

/** The list, or NOT_FOUND naming the argument that identified nothing. */
function namedItems(result: NamedList | null, names: { subject?: string; indicator: string }): Observation[] {
  if (result?.subjects === 0 && names.subject !== undefined) throw new NotFoundError(`No entity has the id, name or alias "${clip(names.subject)}".`);
  if (!result || result.indicators === 0) throw new NotFoundError(`No indicator has the id, name or alias "${clip(names.indicator)}".`);
  return result.items;
}

export async function compare(
  executor: Executor,
  info: GraphQLResolveInfo,
  args: { indicator: string; period: number; kind: string | null },
): Promise<Observation[]> {
  return namedItems(await readRoot<NamedList>(executor, info, (s) => translateCompare(s, args)), args);
}

export async function series(executor: Executor, info: GraphQLResolveInfo, args: { subject: string; indicator: string }): Promise<Observation[]> {
  return namedItems(await readRoot<NamedList>(executor, info, (s) => translateSeries(s, args)), args);
}
