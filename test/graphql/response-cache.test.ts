import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { READ_GRAPH_VERSION } from "../../src/db/graph-version.js";
import type { RunningHttpServer } from "../../src/server/http-server.js";
import { runCliScript } from "../helpers/cli.js";
import { removeDocument } from "../helpers/documents.js";
import { testDatabase } from "../helpers/neo4j.js";
import { startTestServer } from "../helpers/server.js";

const { driver, executor } = testDatabase(60_000);
const TOKEN = `curator-${randomUUID()}`;
const tag = randomUUID().slice(0, 8);
const keep = `缓存测试项目甲${tag}`;
const remove = `缓存测试项目乙${tag}`;
const documentIds = [`cache-api-${tag}`, `cache-cli-${tag}`];
const dir = mkdtempSync(path.join(tmpdir(), "response-cache-"));
let server: RunningHttpServer;
let uncached: RunningHttpServer;

/** Statements the API sent, other than the version read: what a cached answer saves. */
let sent = 0;
executor.onQuery((query) => {
  if (query.cypher !== READ_GRAPH_VERSION.cypher) sent += 1;
});

beforeAll(async () => {
  server = await startTestServer(executor, { CURATOR_TOKEN: TOKEN, RESPONSE_CACHE: "true" });
  uncached = await startTestServer(executor, { RESPONSE_CACHE: "false" });
  await executor.write(
    cypher(
      `UNWIND $names AS name
       CREATE (:Entity:Project {id: 'project:' + name, kind: 'PROJECT', name: name, aliases: [], searchText: name, method: 'RULE'})`,
      { names: [keep, remove] },
    ),
  );
});
afterAll(async () => {
  await executor.write(cypher("MATCH (e:Entity) WHERE e.name IN $names DETACH DELETE e", { names: [keep, remove] }));
  for (const id of documentIds) await removeDocument(executor, id);
  await server?.close();
  await uncached?.close();
  await driver.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  data: Record<string, unknown> | null | undefined;
  errors: unknown[] | undefined;
  age: string | null;
  statements: number;
}

async function post(base: RunningHttpServer, query: string, variables: Record<string, unknown> = {}, curator = false): Promise<Answer> {
  const before = sent;
  const response = await fetch(`${base.url}/graphql`, {
    method: "POST",
    // The CLI runs synchronously, blocking this process past the server's keep-alive timeout: no reused sockets.
    headers: { "content-type": "application/json", connection: "close", ...(curator ? { authorization: `Bearer ${TOKEN}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] };
  return { data: body.data, errors: body.errors, age: response.headers.get("age"), statements: sent - before };
}

const ENTITY = "query ($name: String!) { entity(name: $name) { id name aliases } }";
const DOCUMENT = "query ($id: ID!) { node(id: $id) { id ... on Document { title } } }";

/** Reads twice so the answer is in the cache (another test file's write may move the version between; a third read settles it). */
async function warm(query: string, variables: Record<string, unknown>): Promise<Answer> {
  let last = await post(server, query, variables);
  for (let i = 0; i < 5 && last.age === null; i++) last = await post(server, query, variables);
  expect(last.age).not.toBeNull();
  return last;
}

describe("the response cache", () => {
  it("answers a repeated query without sending its statement, and only when it succeeded", async () => {
    const first = await post(server, ENTITY, { name: "市北区" });
    expect(first.errors).toBeUndefined();
    const cached = await warm(ENTITY, { name: "市北区" });
    expect(cached.statements).toBe(0);
    expect(cached.data).toEqual(first.data);

    const missing = { name: `无此实体${tag}` };
    const notFound = "query ($name: String!) { targetAttainment(subject: $name, period: 2023) { indicator { name } } }";
    for (let i = 0; i < 2; i++) {
      const answer = await post(server, notFound, missing);
      expect(answer.errors).toBeDefined();
      expect(answer.age).toBeNull();
      expect(answer.statements).toBe(1);
    }
  });

  it("is off with RESPONSE_CACHE=false: every read sends its statement", async () => {
    for (let i = 0; i < 3; i++) {
      const answer = await post(uncached, ENTITY, { name: "市北区" });
      expect(answer.age).toBeNull();
      expect(answer.statements).toBe(1);
    }
  });

  it("is fresh after addAlias", async () => {
    expect((await warm(ENTITY, { name: keep })).data).toMatchObject({ entity: { aliases: [] } });
    const alias = `缓存别名${tag}`;
    const added = await post(server, "mutation ($e: String!, $a: String!) { addAlias(entity: $e, alias: $a) { aliases } }", { e: keep, a: alias }, true);
    expect(added.errors).toBeUndefined();
    const after = await post(server, ENTITY, { name: keep });
    expect(after.data).toMatchObject({ entity: { aliases: [alias] } });
    expect(after.age).toBeNull();
  });

  it("is fresh after mergeEntities", async () => {
    expect((await warm(ENTITY, { name: remove })).data).toMatchObject({ entity: { id: `project:${remove}` } });
    const merged = await post(server, "mutation ($k: String!, $r: String!) { mergeEntities(keep: $k, remove: $r) { id } }", { k: keep, r: remove }, true);
    expect(merged.errors).toBeUndefined();
    expect((await post(server, ENTITY, { name: remove })).data).toMatchObject({ entity: { id: `project:${keep}` } });
  });

  const TEXT = `缓存测试区2025年政府工作报告${tag}\n\n2025年，全区生产总值增长6%左右。\n`;

  it("is fresh after ingestDocument, and a dry run changes nothing", async () => {
    const [id] = documentIds;
    expect((await warm(DOCUMENT, { id })).data).toEqual({ node: null });
    const ingest = `mutation ($text: String!, $metadata: DocumentMetadataInput!, $dryRun: Boolean!) {
      ingestDocument(text: $text, metadata: $metadata, dryRun: $dryRun) { documentId status } }`;
    const metadata = { id, title: "缓存测试", publishedOn: "2025-01-10" };
    const dry = await post(server, ingest, { text: TEXT, metadata, dryRun: true }, true);
    expect(dry.errors).toBeUndefined();
    expect((await post(server, DOCUMENT, { id })).data).toEqual({ node: null });
    const written = await post(server, ingest, { text: TEXT, metadata, dryRun: false }, true);
    expect(written.errors).toBeUndefined();
    expect((await post(server, DOCUMENT, { id })).data).toEqual({ node: { id, title: "缓存测试" } });
  });

  it("is fresh after the ingest CLI, another process on the same Neo4j", async () => {
    const id = documentIds[1] as string;
    expect((await warm(DOCUMENT, { id })).data).toEqual({ node: null });
    const file = path.join(dir, `${id}.txt`);
    writeFileSync(file, TEXT.replace("缓存测试区", "缓存命令行区"));
    const cli = runCliScript("src/ingest/ingest-cli.ts", [file, "--title", "命令行缓存测试", "--date", "2025-01-11"], inject("neo4j"));
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);
    expect((await post(server, DOCUMENT, { id })).data).toEqual({ node: { id, title: "命令行缓存测试" } });
  });

  it("moves to a new epoch when the version node is gone (a wiped graph never repeats an old version)", async () => {
    const [before] = await executor.read<{ version: string }>(READ_GRAPH_VERSION);
    await executor.write(cypher("MATCH (v:GraphVersion) DETACH DELETE v"));
    const [after] = await executor.read<{ version: string }>(READ_GRAPH_VERSION);
    expect(before?.version).toMatch(/^[0-9a-f-]{36}:\d+$/);
    expect(after?.version).toMatch(/^[0-9a-f-]{36}:1$/);
    expect(after?.version.split(":")[0]).not.toBe(before?.version.split(":")[0]);
  });
});
