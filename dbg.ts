import { randomBytes } from "node:crypto";
import { createLogger } from "./src/log/logger.js";
import { startEmbeddedNeo4j } from "./src/neo4j/embedded.js";
import { requireJava } from "./src/neo4j/java.js";
import { freePort } from "./src/neo4j/free-port.js";
import { connectNeo4j } from "./src/db/connect.js";
import { Executor } from "./src/db/executor.js";
import { applySchema } from "./src/db/schema.js";
import { ingestCorpus, ingestDeps } from "./src/ingest/pipeline.js";
const java = requireJava(); const pw = randomBytes(9).toString("base64url");
const neo = await startEmbeddedNeo4j({ settings: { boltHost: "127.0.0.1", boltPort: await freePort(), homeDir: "/tmp/kgdbg", heap: "1g", pageCache: "128m", txTimeout: "60s", startTimeoutMs: 120000 }, password: pw, javaCommand: java.command, javaMajor: java.major, log: createLogger("warn") });
const d = await connectNeo4j({ uri: neo.uri, user: "neo4j", password: pw });
const ex = new Executor(d, { database: "neo4j", timeoutMs: 60000 });
await applySchema(ex);
await ingestCorpus(ingestDeps(ex));
for (const c of process.argv.slice(2)) { console.log("### " + c); console.table(await ex.read({ cypher: c, params: {} })); }
await d.close(); await neo.stop();
