import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDriver } from "../../src/db/connect.js";
import { Executor } from "../../src/db/executor.js";
import type { RunningHttpServer } from "../../src/server/http-server.js";
import { postGraphQL } from "../helpers/http.js";
import { testDatabase } from "../helpers/neo4j.js";
import { freePort } from "../../src/neo4j/free-port.js";
import { startTestServer } from "../helpers/server.js";

const { driver, executor } = testDatabase();
let server: RunningHttpServer;

beforeAll(async () => {
  server = await startTestServer(executor);
});
afterAll(async () => {
  await server.close();
  await driver.close();
});

describe("HTTP server", () => {
  it("GET /healthz answers while the process lives", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("GET /readyz is 200 when Neo4j answers and the schema is online", async () => {
    const response = await fetch(`${server.url}/readyz`);
    expect(await response.json()).toEqual({ status: "ready" });
    expect(response.status).toBe(200);
  });

  it("answers { __typename } and serviceInfo at /graphql", async () => {
    const { status, body } = await postGraphQL(server.url, "{ __typename serviceInfo { neo4jVersion neo4jEdition } }");
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ __typename: "Query", serviceInfo: { neo4jVersion: expect.stringMatching(/^5\.26\./), neo4jEdition: "community" } });
  });

  it("keeps CSRF prevention on: a simple GET without a preflight header is refused", async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent("{ __typename }")}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it("GET /readyz is 503 with a reason when Neo4j is unreachable", async () => {
    const dead = createDriver({ uri: `bolt://127.0.0.1:${await freePort()}`, user: "neo4j", password: "whatever1" });
    const deadServer = await startTestServer(new Executor(dead, { database: "neo4j", timeoutMs: 1000 }));
    try {
      const response = await fetch(`${deadServer.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", reason: expect.stringMatching(/Neo4j unreachable/) });
      const { body } = await postGraphQL(deadServer.url, "{ serviceInfo { neo4jVersion } }");
      expect(body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      await deadServer.close();
      await dead.close();
    }
  });
});
