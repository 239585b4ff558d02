/**
 * The fair floor (issue 13): each benchmark operation's hand-written Cypher behind a minimal Node HTTP
 * endpoint with neo4j-driver, what a team would write instead of using our API. No framework, one driver.
 *   POST /op/<name> with the statement's parameters as a JSON object → 200 {"data": …}
 *   unknown operation → 404; a body that is not a JSON object → 400; a failed query → 500; each {"errors": [{"message"}]}
 *
 *   NEO4J_URI=bolt://… NEO4J_USER=neo4j NEO4J_PASSWORD=… PORT=0 node --import tsx bench/floor/server.ts
 *
 * Prints `FLOOR_LISTENING http://127.0.0.1:<port>` when ready (bench/floor/floor-process.ts waits for it).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import neo4j from "neo4j-driver";
import { FLOOR_STATEMENTS } from "./statements.js";

const HOST = "127.0.0.1";
const MAX_BODY_BYTES = 1 << 20;

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

const port = Number(process.env.PORT ?? "0");
if (!Number.isInteger(port) || port < 0) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
// Integers as JS numbers, so records serialize to the same JSON our API sends.
const driver = neo4j.driver(requireEnv("NEO4J_URI"), neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", requireEnv("NEO4J_PASSWORD")), {
  disableLosslessIntegers: true,
});

class BadRequest extends Error {}

function send(res: http.ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

async function readParams(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest(`body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  let params: unknown;
  try {
    params = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (error) {
    throw new BadRequest(`body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof params !== "object" || params === null || Array.isArray(params)) throw new BadRequest("body must be a JSON object of parameters");
  return params as Record<string, unknown>;
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const name = req.method === "POST" && req.url?.startsWith("/op/") ? req.url.slice("/op/".length) : undefined;
  const statement = name === undefined ? undefined : FLOOR_STATEMENTS.get(name);
  if (statement === undefined) return send(res, 404, { errors: [{ message: `no operation at ${req.method} ${req.url}` }] });
  try {
    const params = await readParams(req);
    // executeQuery: the driver's recommended call (pooled session, retries transient errors), the one the in-process floor makes too.
    const { records } = await driver.executeQuery(statement, params, { routing: neo4j.routing.READ, database: "neo4j" });
    send(res, 200, { data: records[0]?.get("data") ?? null });
  } catch (error) {
    send(res, error instanceof BadRequest ? 400 : 500, { errors: [{ message: error instanceof Error ? error.message : String(error) }] });
  }
}

const server = http.createServer((req, res) => void handle(req, res));

async function main(): Promise<void> {
  await driver.verifyConnectivity();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  const shutdown = (): void => {
    server.close();
    server.closeAllConnections();
    driver.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`floor: error while closing the driver: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  process.stdout.write(`FLOOR_LISTENING http://${HOST}:${bound}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`floor: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
