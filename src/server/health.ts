import type { Request, Response } from "express";
import { schemaStatus } from "../db/schema.js";
import type { Executor } from "../db/executor.js";

export function healthz(_req: Request, res: Response): void {
  res.json({ status: "ok" });
}

/** Something else that must be done before the service is ready: returns why not, or null. */
export type ReadinessCheck = () => string | null;

/** 200 when Neo4j answers, every index and constraint of cypher/schema.cypher is online and the checks pass; else 503 with the reason. */
export function readyz(executor: Executor, checks: ReadinessCheck[] = []) {
  return async (_req: Request, res: Response): Promise<void> => {
    try {
      const pending = checks.map((check) => check()).find((reason) => reason !== null);
      if (pending) {
        res.status(503).json({ status: "unavailable", reason: pending });
        return;
      }
      await executor.ping();
      const status = await schemaStatus(executor);
      if (!status.applied) {
        res.status(503).json({ status: "unavailable", reason: "schema not applied", missing: status.missing, notOnline: status.notOnline });
        return;
      }
      res.json({ status: "ready" });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      res.status(503).json({ status: "unavailable", reason: `Neo4j unreachable: ${reason}` });
    }
  };
}
