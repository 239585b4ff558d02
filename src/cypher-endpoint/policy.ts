/**
 * What the read-only Cypher endpoint lets through, decided before anything runs: first on the
 * text (cheap, clear messages), then on Neo4j's own EXPLAIN of it (the query type and every
 * procedure the plan would call).
 */

export const MAX_QUERY_LENGTH = 10_000;

/** Procedures a researcher may call: schema introspection and full-text search, nothing that writes or administers. */
export const ALLOWED_PROCEDURES = new Set([
  "db.labels",
  "db.relationshipTypes",
  "db.propertyKeys",
  "db.schema.visualization",
  "db.schema.nodeTypeProperties",
  "db.schema.relTypeProperties",
  "db.index.fulltext.queryNodes",
  "db.index.fulltext.queryRelationships",
  "db.index.fulltext.listAvailableAnalyzers",
  "dbms.components",
]);

/**
 * Operators that only pass rows along or compute over them. Neo4j types any query calling a DBMS
 * procedure (dbms.components) "s", even `CALL dbms.components() YIELD name CREATE …`: such a plan
 * is a read only when it holds nothing but these.
 */
const ROW_OPERATORS = new Set([
  "ProduceResults",
  "ProcedureCall",
  "Projection",
  "Filter",
  "Limit",
  "Skip",
  "Sort",
  "PartialSort",
  "Top",
  "PartialTop",
  "Distinct",
  "OrderedDistinct",
  "EagerAggregation",
  "OrderedAggregation",
  "Unwind",
]);

/** SHOW commands that describe the schema; others (transactions, settings, users) are refused. */
const ALLOWED_SHOW = new Set(["ShowIndexes", "ShowConstraints", "ShowProcedures", "ShowFunctions"]);

export class RefusedQuery extends Error {}

/** The text without comments, string literals and quoted names, so keywords inside data cannot trip or hide a check. */
export function codeOnly(query: string): string {
  return query
    .replace(/\/\*[\s\S]*?\*\//gu, " ")
    .replace(/\/\/[^\n]*/gu, " ")
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/gu, "''")
    .replace(/`[^`]*`/gu, "x");
}

const TEXT_RULES: Array<[RegExp, string]> = [
  [/\bLOAD\s+CSV\b/iu, "LOAD CSV is not allowed: this endpoint reads the graph, not files or URLs"],
  [/\bIN\s+(?:\d+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b/iu, "CALL … IN TRANSACTIONS is not allowed"],
  [/\bPERIODIC\s+COMMIT\b/iu, "USING PERIODIC COMMIT is not allowed"],
  [/^\s*(?:EXPLAIN|PROFILE)\b/iu, "send the query without EXPLAIN or PROFILE"],
  [/^\s*USE\b|\bUSE\s+\w/iu, "USE is not allowed: the endpoint reads the knowledge graph only"],
  [
    /\b(?:CREATE|ALTER|DROP|RENAME|GRANT|DENY|REVOKE)\s+(?:OR\s+REPLACE\s+)?(?:USER|ROLE|DATABASE|ALIAS|SERVER|PRIVILEGE)\b/iu,
    "user, role and database administration is not allowed",
  ],
  [/\b(?:START|STOP)\s+DATABASE\b|\bTERMINATE\s+TRANSACTIONS?\b/iu, "database administration is not allowed"],
];

/** Refuses a query by its text alone; returns the normalised text to EXPLAIN. */
export function checkText(query: unknown): string {
  if (typeof query !== "string" || query.trim().length === 0) throw new RefusedQuery('the body needs "query": a Cypher string');
  if (query.length > MAX_QUERY_LENGTH) throw new RefusedQuery(`the query is ${query.length} characters; the limit is ${MAX_QUERY_LENGTH}`);
  const code = codeOnly(query);
  for (const [rule, message] of TEXT_RULES) if (rule.test(code)) throw new RefusedQuery(message);
  return query;
}

export function checkParams(params: unknown): Record<string, unknown> {
  if (params === undefined || params === null) return {};
  if (typeof params !== "object" || Array.isArray(params)) throw new RefusedQuery('"params" must be an object of named parameters');
  return params as Record<string, unknown>;
}

export interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

/** Every operator of an EXPLAIN plan, depth first. */
function operators(plan: PlanNode): PlanNode[] {
  return [plan, ...plan.children.flatMap(operators)];
}

/** The procedure an operator calls, from its details ("db.labels() :: (label :: STRING)"). */
function procedureOf(op: PlanNode): string {
  const details = String(op.arguments.Details ?? op.arguments.Signature ?? "");
  return details.replace(/^\s*/u, "").split("(")[0]?.trim() ?? "";
}

/** Refuses procedures outside the allow-list (named first: the clearest reason), then anything Neo4j itself says is not a read. */
export function checkPlan(queryType: string | undefined, plan: PlanNode | false | undefined): void {
  const types = (plan ? operators(plan) : []).map((op) => ({ op, type: op.operatorType.split("@")[0] ?? "" }));
  for (const { op, type } of types) {
    if (type.startsWith("ProcedureCall")) {
      const name = procedureOf(op);
      if (!ALLOWED_PROCEDURES.has(name))
        throw new RefusedQuery(`procedure ${name || "(unknown)"} is not allowed; allowed: ${[...ALLOWED_PROCEDURES].join(", ")}`);
    }
    if (type === "LoadCSV") throw new RefusedQuery("LOAD CSV is not allowed");
    if (type.startsWith("Transaction")) throw new RefusedQuery("CALL … IN TRANSACTIONS is not allowed");
    if (type.startsWith("Show") && !ALLOWED_SHOW.has(type)) throw new RefusedQuery(`${type.replace(/^Show/u, "SHOW ").toUpperCase()} is not allowed`);
  }
  // Every procedure above is on the allow-list; with nothing but row operators around it, an "s" plan reads.
  const calls = types.some(({ type }) => type.startsWith("ProcedureCall"));
  if (queryType === "s" && calls) {
    if (types.every(({ type }) => ROW_OPERATORS.has(type))) return;
    throw new RefusedQuery(
      "only read queries are allowed; beside a dbms procedure only WITH, WHERE, UNWIND, RETURN, ORDER BY, SKIP, LIMIT, DISTINCT and aggregation may appear",
    );
  }
  if (queryType !== "r") {
    const kind = queryType === "w" ? "writes" : queryType === "rw" ? "reads and writes" : queryType === "s" ? "changes the schema" : "is not a read";
    throw new RefusedQuery(`only read queries are allowed; this one ${kind}`);
  }
}
