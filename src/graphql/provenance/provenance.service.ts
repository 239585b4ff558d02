import type { GraphQLResolveInfo } from "graphql";
import type { Executor } from "../../db/executor.js";
import { translateDocuments } from "../../translate/translate-read.js";
import { readRoot } from "../read-root.js";
import type { DocumentConnection } from "./provenance.type.js";

export async function listDocuments(executor: Executor, info: GraphQLResolveInfo): Promise<DocumentConnection> {
  return (await readRoot<DocumentConnection>(executor, info, translateDocuments)) as DocumentConnection;
}
