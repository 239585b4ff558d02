import type { Executor } from "../../src/db/executor.js";
import { statementsSent } from "./roundtrips.js";
import type { Operation, Picks } from "../ops/operations.js";

/** Operators that read every node of a label or of the graph: what a missing index looks like. */
const SCANS = new Set([
  "AllNodesScan",
  "NodeByLabelScan",
  "DirectedAllRelationshipsScan",
  "UndirectedAllRelationshipsScan",
  "DirectedRelationshipTypeScan",
  "UndirectedRelationshipTypeScan",
]);

interface PlanNode {
  operatorType: string;
  dbHits?: number;
  rows?: number;
  children: PlanNode[];
}

function operators(plan: PlanNode): PlanNode[] {
  return [plan, ...plan.children.flatMap(operators)];
}

export interface PlanReport {
  /** Scan operators in the PROFILE of our generated statement (empty when every lookup is index-backed). */
  scans: string[];
  /** Index operators used, for the record. */
  seeks: string[];
  dbHits: number;
}

/** PROFILEs the statement our API sends for each operation (captured at the executor). */
export async function profileOurs(executor: Executor, ops: Operation[], picks: Picks): Promise<Record<string, PlanReport>> {
  const out: Record<string, PlanReport> = {};
  for (const op of ops) {
    const { statements: sent } = await statementsSent(executor, op, picks);
    const reports = await Promise.all(
      sent.map(async (q) => {
        const result = await executor.driver.executeQuery(`PROFILE ${q.cypher}`, q.params, { routing: "READ", database: "neo4j" });
        const plan = result.summary.profile as unknown as PlanNode | false;
        if (!plan) throw new Error(`${op.name}: no profile returned`);
        return operators(plan);
      }),
    );
    const all = reports.flat();
    const label = (o: PlanNode): string => o.operatorType.replace(/@.*$/, "");
    out[op.name] = {
      scans: all.filter((o) => SCANS.has(label(o))).map(label),
      seeks: [...new Set(all.map(label).filter((l) => /Index|Seek/.test(l)))],
      dbHits: all.reduce((s, o) => s + (o.dbHits ?? 0), 0),
    };
  }
  return out;
}
