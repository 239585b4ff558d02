import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CypherQuery } from "../../src/db/cypher-query.js";
import type { RunningHttpServer } from "../../src/server/http-server.js";
import { testDatabase } from "../helpers/neo4j.js";
import { startTestServer } from "../helpers/server.js";

const { driver, executor } = testDatabase();
let server: RunningHttpServer;
beforeAll(async () => {
  server = await startTestServer(executor, { RESPONSE_CACHE: "false" });
});
afterAll(async () => {
  await server?.close();
  await driver.close();
});

const QUERY = "query Reuse($name: String!) { entity(name: $name) { id name } }";
const HASH = createHash("sha256").update(QUERY).digest("hex");

async function post(body: Record<string, unknown>): Promise<{ data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> }> {
  const response = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return (await response.json()) as never;
}

describe("work done once per document", () => {
  it("sends the very same statement object for a repeated query: parsed, validated and translated once", async () => {
    const sent: CypherQuery[] = [];
    const stop = executor.onQuery((query) => sent.push(query));
    for (const name of ["市北区", "市北区", "李沧区"]) expect((await post({ query: QUERY, variables: { name } })).errors).toBeUndefined();
    stop();
    expect(sent).toHaveLength(3);
    expect(sent[1]).toBe(sent[0]);
    expect(sent[2]).not.toBe(sent[0]);
    expect(sent[2]?.cypher).toBe(sent[0]?.cypher);
  });

  it("takes automatic persisted queries: the hash alone once the query was sent with it", async () => {
    const persisted = { extensions: { persistedQuery: { version: 1, sha256Hash: HASH } }, variables: { name: "崂山区" } };
    expect((await post(persisted)).errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post({ ...persisted, query: QUERY })).data).toEqual({ entity: { id: "district:370212", name: "崂山区" } });
    expect((await post(persisted)).data).toEqual({ entity: { id: "district:370212", name: "崂山区" } });
    const wrong = { ...persisted, query: "{ __typename }" };
    expect((await post(wrong)).errors?.[0]).toMatchObject({ message: "provided sha does not match query", extensions: { code: "BAD_REQUEST" } });
    const version = { ...persisted, extensions: { persistedQuery: { version: 2, sha256Hash: HASH } } };
    expect((await post(version)).errors?.[0]).toMatchObject({ message: "Unsupported persisted query version", extensions: { code: "BAD_REQUEST" } });
  });
});
