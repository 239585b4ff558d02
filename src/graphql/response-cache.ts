import type { ApolloServerPlugin, BaseContext, GraphQLRequest, GraphQLRequestContext } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { Executor } from "../db/executor.js";
import { GraphVersionReader, READ_GRAPH_VERSION } from "../db/graph-version.js";
import type { Logger } from "../log/logger.js";

/** Entries live until the LRU drops them: a write changes the version, so old keys are never asked again. */
const MAX_AGE_SECONDS = 24 * 60 * 60;
/** A version read slower than this serves the request uncached rather than holding it up. */
const VERSION_TIMEOUT_MS = 2_000;

export interface ResponseCacheOptions {
  executor: Executor;
  log: Logger;
  /** Memory the cached responses may take (UTF-16 text, two bytes a character). */
  maxBytes: number;
}

/** The graph version as the executor reads it, one read shared by the requests that arrive while another is under way. */
export function graphVersionReader(executor: Executor): GraphVersionReader {
  return new GraphVersionReader(async () => (await executor.read<{ version: string | null }>(READ_GRAPH_VERSION, VERSION_TIMEOUT_MS))[0]?.version ?? null);
}

const isQuery = (rc: GraphQLRequestContext<BaseContext>): boolean => rc.operation?.operation === "query";

/**
 * Whole query responses, keyed by query text, operation name, variables and the graph version
 * (Apollo's response-cache plugin). Every committed write advances the version (src/db/executor.ts),
 * so a read after a write never meets a response from before it. Mutations, responses with errors
 * and requests whose version could not be read are neither served from the cache nor kept.
 */
export function responseCache<C extends BaseContext>(options: ResponseCacheOptions): ApolloServerPlugin<C>[] {
  const versions = graphVersionReader(options.executor);
  const versionOf = new WeakMap<GraphQLRequest, string | null>();
  const known = async (rc: GraphQLRequestContext<C>): Promise<boolean> => typeof versionOf.get(rc.request) === "string";
  // Without cache hints (the cache-control plugin is off: it wraps every field) a query is cacheable as a whole.
  const cacheable: ApolloServerPlugin<C> = {
    async requestDidStart() {
      return {
        async executionDidStart(rc) {
          if (isQuery(rc)) rc.overallCachePolicy.replace({ maxAge: MAX_AGE_SECONDS, scope: "PUBLIC" });
        },
      };
    },
  };
  const cache = responseCachePlugin<C>({
    cache: new InMemoryLRUCache<string>({ maxSize: options.maxBytes, sizeCalculation: (value) => value.length * 2 }),
    async extraCacheKeyData(rc) {
      try {
        const version = await versions.current();
        versionOf.set(rc.request, version);
        return version;
      } catch (error) {
        options.log.warn({ err: error }, "graph version unreadable; answering without the response cache");
        versionOf.set(rc.request, null);
        return null;
      }
    },
    shouldReadFromCache: known,
    shouldWriteToCache: known,
  });
  return [cacheable, cache];
}
