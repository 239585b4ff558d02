/** Keeps a bench Neo4j up on the 10k graph for experiments; writes its uri and password to /tmp/ab/neo.json. */
import { writeFileSync } from "node:fs";
import { createLogger } from "../../src/log/logger.js";
import { buildStore, storeHome } from "../data/store.js";
import { LARGE_GRAPH_MEMORY, startBenchNeo4j } from "../neo4j/bench-neo4j.js";

const log = createLogger("warn");
await buildStore({ nodes: 10_000, seed: 42, log });
const neo = await startBenchNeo4j({ homeDir: storeHome(10_000, 42), log, ...LARGE_GRAPH_MEMORY });
writeFileSync("/tmp/ab/neo.json", JSON.stringify({ uri: neo.uri, user: neo.user, password: neo.password, pid: neo.pid }));
process.stdout.write(`NEO ${neo.uri}\n`);
const stop = (): void => void neo.stop().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
setInterval(() => {}, 1 << 30);
