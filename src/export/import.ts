import { cypher } from "../db/cypher-query.js";
import type { Executor } from "../db/executor.js";
import { GRAPH_VERSION_LABEL } from "../db/graph-version.js";
import { IngestInputError } from "../errors/client-errors.js";
import { CypherError } from "../errors/internal-errors.js";
import { batches, openExport } from "./readers.js";
import { type ExportedRelationship, type ImportFormat, typedProperties } from "./records.js";

const BATCH = 1000;
const BATCH_TIMEOUT_MS = 10 * 60 * 1000;
const CLEANUP_TIMEOUT_MS = 60 * 60 * 1000;

export interface ImportResult {
  format: ImportFormat;
  nodes: number;
  relationships: number;
}

// The temporary label is IMPORT_KEY_LABEL in records.ts; readers refuse exports that use it.
const CREATE_KEY = cypher("CREATE CONSTRAINT import_key IF NOT EXISTS FOR (n:ImportKey) REQUIRE n.importKey IS UNIQUE");
const DROP_KEY = cypher("DROP CONSTRAINT import_key IF EXISTS");
const CREATE_NODES = `UNWIND $rows AS row
CREATE (n:ImportKey {importKey: row.id})
SET n += row.properties, n:$(row.labels)`;
const CREATE_RELATIONSHIPS = `UNWIND $rows AS row
MATCH (a:ImportKey {importKey: row.start})
MATCH (b:ImportKey {importKey: row.end})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
RETURN count(r) AS created`;
const MISSING_ENDPOINT = `UNWIND $rows AS row
WITH row WHERE NOT EXISTS { MATCH (:ImportKey {importKey: row.start}) } OR NOT EXISTS { MATCH (:ImportKey {importKey: row.end}) }
RETURN row.id AS id, row.start AS start, row.end AS end LIMIT 1`;
const REMOVE_KEYS = cypher("MATCH (n:ImportKey) CALL (n) { REMOVE n:ImportKey REMOVE n.importKey } IN TRANSACTIONS OF 10000 ROWS");
const WIPE = cypher("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");

/** Constraint and type failures while writing mean the export itself is bad, not our code. */
function asInputError(error: unknown): unknown {
  if (error instanceof CypherError && /^Neo\.ClientError\.(Schema|Statement)\./u.test(error.neo4jCode ?? "")) {
    return new IngestInputError(`the export cannot be loaded: ${error.message}`);
  }
  return error;
}

async function createRelationships(executor: Executor, rows: ExportedRelationship[]): Promise<void> {
  const params = { rows: rows.map((r) => ({ id: r.id, type: r.type, start: r.start, end: r.end, properties: typedProperties(r.properties, r.integers) })) };
  await executor.writeSteps(async (run) => {
    const [{ created } = { created: 0 }] = await run<{ created: number }>(cypher(CREATE_RELATIONSHIPS, params));
    if (created === rows.length) return;
    const [missing] = await run<{ id: string; start: string; end: string }>(cypher(MISSING_ENDPOINT, params));
    throw new IngestInputError(`relationship ${missing?.id} joins ${missing?.start} to ${missing?.end}, but the export has no such node`);
  }, BATCH_TIMEOUT_MS);
}

/**
 * Loads an export (JSON Lines or CSV) into an EMPTY database: nodes first, keyed by their
 * exported id under a temporary unique constraint, then relationships, then the keys go.
 * Labels and types travel as parameters (dynamic labels), never as Cypher text. Any failure
 * deletes what was loaded so far: the database is empty again, never half-written.
 */
export async function importGraph(executor: Executor, dir: string): Promise<ImportResult> {
  const source = openExport(dir);
  const [{ n } = { n: 0 }] = await executor.read<{ n: number }>(cypher(`MATCH (n) WHERE NOT n:${GRAPH_VERSION_LABEL} RETURN count(n) AS n`));
  if (n > 0) throw new IngestInputError(`the database holds ${n} nodes; import only into an empty database`);
  await executor.autoCommit(CREATE_KEY);
  const result: ImportResult = { format: source.format, nodes: 0, relationships: 0 };
  try {
    for await (const rows of batches(source.nodes(), BATCH)) {
      const params = { rows: rows.map((r) => ({ id: r.id, labels: r.labels, properties: typedProperties(r.properties, r.integers) })) };
      await executor.write(cypher(CREATE_NODES, params), BATCH_TIMEOUT_MS);
      result.nodes += rows.length;
    }
    for await (const rows of batches(source.relationships(), BATCH)) {
      await createRelationships(executor, rows);
      result.relationships += rows.length;
    }
    await executor.autoCommit(REMOVE_KEYS, CLEANUP_TIMEOUT_MS);
  } catch (error) {
    await executor.autoCommit(WIPE, CLEANUP_TIMEOUT_MS);
    throw asInputError(error);
  } finally {
    await executor.autoCommit(DROP_KEY);
  }
  return result;
}
