import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ChildServer, startChildServer } from "../measure/child-server.js";

/** Starts bench/peer/server.ts as a child process and stops it. */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER = path.join(HERE, "server.ts");
const READY = /^PEER_LISTENING (http:\/\/\S+)$/m;

export interface PeerTarget {
  uri: string;
  user: string;
  password: string;
}

export type RunningPeer = ChildServer;

export interface StartPeerOptions {
  /** How long to wait for the ready line (schema generation takes a few seconds). */
  timeoutMs?: number;
  port?: number;
}

export async function startPeer(target: PeerTarget, options: StartPeerOptions = {}): Promise<RunningPeer> {
  return startChildServer({
    label: "the @neo4j/graphql peer",
    args: ["--import", "tsx", SERVER],
    env: { NEO4J_URI: target.uri, NEO4J_USER: target.user, NEO4J_PASSWORD: target.password, PORT: String(options.port ?? 0), NODE_ENV: "production" },
    ready: READY,
    timeoutMs: options.timeoutMs ?? 60_000,
  });
}
