import type { CypherQuery } from "../../src/db/cypher-query.js";
import type { Executor } from "../../src/db/executor.js";
import { execute } from "../../test/helpers/graphql.js";
import type { Operation, Picks } from "../ops/operations.js";

/** Runs an operation through our schema in process and keeps every statement the executor sent. */
export async function statementsSent(executor: Executor, op: Operation, picks: Picks): Promise<{ statements: CypherQuery[]; rootFields: number }> {
  const statements: CypherQuery[] = [];
  const off = executor.onQuery((query) => statements.push(query));
  try {
    const result = await execute(executor, op.graphql, op.variables(picks));
    if (result.errors?.length) throw new Error(`${op.name}: ${result.errors.map((e) => e.message).join("; ")}`);
    return { statements, rootFields: Object.keys(result.data ?? {}).length };
  } finally {
    off();
  }
}

/** Statements our API sends per root field for each operation, counted at the executor (in process). */
export async function roundTrips(executor: Executor, ops: Operation[], picks: Picks): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const op of ops) {
    const { statements, rootFields } = await statementsSent(executor, op, picks);
    out[op.name] = statements.length / rootFields;
  }
  return out;
}
