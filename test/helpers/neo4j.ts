import { randomUUID } from "node:crypto";
import type { Driver } from "neo4j-driver";
import { inject } from "vitest";
import { createDriver } from "../../src/db/connect.js";
import { Executor } from "../../src/db/executor.js";

/** Driver and executor on the run's shared Neo4j; close the driver in afterAll. */
export function testDatabase(timeoutMs = 10_000): { driver: Driver; executor: Executor; database: string } {
  const target = inject("neo4j");
  const driver = createDriver(target);
  return { driver, executor: new Executor(driver, { database: target.database, timeoutMs }), database: target.database };
}

/** A value for the `scope` property of a test's own `:TestNode`s, so its data never meets another file's. */
export function testScope(): string {
  return randomUUID();
}
