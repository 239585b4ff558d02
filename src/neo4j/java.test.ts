import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { JavaMissingError } from "../errors/index.js";
import { parseJavaMajor, requireJava } from "./java.js";

describe("parseJavaMajor", () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_402"', 8],
    ['openjdk version "11.0.22" 2024-01-16 LTS', 11],
    ["no version here", undefined],
  ])("%s → %s", (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });
});

describe("requireJava", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "fake-java-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A JAVA_HOME whose bin/java prints the given version line, as a real JDK does, on stderr. */
  function fakeJavaHome(versionLine: string): string {
    const home = mkdtempSync(path.join(dir, "jdk-"));
    mkdirSync(path.join(home, "bin"));
    const javaPath = path.join(home, "bin", "java");
    writeFileSync(javaPath, `#!/bin/sh\necho '${versionLine}' >&2\n`);
    chmodSync(javaPath, 0o755);
    return home;
  }

  it("accepts the machine's Java 17+", () => {
    const { major } = requireJava({ ...process.env, JAVA_HOME: "" });
    expect(major).toBeGreaterThanOrEqual(17);
  });

  it("refuses a too old Java in one line naming both fixes", () => {
    const home = fakeJavaHome('openjdk version "11.0.22" 2024-01-16');
    let message = "";
    try {
      requireJava({ PATH: process.env.PATH, JAVA_HOME: home });
    } catch (e) {
      expect(e).toBeInstanceOf(JavaMissingError);
      message = (e as Error).message;
    }
    expect(message).toContain("Java 11");
    expect(message).toContain("Java 17");
    expect(message).toContain("NEO4J_URI");
    expect(message.split("\n")).toHaveLength(1);
  });

  it("reports a missing Java in one line", () => {
    expect(() => requireJava({ PATH: dir })).toThrowError(/^Java was not found.*NEO4J_URI[^\n]*$/);
  });
});
