import { cypher } from "./cypher-query.js";
import type { CypherQuery } from "./cypher-query.js";

/**
 * The graph's version: one `(:GraphVersion {id: 'graph'})` node whose `n` every committed write
 * advances in its own transaction (src/db/executor.ts). `epoch` is drawn when the node is created,
 * so a wiped and reloaded graph never repeats a version an older graph had.
 */
export const GRAPH_VERSION_LABEL = "GraphVersion";

export const BUMP_GRAPH_VERSION: CypherQuery = cypher(
  `MERGE (v:${GRAPH_VERSION_LABEL} {id: 'graph'}) ON CREATE SET v.epoch = randomUUID(), v.n = 1 ON MATCH SET v.n = v.n + 1`,
);

export const READ_GRAPH_VERSION: CypherQuery = cypher(
  `OPTIONAL MATCH (v:${GRAPH_VERSION_LABEL} {id: 'graph'}) RETURN v.epoch + ':' + toString(v.n) AS version`,
);

/** A graph no write has reached yet. */
export const UNWRITTEN = "unwritten";

/**
 * Reads the version so that every caller gets a read that started after it called: a write
 * committed before the call is always seen. Callers arriving while a read is under way share the
 * next one, so under load the reads cost far less than one per request.
 */
export class GraphVersionReader {
  private running: Promise<string> | undefined;
  private queued: Promise<string> | undefined;

  constructor(private readonly read: () => Promise<string | null>) {}

  current(): Promise<string> {
    if (this.queued) return this.queued;
    const running = this.running;
    if (!running) return this.start();
    const after = (): Promise<string> => {
      this.queued = undefined;
      return this.start();
    };
    this.queued = running.then(after, after);
    return this.queued;
  }

  private start(): Promise<string> {
    const read = this.read().then((version) => version ?? UNWRITTEN);
    this.running = read;
    const done = (): void => {
      if (this.running === read) this.running = undefined;
    };
    read.then(done, done);
    return read;
  }
}
