import { type ApolloServerPlugin, type BaseContext, type GraphQLRequest, type GraphQLRequestContext, HeaderMap } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { Executor } from "../db/executor.js";
import { GraphVersionReader, READ_GRAPH_VERSION } from "../db/graph-version.js";
import { ClientError } from "../errors/client-errors.js";
import type { Logger } from "../log/logger.js";

/** Entries live until the LRU drops them: a write changes the version, so old keys are never asked again. */
const MAX_AGE_SECONDS = 24 * 60 * 60;

export interface ResponseCacheOptions {
  executor: Executor;
  log: Logger;
  /** Memory the cached responses may take (UTF-16 text, two bytes a character). */
  maxBytes: number;
}

/** The graph version as the executor reads it, one read shared by the requests that arrive while another is under way. */
export function graphVersionReader(executor: Executor): GraphVersionReader {
  return new GraphVersionReader(async () => (await executor.read<{ version: string | null }>(READ_GRAPH_VERSION))[0]?.version ?? null);
}

const isQuery = (rc: GraphQLRequestContext<BaseContext>): boolean => rc.operation?.operation === "query";

/**
 * Whole query responses, keyed by query text, operation name, variables and the graph version
 * (Apollo's response-cache plugin). Every committed write advances the version (src/db/executor.ts),
 * so a read after a write never meets a response from before it. Mutations and responses with errors
 * are neither served from the cache nor kept. When Neo4j does not answer the version read (frozen,
 * down) the request gets that error at once, as its own statement would have; any other failure
 * answers it without the cache.
 */
export function responseCache<C extends BaseContext>(options: ResponseCacheOptions): ApolloServerPlugin<C>[] {
  const versions = graphVersionReader(options.executor);
  const versionOf = new WeakMap<GraphQLRequest, string | null>();
  const known = async (rc: GraphQLRequestContext<C>): Promise<boolean> => typeof versionOf.get(rc.request) === "string";
  // Reads the version first (hooks run in plugin order); without cache hints (the cache-control plugin
  // is off: it wraps every field) a query is cacheable as a whole.
  const versioned: ApolloServerPlugin<C> = {
    async requestDidStart() {
      return {
        async responseForOperation(rc) {
          if (!isQuery(rc)) return null;
          try {
            versionOf.set(rc.request, await versions.current());
          } catch (error) {
            versionOf.set(rc.request, null);
            if (error instanceof ClientError)
              return {
                http: { status: undefined, headers: new HeaderMap() },
                body: { kind: "single", singleResult: { errors: [{ message: error.message, extensions: { ...error.extensions } }] } },
              };
            options.log.warn({ err: error }, "graph version unreadable; answering without the response cache");
          }
          return null;
        },
        async executionDidStart(rc) {
          if (isQuery(rc)) rc.overallCachePolicy.replace({ maxAge: MAX_AGE_SECONDS, scope: "PUBLIC" });
        },
      };
    },
  };
  const cache = responseCachePlugin<C>({
    cache: new InMemoryLRUCache<string>({ maxSize: options.maxBytes, sizeCalculation: (value) => value.length * 2 }),
    async extraCacheKeyData(rc) {
      return versionOf.get(rc.request) ?? null;
    },
    shouldReadFromCache: known,
    shouldWriteToCache: known,
  });
  return [versioned, cache];
}
