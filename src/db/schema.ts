import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { InternalError } from "../errors/index.js";
import { cypher } from "./cypher-query.js";
import type { Executor } from "./executor.js";

// Located from this file, not from neo4j/paths.ts: db/ sits below neo4j/ and must not import it.
export const SCHEMA_FILE = fileURLToPath(new URL("../../cypher/schema.cypher", import.meta.url));

export interface SchemaStatement {
  name: string;
  cypher: string;
}

const NAMED = /^CREATE\s+(?:CONSTRAINT|(?:RANGE\s+|TEXT\s+|POINT\s+|FULLTEXT\s+|VECTOR\s+|LOOKUP\s+)?INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS\b/i;

/** Splits a schema file into named, idempotent statements; refuses anything else. */
export function parseSchema(text: string): SchemaStatement[] {
  const body = text
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n");
  return body
    .split(";")
    .map((statement) => statement.trim().replace(/\s+/g, " "))
    .filter((statement) => statement.length > 0)
    .map((statement) => {
      const match = NAMED.exec(statement);
      if (!match?.[1]) {
        throw new InternalError(`schema statement must be a named CREATE … IF NOT EXISTS: ${statement}`);
      }
      return { name: match[1], cypher: statement };
    });
}

export function loadSchema(file = SCHEMA_FILE): SchemaStatement[] {
  return parseSchema(readFileSync(file, "utf8"));
}

/** Applies every statement (each in its own schema transaction) and waits for indexes to come online. */
export async function applySchema(executor: Executor, statements = loadSchema()): Promise<void> {
  for (const statement of statements) await executor.autoCommit(cypher(statement.cypher));
  await awaitIndexes(executor);
}

/** Waits until every index is online (populating after a schema change or a bulk load). */
export async function awaitIndexes(executor: Executor, seconds = 300): Promise<void> {
  await executor.autoCommit(cypher("CALL db.awaitIndexes($seconds)", { seconds }));
}

export interface SchemaStatus {
  applied: boolean;
  missing: string[];
  notOnline: string[];
}

/** Compares the database with the schema file: every named index and constraint present and ONLINE. */
export async function schemaStatus(executor: Executor, statements = loadSchema()): Promise<SchemaStatus> {
  const names = statements.map((s) => s.name);
  const rows = await executor.read<{ name: string; state: string }>(
    cypher("SHOW INDEXES YIELD name, state WHERE name IN $names RETURN name, state", { names }),
  );
  const constraints = await executor.read<{ name: string }>(cypher("SHOW CONSTRAINTS YIELD name WHERE name IN $names RETURN name", { names }));
  const found = new Set([...rows.map((r) => r.name), ...constraints.map((r) => r.name)]);
  const missing = names.filter((name) => !found.has(name));
  const notOnline = rows.filter((r) => r.state !== "ONLINE").map((r) => r.name);
  return { applied: missing.length === 0 && notOnline.length === 0, missing, notOnline };
}
