import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningHttpServer } from "../../src/server/http-server.js";
import { postGraphQL } from "../helpers/http.js";
import { testDatabase } from "../helpers/neo4j.js";
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

/** A raw request, so the Host header and the body can be anything. */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer | Buffer[] },
): Promise<{ status: number; type: string; body: string; etag: string | undefined }> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers["content-type"]),
          body: Buffer.concat(chunks).toString("utf8"),
          etag: res.headers.etag,
        }),
      );
    });
    req.on("error", reject);
    // Several buffers go out as chunks, with no content-length.
    if (Array.isArray(options.body)) {
      for (const chunk of options.body) req.write(chunk);
      req.end();
    } else req.end(options.body);
  });
}

describe("GraphQL over HTTP status codes", () => {
  it("answers a syntax error with 400 GRAPHQL_PARSE_FAILED", async () => {
    const { status, body } = await postGraphQL(server.url, "{ entity(name: ");
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("answers a validation error with 400 GRAPHQL_VALIDATION_FAILED", async () => {
    const { status, body } = await postGraphQL(server.url, "{ nope }");
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("answers a document of too many tokens with 400 QUERY_TOO_COSTLY", async () => {
    const query = `{ ${Array.from({ length: 6000 }, () => "__typename").join(" ")} }`;
    const { status, body } = await postGraphQL(server.url, query);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
  });
});

describe("with NODE_ENV unset, as `npm start` runs", () => {
  it("sends no stack trace or path with a parse error", async () => {
    const saved = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    const bare = await startTestServer(executor).finally(() => {
      process.env.NODE_ENV = saved;
    });
    try {
      const { status, body } = await postGraphQL(bare.url, "{ entity(name: ");
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
      expect(JSON.stringify(body)).not.toMatch(/stacktrace|node_modules|at \//);
    } finally {
      await bare.close();
    }
  });
});

describe("Express errors are JSON without internals", () => {
  it("answers a body that is not JSON with 400 JSON", async () => {
    const res = await raw("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: "{bad json" });
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/application\/json/);
    expect(JSON.parse(res.body)).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
    expect(res.body).not.toMatch(/at \/|node_modules|SyntaxError/);
  });

  it("answers a body over the limit with 413 JSON", async () => {
    const body = JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(7 * 1024 * 1024) } });
    const res = await raw("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ errors: [{ message: "The request body is too large." }] });
  });

  it("answers an unknown path with 404 JSON", async () => {
    const res = await raw("/nothing-here", {});
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
  });
});

describe("Host header (DNS rebinding)", () => {
  it("serves local host names and refuses others with 421", async () => {
    const port = new URL(server.url).port;
    expect((await raw("/healthz", { headers: { host: `localhost:${port}` } })).status).toBe(200);
    const refused = await raw("/graphql", {
      method: "POST",
      headers: { host: `rebind.attacker.example:${port}`, "content-type": "application/json" },
      body: '{"query":"{ __typename }"}',
    });
    expect(refused.status).toBe(421);
    expect(JSON.parse(refused.body)).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
  });
});

describe("POST /graphql from node:http straight into Apollo (graphql-post.ts)", () => {
  // A charset parameter in another spelling leaves the request to Express's route and body-parser.
  const FAST = { "content-type": "application/json" };
  const EXPRESS = { "content-type": "application/json; charset=UTF-8; profile=x" };
  const both = (body: string | Buffer) =>
    Promise.all([raw("/graphql", { method: "POST", headers: FAST, body }), raw("/graphql", { method: "POST", headers: EXPRESS, body })]);

  it("answers what Express's route answers, without the ETag Express adds", async () => {
    const [fast, viaExpress] = await both(JSON.stringify({ query: "query ($n: String!) { entity(name: $n) { id name } }", variables: { n: "市北区" } }));
    expect(fast.status).toBe(200);
    expect(JSON.parse(fast.body)).toEqual({ data: { entity: { id: expect.any(String), name: "市北区" } } });
    expect([viaExpress.status, JSON.parse(viaExpress.body)]).toEqual([fast.status, JSON.parse(fast.body)]);
    expect(fast.type).toBe(viaExpress.type);
    expect(viaExpress.etag).toBeDefined();
    expect(fast.etag).toBeUndefined();
  });

  it.each([
    ["a JSON string (body-parser's strict mode)", '"{ __typename }"'],
    ["broken JSON", '{"query": '],
    ["an empty body", ""],
    ["a byte-order mark before the JSON", `\ufeff${JSON.stringify({ query: "{ __typename }" })}`],
  ])("answers %s as Express's route does", async (_what, body) => {
    const [fast, viaExpress] = await both(body);
    expect([fast.status, JSON.parse(fast.body)]).toEqual([viaExpress.status, JSON.parse(viaExpress.body)]);
  });

  it("answers a chunked body over the limit with 413 JSON, and the connection still serves", async () => {
    const chunk = Buffer.alloc(1024 * 1024, "x");
    const res = await raw("/graphql", {
      method: "POST",
      headers: FAST,
      body: [Buffer.from('{"query":"{ __typename }","pad":"'), ...Array.from({ length: 7 }, () => chunk)],
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ errors: [{ message: "The request body is too large.", extensions: { code: "BAD_REQUEST" } }] });
    const after = await raw("/graphql", { method: "POST", headers: FAST, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(JSON.parse(after.body)).toEqual({ data: { __typename: "Query" } });
  });
});
