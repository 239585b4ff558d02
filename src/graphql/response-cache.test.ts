import { ApolloServer } from "@apollo/server";
import { describe, expect, it } from "vitest";
import type { Executor } from "../db/executor.js";
import { QueryTimeoutError } from "../errors/client-errors.js";
import { createLogger } from "../log/logger.js";
import { responseCache } from "./response-cache.js";

/** A server whose resolvers count their calls, over a graph version the test sets (or breaks). */
async function setup() {
  const state = { version: "e:1" as string | Error, calls: 0 };
  const executor = {
    read: async () => {
      if (state.version instanceof Error) throw state.version;
      return [{ version: state.version }];
    },
  } as unknown as Executor;
  const server = new ApolloServer({
    typeDefs: "type Query { count(x: Int): Int, broken: Int } type Mutation { touch: Int }",
    resolvers: {
      Query: {
        count: () => ++state.calls,
        broken: () => {
          state.calls += 1;
          throw new Error("no");
        },
      },
      Mutation: { touch: () => ++state.calls },
    },
    plugins: responseCache({ executor, log: createLogger("silent"), maxBytes: 1 << 20 }),
  });
  await server.start();
  const run = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    return { data: response.body.singleResult.data, errors: response.body.singleResult.errors, age: response.http.headers.get("age") };
  };
  return { state, run, server };
}

const COUNT = "query ($x: Int) { count(x: $x) }";

describe("responseCache", () => {
  it("answers the same query, variables and version from the cache", async () => {
    const { state, run } = await setup();
    expect((await run(COUNT, { x: 1 })).data).toEqual({ count: 1 });
    expect(await run(COUNT, { x: 1 })).toMatchObject({ data: { count: 1 }, age: "0" });
    expect((await run(COUNT, { x: 2 })).data).toEqual({ count: 2 });
    expect(state.calls).toBe(2);
  });

  it("misses once the version moves", async () => {
    const { state, run } = await setup();
    await run(COUNT);
    state.version = "e:2";
    expect((await run(COUNT)).data).toEqual({ count: 2 });
    expect((await run(COUNT)).data).toEqual({ count: 2 });
  });

  it("answers without the cache when the version cannot be read, and keeps nothing from then", async () => {
    const { state, run } = await setup();
    state.version = new Error("Neo4j down");
    expect((await run(COUNT)).data).toEqual({ count: 1 });
    expect((await run(COUNT)).data).toEqual({ count: 2 });
    state.version = "e:1";
    expect((await run(COUNT)).data).toEqual({ count: 3 });
  });

  it("answers with Neo4j's own error when it does not answer the version read, without running the query", async () => {
    const { state, run } = await setup();
    state.version = new QueryTimeoutError(2000);
    expect(await run(COUNT)).toMatchObject({ data: undefined, errors: [{ extensions: { code: "QUERY_TIMEOUT" } }] });
    expect(state.calls).toBe(0);
    state.version = "e:1";
    expect((await run(COUNT)).data).toEqual({ count: 1 });
  });

  it("never keeps mutations or answers with errors", async () => {
    const { state, run } = await setup();
    await run("mutation { touch }");
    expect((await run("mutation { touch }")).data).toEqual({ touch: 2 });
    await run("{ broken }");
    expect((await run("{ broken }")).errors).toHaveLength(1);
    expect(state.calls).toBe(4);
  });
});
