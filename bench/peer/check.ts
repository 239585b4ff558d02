/**
 * Proves the peer answers the same data as the hand-written Cypher (which equals our API's answer):
 * for each benchmark operation, the raw Cypher's `data` against the peer's `data` reshaped by `toOurs`.
 *
 *   npx tsx bench/peer/check.ts
 *
 * starts a throwaway Neo4j with APOC, loads data/corpus with our ingestion, starts the peer, checks
 * every operation, prints `name SAME|DIFF`, exits 1 on any DIFF or GraphQL error, and stops everything.
 */
import { applySchema } from "../../src/db/schema.js";
import { ingestCorpus, ingestDeps } from "../../src/ingest/pipeline.js";
import { createLogger } from "../../src/log/logger.js";
import { cypherClient, peerClient } from "../measure/clients.js";
import { compareAnswers } from "../measure/same-answers.js";
import { startBenchNeo4j, executorFor } from "../neo4j/bench-neo4j.js";
import { CORPUS_PICKS } from "../ops/picks.js";
import { startPeer } from "./peer-process.js";

async function main(): Promise<number> {
  const log = createLogger(process.env.LOG_LEVEL ?? "warn");
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (let stop = stops.pop(); stop; stop = stops.pop()) await stop();
  };
  // Ctrl-C skips `finally`: stop the peer, the driver and Neo4j before leaving.
  const onSignal = (): void => void stopAll().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const neo = await startBenchNeo4j({ log, apoc: true });
    stops.push(neo.stop);
    const executor = await executorFor(neo);
    stops.push(() => executor.driver.close());
    await applySchema(executor);
    await ingestCorpus(ingestDeps(executor));
    const peer = await startPeer(neo);
    stops.push(peer.stop);
    const results = await compareAnswers(cypherClient(executor.driver), peerClient(peer.baseUrl), CORPUS_PICKS);
    for (const r of results) console.log(`${r.name} ${r.same ? "SAME" : "DIFF"}${r.same ? "" : `\n  ${r.detail}`}`);
    return results.every((r) => r.same) ? 0 : 1;
  } finally {
    await stopAll();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
