import type { Executor } from "../../src/db/executor.js";
import { execute } from "../../test/helpers/graphql.js";
import type { Operation, Picks } from "../ops/operations.js";

/** Statements our API sends per root field for each operation, counted at the executor (in process). */
export async function roundTrips(executor: Executor, ops: Operation[], picks: Picks): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const op of ops) {
    let statements = 0;
    const off = executor.onQuery(() => (statements += 1));
    try {
      const result = await execute(executor, op.graphql, op.variables(picks));
      if (result.errors?.length) throw new Error(`${op.name}: ${result.errors.map((e) => e.message).join("; ")}`);
      out[op.name] = statements / Object.keys(result.data ?? {}).length;
    } finally {
      off();
    }
  }
  return out;
}
