import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ChildServer, startChildServer } from "../measure/child-server.js";
import type { PeerTarget } from "../peer/peer-process.js";

const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), "server.ts");
const READY = /^FLOOR_LISTENING (http:\/\/\S+)$/m;

/** Starts the HTTP floor (bench/floor/server.ts) as its own process over the benchmark's Neo4j. */
export async function startFloor(target: PeerTarget): Promise<ChildServer> {
  return startChildServer({
    label: "the HTTP Cypher floor",
    args: ["--import", "tsx", SERVER],
    env: { NEO4J_URI: target.uri, NEO4J_USER: target.user, NEO4J_PASSWORD: target.password, PORT: "0", NODE_ENV: "production" },
    ready: READY,
  });
}
