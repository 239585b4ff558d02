import type { Executor } from "../db/executor.js";
import type { IngestDeps } from "../ingest/pipeline.js";

/** Per-request context: resolvers reach the database only through the executor. */
export interface GraphQLContext {
  executor: Executor;
  /** True when the request carried the curators' bearer token. */
  curator: boolean;
  /** Registry and matcher for curators' ingestion, loaded once per process. */
  ingest: () => IngestDeps;
}
