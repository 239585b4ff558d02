import type { GraphQLResolveInfo } from "graphql";
import type { Executor } from "../../db/executor.js";
import { translateSearch } from "../../translate/translate-read.js";
import type { EntityKind } from "../common/enums.js";
import { readRoot } from "../read-root.js";
import type { SearchConnection } from "./search.type.js";

export async function search(executor: Executor, info: GraphQLResolveInfo, query: string, kinds: EntityKind[] | null | undefined): Promise<SearchConnection> {
  return (await readRoot<SearchConnection>(executor, info, (s) => translateSearch(s, { query, kinds: kinds ?? null }))) as SearchConnection;
}
