/**
 * Proves the peer answers the same data as the hand-written Cypher (which equals our API's answer):
 * for each benchmark operation, the raw Cypher's `data` against the peer's `data` reshaped by `toOurs`.
 *
 *   npx tsx bench/peer/check.ts
 *
 * starts a throwaway Neo4j with APOC, loads data/corpus with our ingestion, starts the peer, checks
 * every operation, prints `name SAME|DIFF`, exits 1 on any DIFF or GraphQL error, and stops everything.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import neo4j from "neo4j-driver";
import { connectNeo4j } from "../../src/db/connect.js";
import { Executor } from "../../src/db/executor.js";
import { applySchema } from "../../src/db/schema.js";
import { ingestCorpus, ingestDeps } from "../../src/ingest/pipeline.js";
import { createLogger, type Logger } from "../../src/log/logger.js";
import { startBenchNeo4j } from "../neo4j/bench-neo4j.js";
import { OPERATIONS, type Picks } from "../ops/operations.js";
import { PEER_OPERATIONS } from "./operations.js";
import { CORPUS_PICKS } from "../ops/picks.js";
import { startPeer, type PeerTarget } from "./peer-process.js";
import { postGraphQL } from "../measure/clients.js";

export interface PeerCheckTarget {
  neo4j: PeerTarget;
  /** The peer's GraphQL endpoint. */
  peerUrl: string;
}

export interface PeerCheckResult {
  name: string;
  same: boolean;
  /** Why not the same: the first difference, or the peer's errors. Empty when same. */
  detail: string;
}

const MAX_SHOWN = 160;

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The first place two JSON-like values differ, as `path: expected … got …`; undefined when equal. */
export function firstDifference(expected: unknown, actual: unknown, at = "data"): string | undefined {
  if (isDeepStrictEqual(expected, actual)) return undefined;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
      const inner = firstDifference(expected[i], actual[i], `${at}[${i}]`);
      if (inner) return inner;
    }
    return `${at}: ${expected.length} items expected, got ${actual.length}`;
  }
  if (isRecord(expected) && isRecord(actual)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const inner = firstDifference(expected[key], actual[key], `${at}.${key}`);
      if (inner) return inner;
    }
  }
  return `${at}: expected ${show(expected)}, got ${show(actual)}`;
}

/** Runs every operation against the raw Cypher and the peer; `same` when the data deep-equal. */
export async function checkPeer(target: PeerCheckTarget, picks: Picks): Promise<PeerCheckResult[]> {
  const driver = neo4j.driver(target.neo4j.uri, neo4j.auth.basic(target.neo4j.user, target.neo4j.password), { disableLosslessIntegers: true });
  const results: PeerCheckResult[] = [];
  try {
    for (const op of OPERATIONS) {
      const peerOp = PEER_OPERATIONS[op.name];
      if (!peerOp) {
        results.push({ name: op.name, same: false, detail: "no peer operation of this name" });
        continue;
      }
      const { records } = await driver.executeQuery(op.cypher, op.params(picks), { routing: neo4j.routing.READ });
      const expected: unknown = records[0]?.get("data");
      const response = await postGraphQL(target.peerUrl, peerOp.graphql, peerOp.variables(picks));
      if (response.errors && response.errors.length > 0) {
        results.push({ name: op.name, same: false, detail: `peer errors: ${show(response.errors)}` });
        continue;
      }
      let actual: unknown;
      try {
        actual = peerOp.toOurs(response.data);
      } catch (error) {
        results.push({ name: op.name, same: false, detail: `toOurs failed: ${error instanceof Error ? error.message : String(error)}` });
        continue;
      }
      const difference = firstDifference(expected, actual);
      results.push({ name: op.name, same: difference === undefined, detail: difference ?? "" });
    }
  } finally {
    await driver.close();
  }
  return results;
}

export interface CorpusNeo4j {
  target: PeerTarget;
  stop(): Promise<void>;
}

/** A throwaway Neo4j with APOC in a temp dir, holding data/corpus loaded by our ingestion. */
export async function startCorpusNeo4j(log: Logger): Promise<CorpusNeo4j> {
  const homeDir = mkdtempSync(path.join(tmpdir(), "kg-peer-check-"));
  const stopAndClean = async (stop: () => Promise<void>): Promise<void> => {
    try {
      await stop();
    } finally {
      rmSync(homeDir, { recursive: true, force: true });
    }
  };
  const server = await startBenchNeo4j({ homeDir, log, apoc: true }).catch((error: unknown) => {
    rmSync(homeDir, { recursive: true, force: true });
    throw error;
  });
  const target: PeerTarget = { uri: server.uri, user: server.user, password: server.password };
  try {
    const driver = await connectNeo4j({ ...target, waitMs: 10_000 });
    try {
      const executor = new Executor(driver, { database: "neo4j", timeoutMs: 120_000, log });
      await applySchema(executor);
      await ingestCorpus(ingestDeps(executor));
    } finally {
      await driver.close();
    }
  } catch (error) {
    await stopAndClean(server.stop);
    throw error;
  }
  return { target, stop: () => stopAndClean(server.stop) };
}

async function main(): Promise<number> {
  const log = createLogger(process.env.LOG_LEVEL ?? "warn");
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (let stop = stops.pop(); stop; stop = stops.pop()) await stop();
  };
  // Ctrl-C skips `finally`: stop the peer and Neo4j before leaving.
  const onSignal = (): void => void stopAll().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const graph = await startCorpusNeo4j(log);
    stops.push(graph.stop);
    const peer = await startPeer(graph.target);
    stops.push(peer.stop);
    const results = await checkPeer({ neo4j: graph.target, peerUrl: peer.url }, CORPUS_PICKS);
    for (const r of results) console.log(`${r.name} ${r.same ? "SAME" : "DIFF"}${r.same ? "" : `\n  ${r.detail}`}`);
    return results.every((r) => r.same) ? 0 : 1;
  } finally {
    await stopAll();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    },
  );
}
