import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/neo4j/paths.js";
import type { TestNeo4j } from "./throwaway-neo4j.js";

/** Runs one of the project's command-line scripts (`src/…-cli.ts`) against `target`, with no .env file. */
export function runCliScript(script: string, args: string[], target: TestNeo4j): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: target.uri,
      NEO4J_USER: target.user,
      NEO4J_PASSWORD: target.password,
      LOG_LEVEL: "silent",
      ENV_FILE: path.join(PROJECT_ROOT, "does-not-exist.env"),
    },
    encoding: "utf8",
    timeout: 120_000,
  });
}
