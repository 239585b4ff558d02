import { spawnSync } from "node:child_process";
import path from "node:path";
import { JavaMissingError } from "../errors/index.js";

export const MIN_JAVA_MAJOR = 17;

const FIXES = "install Java 17 or newer (e.g. `apt-get install openjdk-17-jre-headless`), or set NEO4J_URI to a Neo4j server you already run";

/** Extracts the major version from `java -version` output ("1.8.0_402" → 8, "17.0.15" → 17). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** The java executable to use: $JAVA_HOME/bin/java when set, else `java` from PATH. */
export function javaCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, "bin", "java") : "java";
}

/** Checks that Java ≥ 17 runs; throws JavaMissingError with a one-line message naming both fixes. */
export interface JavaInfo {
  command: string;
  major: number;
}

export function requireJava(env: NodeJS.ProcessEnv = process.env): JavaInfo {
  const command = javaCommand(env);
  const result = spawnSync(command, ["-version"], { env, encoding: "utf8", timeout: 30_000 });
  if (result.error || result.status !== 0) {
    throw new JavaMissingError(`Java was not found (${command}); the embedded Neo4j needs it: ${FIXES}.`);
  }
  const major = parseJavaMajor(`${result.stderr}${result.stdout}`);
  if (major === undefined || major < MIN_JAVA_MAJOR) {
    const found = major === undefined ? "an unrecognised version" : `Java ${major}`;
    throw new JavaMissingError(`Found ${found} at ${command}; the embedded Neo4j needs Java ${MIN_JAVA_MAJOR}+: ${FIXES}.`);
  }
  return { command, major };
}
