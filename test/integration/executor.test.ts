import { afterAll, describe, expect, it } from "vitest";
import { cypher } from "../../src/db/cypher-query.js";
import { createDriver } from "../../src/db/connect.js";
import { Executor } from "../../src/db/executor.js";
import { QueryTimeoutError, ServiceUnavailableError } from "../../src/errors/client-errors.js";
import { CypherError } from "../../src/errors/internal-errors.js";
import { testDatabase, testScope } from "../helpers/neo4j.js";
import { freePort } from "../../src/neo4j/free-port.js";

const { driver, executor } = testDatabase();
const scope = testScope();
afterAll(async () => {
  await executor.write(cypher("MATCH (n:TestNode {scope: $scope}) DETACH DELETE n", { scope }));
  await driver.close();
});

const count = async (): Promise<number> => {
  const [row] = await executor.read<{ n: number }>(cypher("MATCH (n:TestNode {scope: $scope}) RETURN count(n) AS n", { scope }));
  return row?.n ?? -1;
};

describe("Executor", () => {
  it("reads records as plain objects with JS numbers", async () => {
    const rows = await executor.read(cypher("UNWIND $xs AS x RETURN x, x * 2 AS double", { xs: [1, 2] }));
    expect(rows).toEqual([
      { x: 1, double: 2 },
      { x: 2, double: 4 },
    ]);
  });

  it("writes in WRITE mode and refuses writes in READ mode", async () => {
    await executor.write(cypher("CREATE (:TestNode {scope: $scope})", { scope }));
    expect(await count()).toBe(1);
    const failure = executor.read(cypher("CREATE (:TestNode {scope: $scope})", { scope }));
    await expect(failure).rejects.toBeInstanceOf(CypherError);
    await expect(failure).rejects.toMatchObject({ neo4jCode: expect.stringMatching(/AccessMode|Forbidden/) });
    expect(await count()).toBe(1);
  });

  it("commits all statements of writeAll or none", async () => {
    const before = await count();
    const batch = [cypher("CREATE (:TestNode {scope: $scope, k: 1})", { scope }), cypher("RETURN 1 / toInteger($zero) AS boom", { zero: 0 })];
    await expect(executor.writeAll(batch)).rejects.toBeInstanceOf(CypherError);
    expect(await count()).toBe(before);
  });

  it("stops a query past its timeout with QUERY_TIMEOUT", async () => {
    const slow = cypher("UNWIND range(1, 200000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n");
    const failure = executor.read(slow, 200);
    await expect(failure).rejects.toBeInstanceOf(QueryTimeoutError);
    await expect(failure).rejects.toMatchObject({ extensions: { code: "QUERY_TIMEOUT" } });
  });

  it("reports an unreachable server as SERVICE_UNAVAILABLE", async () => {
    const dead = createDriver({ uri: `bolt://127.0.0.1:${await freePort()}`, user: "neo4j", password: "whatever1" });
    const deadExecutor = new Executor(dead, { database: "neo4j", timeoutMs: 1000 });
    try {
      await expect(deadExecutor.read(cypher("RETURN 1"))).rejects.toBeInstanceOf(ServiceUnavailableError);
    } finally {
      await dead.close();
    }
  });

  it("tells listeners about every statement and its mode", async () => {
    const seen: string[] = [];
    const off = executor.onQuery((q, mode) => seen.push(`${mode} ${q.cypher}`));
    await executor.read(cypher("RETURN 1 AS one"));
    off();
    await executor.read(cypher("RETURN 2 AS two"));
    expect(seen).toEqual(["READ RETURN 1 AS one"]);
  });
});
