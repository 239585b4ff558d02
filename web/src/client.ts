import { cacheExchange, type KeyingConfig, type UpdateResolver } from "@urql/exchange-graphcache";
import { Client, fetchExchange } from "urql";
import schema from "./gql/introspection";

const TOKEN_KEY = "curatorToken";

/** The curators' bearer token, kept for this browser tab only. */
export const curatorToken = {
  get: (): string => sessionStorage.getItem(TOKEN_KEY) ?? "",
  set: (token: string): void => {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
};

/** Types without an `id` are stored inside their parent, not normalised (taken from the schema, not listed by hand). */
function keylessTypes(): KeyingConfig {
  const keys: KeyingConfig = {};
  for (const type of schema.__schema.types) {
    if (type.kind === "OBJECT" && !type.fields?.some((f) => f.name === "id") && !type.name.startsWith("__")) keys[type.name] = () => null;
  }
  return keys;
}

/** A write may change any answer: every cached root field is dropped (a dry run writes nothing and keeps them). */
const invalidateAll: UpdateResolver = (_result, args, cache) => {
  if (args.dryRun === true) return;
  cache.invalidate("Query");
};
const WRITES = { ingestDocument: invalidateAll, addAlias: invalidateAll, mergeEntities: invalidateAll };

export function createClient(url = "/graphql"): Client {
  return new Client({
    url,
    // Apollo's CSRF guard refuses simple GETs; POST with a JSON body is what it accepts as is.
    preferGetMethod: false,
    exchanges: [cacheExchange({ schema, keys: keylessTypes(), updates: { Mutation: WRITES } }), fetchExchange],
    fetchOptions: () => {
      const token = curatorToken.get();
      return token ? { headers: { authorization: `Bearer ${token}` } } : {};
    },
  });
}
