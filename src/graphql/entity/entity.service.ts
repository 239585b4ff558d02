import type { GraphQLResolveInfo } from "graphql";
import type { Executor } from "../../db/executor.js";
import { translateEntities, translateEntity, translateNode } from "../../translate/translate-read.js";
import { readRoot } from "../read-root.js";
import type { EntityKind } from "../common/enums.js";
import type { Entity, EntityConnection } from "./entity.type.js";
import type { Node } from "../common/node.type.js";

export function findEntity(executor: Executor, info: GraphQLResolveInfo, name: string, kind: EntityKind | null | undefined): Promise<Entity | null> {
  return readRoot<Entity>(executor, info, (s) => translateEntity(s, { name, kind: kind ?? null }));
}

export async function listEntities(
  executor: Executor,
  info: GraphQLResolveInfo,
  name: string | null | undefined,
  kind: EntityKind | null | undefined,
): Promise<EntityConnection> {
  return (await readRoot<EntityConnection>(executor, info, (s) => translateEntities(s, { name: name ?? null, kind: kind ?? null }))) as EntityConnection;
}

export function findNode(executor: Executor, info: GraphQLResolveInfo, id: string): Promise<Node | null> {
  return readRoot<Node>(executor, info, (s) => translateNode(s, id));
}
