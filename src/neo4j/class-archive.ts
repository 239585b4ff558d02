import { existsSync } from "node:fs";
import path from "node:path";
import { installDigest, LAUNCHER_TARGET } from "./paths.js";

/**
 * AppCDS: about half of Neo4j's start-up is the JVM loading classes. `npm run neo4j:install`
 * records an archive of them once; every later start maps it in. The name holds the Java version
 * and the build digest, so an upgrade records a new archive instead of meeting a stale one.
 */
export function classArchivePath(javaMajor: number): string {
  return path.join(LAUNCHER_TARGET, "cds", `neo4j-java${javaMajor}-${installDigest().slice(0, 12)}.jsa`);
}

/** Flags that map the archive in when it exists; the JVM falls back to plain loading if it cannot. */
export function useClassArchiveFlags(javaMajor: number): string[] {
  const archive = classArchivePath(javaMajor);
  return existsSync(archive) ? [`-XX:SharedArchiveFile=${archive}`, "-Xshare:auto"] : [];
}

export function recordClassArchiveFlags(target: string): string[] {
  return [`-XX:ArchiveClassesAtExit=${target}`];
}
