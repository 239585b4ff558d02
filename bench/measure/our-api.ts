import { freePort } from "../../src/neo4j/free-port.js";
import type { PeerTarget } from "../peer/peer-process.js";
import { type ChildServer, startChildServer } from "./child-server.js";

/** pino's line `{"url":"http://…/graphql",…,"msg":"GraphQL ready"}` from src/server/http-server.ts. */
const READY = /"url":"(http:\/\/[^"]+\/graphql)".*"msg":"GraphQL ready"/;

export interface OurApiOptions {
  /** RESPONSE_CACHE: the main figures are taken with it off, one extra load phase with it on. */
  responseCache: boolean;
  /** Flags for Node before the script, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Another build of the API to run (bench/adhoc/ab.ts): the script and its loader flags, instead of `--import tsx src/main.ts`. */
  script?: string[];
  label?: string;
}

/** Our API exactly as `npm start` runs it, over an existing Neo4j: no corpus load, no .env. */
export async function startOurApi(target: PeerTarget, options: OurApiOptions): Promise<ChildServer> {
  return startChildServer({
    label: options.label ?? (options.responseCache ? "our API (response cache on)" : "our API"),
    args: [...(options.nodeArgs ?? []), ...(options.script ?? ["--import", "tsx", "src/main.ts"])],
    env: {
      NEO4J_URI: target.uri,
      NEO4J_USER: target.user,
      NEO4J_PASSWORD: target.password,
      PORT: String(await freePort()),
      LOAD_CORPUS: "false",
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      ENV_FILE: "/nonexistent/.env",
      RESPONSE_CACHE: String(options.responseCache),
    },
    ready: READY,
  });
}
