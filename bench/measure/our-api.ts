import { freePort } from "../../src/neo4j/free-port.js";
import type { PeerTarget } from "../peer/peer-process.js";
import { type ChildServer, startChildServer } from "./child-server.js";

/** pino's line `{"url":"http://…/graphql",…,"msg":"GraphQL ready"}` from src/server/http-server.ts. */
const READY = /"url":"(http:\/\/[^"]+\/graphql)".*"msg":"GraphQL ready"/;

/** Our API exactly as `npm start` runs it, over an existing Neo4j: no corpus load, no .env. */
export async function startOurApi(target: PeerTarget): Promise<ChildServer> {
  return startChildServer({
    label: "our API",
    args: ["--import", "tsx", "src/main.ts"],
    env: {
      NEO4J_URI: target.uri,
      NEO4J_USER: target.user,
      NEO4J_PASSWORD: target.password,
      PORT: String(await freePort()),
      LOAD_CORPUS: "false",
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      ENV_FILE: "/nonexistent/.env",
    },
    ready: READY,
  });
}
