import type { Driver } from "neo4j-driver";
import type { Operation, Picks } from "../ops/operations.js";
import { PEER_OPERATIONS } from "../peer/operations.js";

/** One way of answering the benchmark operations: raw Cypher, our API, or the peer. */
export interface Client {
  name: "cypher" | "ours" | "peer";
  /** Runs the operation and returns its data in our API's shape. */
  call(op: Operation, picks: Picks): Promise<unknown>;
}

export interface GraphQLBody {
  data?: unknown;
  errors?: unknown[];
}

/** POSTs a GraphQL operation (Node's fetch keeps the connection alive) and returns the response body. */
export async function postGraphQL(url: string, query: string, variables: Record<string, unknown>): Promise<GraphQLBody> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null) throw new Error(`${url} answered HTTP ${response.status} without a JSON object`);
  return body as GraphQLBody;
}

/** The data of an operation; any GraphQL error fails the call. */
export async function post(url: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const body = await postGraphQL(url, query, variables);
  if (body.errors) throw new Error(`${url} answered errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
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

export function oursClient(url: string): Client {
  return { name: "ours", call: (op, picks) => post(url, op.graphql, op.variables(picks)) };
}

export function peerClient(url: string): Client {
  return {
    name: "peer",
    async call(op, picks) {
      const peer = PEER_OPERATIONS[op.name];
      if (!peer) throw new Error(`the peer has no operation ${op.name}`);
      return peer.toOurs(await post(url, peer.graphql, peer.variables(picks)));
    },
  };
}

