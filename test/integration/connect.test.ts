import { describe, expect, inject, it } from "vitest";
import { connectNeo4j } from "../../src/db/connect.js";
import { Neo4jAuthError, Neo4jStartError } from "../../src/errors/internal-errors.js";
import { freePort } from "../../src/neo4j/free-port.js";

describe("connectNeo4j", () => {
  it("connects with the right password", async () => {
    const driver = await connectNeo4j(inject("neo4j"));
    await driver.close();
  });

  it("turns a wrong password into one clear line", async () => {
    const target = inject("neo4j");
    const failure = connectNeo4j({ ...target, password: "not-the-password" });
    await expect(failure).rejects.toBeInstanceOf(Neo4jAuthError);
    await expect(failure).rejects.toThrow(/refused the password of user 'neo4j'.*NEO4J_PASSWORD/);
  });

  it("gives up on an unreachable server after the wait", async () => {
    const started = Date.now();
    const failure = connectNeo4j({ uri: `bolt://127.0.0.1:${await freePort()}`, user: "neo4j", password: "whatever1", waitMs: 1500 });
    await expect(failure).rejects.toBeInstanceOf(Neo4jStartError);
    await expect(failure).rejects.toThrow(/Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });
});
