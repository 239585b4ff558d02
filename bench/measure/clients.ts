import type { Driver } from "neo4j-driver";
import type { Operation, Picks } from "../ops/operations.js";
import { postGraphQL } from "../../test/helpers/http.js";
import { PEER_OPERATIONS } from "../peer/operations.js";

/** One way of answering the benchmark operations: raw Cypher, our API, or the peer. */
export interface Client {
  name: "cypher" | "ours" | "peer";
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

export function oursClient(baseUrl: string): Client {
  return { name: "ours", call: (op, picks) => post(baseUrl, op.graphql, op.variables(picks)) };
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
