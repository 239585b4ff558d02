import type { Driver } from "neo4j-driver";
import type { Operation, Picks } from "../ops/operations.js";
import { postGraphQL } from "../../test/helpers/http.js";
import { PEER_OPERATIONS } from "../peer/operations.js";

/**
 * One way of answering the benchmark operations: raw Cypher in this process, the same Cypher behind the
 * HTTP floor, our API (response cache off; `oursCached` with it on), or the peer.
 */
export interface Client {
  name: "cypher" | "httpCypher" | "ours" | "oursCached" | "peer";
  /** Runs the operation and returns its data in our API's shape. */
  call(op: Operation, picks: Picks): Promise<unknown>;
}

/** The data of an operation against a server's `/graphql`; any GraphQL error fails the call. */
export async function post(baseUrl: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const { status, body } = await postGraphQL(baseUrl, query, variables);
  if (body.errors || body.data === undefined)
    throw new Error(`${baseUrl}/graphql answered HTTP ${status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  return body.data;
}

export function cypherClient(driver: Driver): Client {
  return {
    name: "cypher",
    async call(op, picks) {
      const { records } = await driver.executeQuery(op.cypher, op.params(picks), { routing: "READ", database: "neo4j" });
      return records[0]?.get("data");
    },
  };
}

/** The HTTP floor (bench/floor/server.ts), sent through the same fetch and JSON as postGraphQL, so the client's cost is the same. */
export function httpCypherClient(baseUrl: string): Client {
  return {
    name: "httpCypher",
    async call(op, picks) {
      const response = await fetch(`${baseUrl}/op/${op.name}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(op.params(picks)),
      });
      const body = (await response.json()) as { data?: unknown; errors?: unknown };
      if (response.status !== 200 || body.errors || body.data === undefined)
        throw new Error(`${baseUrl}/op/${op.name} answered HTTP ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
      return body.data;
    },
  };
}

export function oursClient(baseUrl: string, name: "ours" | "oursCached" = "ours"): Client {
  return { name, call: (op, picks) => post(baseUrl, op.graphql, op.variables(picks)) };
}

export function peerClient(baseUrl: string): Client {
  return {
    name: "peer",
    async call(op, picks) {
      const peer = PEER_OPERATIONS[op.name];
      if (!peer) throw new Error(`the peer has no operation ${op.name}`);
      return peer.toOurs(await post(baseUrl, peer.graphql, peer.variables(picks)));
    },
  };
}
