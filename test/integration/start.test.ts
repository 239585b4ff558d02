import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDriver } from "../../src/db/connect.js";
import { isPortInUse } from "../../src/neo4j/embedded.js";
import { postGraphQL } from "../helpers/http.js";
import { freePort } from "../../src/neo4j/free-port.js";
import { isAlive, neo4jPid, PROJECT_ROOT, startService, waitForReady } from "../helpers/service-process.js";

const work = mkdtempSync(path.join(tmpdir(), "kg-start-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("npm start with the embedded Neo4j", () => {
  it("starts, answers, stops cleanly on Ctrl-C, and keeps the graph across a restart", async () => {
    const env = {
      PORT: String(await freePort()),
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_DATA_DIR: path.join(work, "neo4j"),
      ENV_FILE: path.join(work, ".env"),
      NEO4J_PASSWORD: "",
      NEO4J_URI: "",
    };
    const base = `http://127.0.0.1:${env.PORT}`;

    const first = startService(env);
    await waitForReady(`${base}/readyz`, first, 150_000);
    const { body } = await postGraphQL(base, "{ __typename }");
    expect(body).toEqual({ data: { __typename: "Query" } });

    // The first start generated a password into the env file; a Bolt client can use it.
    const password = /^NEO4J_PASSWORD=(.+)$/m.exec(readFileSync(env.ENV_FILE, "utf8"))?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(16);
    const driver = createDriver({ uri: `bolt://127.0.0.1:${env.NEO4J_BOLT_PORT}`, user: "neo4j", password });
    // The empty database got the corpus graph at start.
    const { records: documents } = await driver.executeQuery("MATCH (d:Document) RETURN count(d) AS n");
    expect(documents[0]?.get("n")).toBe(5);
    await driver.executeQuery("CREATE (:TestNode {scope: $scope})", { scope: "restart-marker" });
    await driver.close();

    const pid = neo4jPid(first);
    expect(isAlive(pid)).toBe(true);
    first.interrupt();
    expect(await first.exited).toBe(0);
    expect(isAlive(pid)).toBe(false);
    expect(await isPortInUse("127.0.0.1", Number(env.NEO4J_BOLT_PORT))).toBe(false);
    expect(await isPortInUse("127.0.0.1", Number(env.PORT))).toBe(false);

    const second = startService(env);
    try {
      await waitForReady(`${base}/readyz`, second, 150_000);
      const again = createDriver({ uri: `bolt://127.0.0.1:${env.NEO4J_BOLT_PORT}`, user: "neo4j", password });
      const { records } = await again.executeQuery("MATCH (n:TestNode {scope: $scope}) RETURN count(n) AS n", { scope: "restart-marker" });
      await again.close();
      expect(records[0]?.get("n")).toBe(1);
    } finally {
      second.interrupt();
      expect(await second.exited).toBe(0);
    }
  }, 400_000);

  it("says in one line that Java is missing, naming both fixes", () => {
    const emptyPath = mkdtempSync(path.join(work, "path-"));
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: emptyPath,
        HOME: process.env.HOME ?? "/tmp",
        NEO4J_PASSWORD: "irrelevant1",
        NEO4J_DATA_DIR: path.join(work, "unused"),
        ENV_FILE: path.join(work, "unused.env"),
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: Java was not found.*Java 17.*NEO4J_URI/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
