import type { Request, Response } from "express";
import { type SchemaStatus, schemaStatus } from "../db/schema.js";
import { type Executor, withDeadline } from "../db/executor.js";
import { QueryTimeoutError } from "../errors/client-errors.js";

/** /readyz answers within this whatever Neo4j does: a probe that hangs is worse than one that says no. */
export const READY_DEADLINE_MS = 1_500;

export function healthz(_req: Request, res: Response): void {
  res.json({ status: "ok" });
}

class DeadlineExceeded extends Error {}

/** Something else that must be done before the service is ready: returns why not, or null. */
export type ReadinessCheck = () => string | null;

/** 200 when Neo4j answers, every index and constraint of cypher/schema.cypher is online and the checks pass; else 503 with the reason. */
export function readyz(executor: Executor, checks: ReadinessCheck[] = [], deadlineMs = READY_DEADLINE_MS) {
  // One probe at a time, with the executor's own timeout: polls while Neo4j is slow (just restarted, cold)
  // answer 503 at the deadline and join the probe under way instead of piling more queries on.
  let inflight: Promise<SchemaStatus> | undefined;
  const probeNeo4j = (): Promise<SchemaStatus> =>
    (inflight ??= executor
      .ping()
      .then(() => schemaStatus(executor))
      .finally(() => {
        inflight = undefined;
      }));
  return async (_req: Request, res: Response): Promise<void> => {
    try {
      const pending = checks.map((check) => check()).find((reason) => reason !== null);
      if (pending) {
        res.status(503).json({ status: "unavailable", reason: pending });
        return;
      }
      const status = await withDeadline(probeNeo4j(), deadlineMs, () => new DeadlineExceeded());
      if (!status.applied) {
        res.status(503).json({ status: "unavailable", reason: "schema not applied", missing: status.missing, notOnline: status.notOnline });
        return;
      }
      res.json({ status: "ready" });
    } catch (error) {
      const late = error instanceof QueryTimeoutError || error instanceof DeadlineExceeded;
      const reason = late ? `did not answer within ${deadlineMs} ms` : error instanceof Error ? error.message : String(error);
      res.status(503).json({ status: "unavailable", reason: `Neo4j unreachable: ${reason}` });
    }
  };
}
