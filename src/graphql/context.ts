import type { Executor } from "../db/executor.js";

/** Per-request context: resolvers reach the database only through the executor. */
export interface GraphQLContext {
  executor: Executor;
}
