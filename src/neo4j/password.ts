import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";

/**
 * The embedded server's password: NEO4J_PASSWORD when set, else a new random one written to the
 * git-ignored env file so the next start (and any Bolt client) can read it.
 */
export function ensureEmbeddedPassword(current: string | undefined, envFile: string): { password: string; generated: boolean } {
  if (current) return { password: current, generated: false };
  const password = randomBytes(18).toString("base64url");
  const needsNewline = existsSync(envFile) && !readFileSync(envFile, "utf8").endsWith("\n") && readFileSync(envFile, "utf8").length > 0;
  appendFileSync(
    envFile,
    `${needsNewline ? "\n" : ""}# Generated at first start: password of user neo4j on the embedded Neo4j.\nNEO4J_PASSWORD=${password}\n`,
    {
      mode: 0o600,
    },
  );
  return { password, generated: true };
}
