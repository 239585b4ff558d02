import type { Request, Response } from "express";
import type { Executor } from "../db/executor.js";
import { ClientError, ClientErrorCode } from "../errors/client-errors.js";
import { CypherError } from "../errors/internal-errors.js";
import type { Logger } from "../log/logger.js";
import { checkParams, checkPlan, checkText, type PlanNode, RefusedQuery } from "./policy.js";
import { toJson } from "./values.js";

export interface CypherEndpointOptions {
  executor: Executor;
  log: Logger;
  /** Rows returned at most; more are cut and `truncated` says so. */
  rowCap: number;
  timeoutMs: number;
}

const STATUS: Record<string, number> = {
  [ClientErrorCode.QUERY_TIMEOUT]: 408,
  [ClientErrorCode.SERVICE_UNAVAILABLE]: 503,
};

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/**
 * POST /cypher {"query", "params"} → {"columns", "rows", "truncated"}: researchers' read-only
 * door. The text is checked, Neo4j EXPLAINs it (read-only query type, allowed procedures only),
 * then it runs in a READ transaction with a timeout and a row cap. Refusals are 400, before
 * anything runs.
 */
export function cypherEndpoint(options: CypherEndpointOptions) {
  return async (req: Request, res: Response): Promise<void> => {
    const started = Date.now();
    const body = (req.body ?? {}) as { query?: unknown; params?: unknown };
    try {
      const query = { cypher: checkText(body.query), params: checkParams(body.params) };
      const { queryType, plan } = await options.executor.explain(query);
      checkPlan(queryType, plan as unknown as PlanNode | false);
      const { keys, records, truncated } = await options.executor.readCapped(query, options.rowCap, options.timeoutMs);
      res.json({
        columns: keys,
        rows: records.map((r) => keys.map((k) => toJson(r.get(k)))),
        rowCount: records.length,
        truncated,
        rowCap: options.rowCap,
        elapsedMs: Date.now() - started,
      });
    } catch (error) {
      if (error instanceof RefusedQuery) return fail(res, 400, "QUERY_REFUSED", error.message);
      if (error instanceof ClientError) return fail(res, STATUS[error.code] ?? 400, error.code, error.message);
      // Neo4j's client errors (syntax, unknown function, read-only violation) are about the query: show them.
      if (error instanceof CypherError && error.neo4jCode?.startsWith("Neo.ClientError.")) {
        return fail(res, 400, "CYPHER_ERROR", error.message.replace(/^Neo\.ClientError\.[\w.]+: /u, ""));
      }
      options.log.error({ err: error }, "cypher endpoint failed");
      fail(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error");
    }
  };
}
