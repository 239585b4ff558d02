import type { GraphQLResolveInfo } from "graphql";
import type { Executor } from "../../db/executor.js";
import { NotFoundError } from "../../errors/client-errors.js";
import { clip } from "../../translate/limits.js";
import { selectionOf } from "../../translate/selection.js";
import { type ObservationFilter, translateObservations, translateTargetAttainment } from "../../translate/translate-read.js";
import { readRoot } from "../read-root.js";
import type { Attainment, ObservationConnection } from "./observation.type.js";

export async function listObservations(
  executor: Executor,
  info: GraphQLResolveInfo,
  filter: ObservationFilter | null | undefined,
): Promise<ObservationConnection> {
  return (await readRoot<ObservationConnection>(executor, translateObservations(selectionOf(info), filter ?? {}))) as ObservationConnection;
}

export async function targetAttainment(executor: Executor, info: GraphQLResolveInfo, subject: string, period: number): Promise<Attainment[]> {
  const result = await readRoot<{ matched: number; items: Attainment[] }>(executor, translateTargetAttainment(selectionOf(info), { subject, period }));
  if (!result || result.matched === 0) throw new NotFoundError(`No entity has the id, name or alias "${clip(subject)}".`);
  return result.items;
}
