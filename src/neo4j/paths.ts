import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root, found from this file so commands work from any working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const LAUNCHER_DIR = path.join(PROJECT_ROOT, "neo4j");
export const LAUNCHER_TARGET = path.join(LAUNCHER_DIR, "target");
// A jar, not target/classes: class-data sharing refuses directories on the classpath.
export const LAUNCHER_CLASSPATH = [path.join(LAUNCHER_TARGET, "neo4j-launcher.jar"), path.join(LAUNCHER_TARGET, "lib", "*")].join(path.delimiter);
export const LAUNCHER_MAIN_CLASS = "kg.neo4j.Launcher";
/** Neo4j Browser's static files, unpacked from org.neo4j.client:neo4j-browser by the launcher build. */
export const BROWSER_DIR = path.join(LAUNCHER_TARGET, "browser", "browser");

const BUILD_INPUTS = ["pom.xml", path.join("src", "main", "java", "kg", "neo4j", "Launcher.java")];

/** Hash of what the launcher build depends on: a changed pom or launcher means a rebuild. */
export function installDigest(): string {
  const hash = createHash("sha256");
  for (const file of BUILD_INPUTS) hash.update(readFileSync(path.join(LAUNCHER_DIR, file)));
  return hash.digest("hex");
}
