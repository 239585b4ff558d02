import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import type { CypherQuery } from "../db/cypher-query.js";
import { ClientError } from "../errors/client-errors.js";
import { bandKeysOf, candidateLookups, nearDuplicatesOf, type Sketch, sketchPassages } from "./dedupe.js";
import { extractDocument, loadExtractDeps } from "./extract-document.js";
import type { OpResult, WorkerReply, WorkerRequest } from "./extract-protocol.js";
import { buildGraphRows, type GraphRows, rowCounts } from "./graph.js";
import { metadataHash } from "./metadata.js";
import { previewOf } from "./preview.js";
import { validateSource } from "./read.js";
import type { SourceDocument } from "./types.js";
import { writeStatements } from "./write.js";

/** The extraction worker: everything CPU-bound of an ingest, off the API's event loop (see extractor.ts). */

/** Lower priority than the API's thread (0): on a busy machine requests are answered first. */
const WORKER_NICE = 5;

interface JobState {
  source: SourceDocument;
  extraction?: ReturnType<typeof extractDocument>;
  rows?: GraphRows;
  sketches?: Sketch[];
  lookups?: CypherQuery[];
  statements?: CypherQuery[];
  /** The rows as planned, kept for a dry run's preview. */
  graph?: GraphRows;
}

const port = parentPort;
if (!port) throw new Error("extract-worker.ts runs in a worker thread (see extractor.ts)");
// On Linux a nice value is per thread: this one yields the CPU to the thread that answers requests.
if (process.platform === "linux") setPriority(0, WORKER_NICE);
const deps = loadExtractDeps();
const jobs = new Map<number, JobState>();

function job(id: number): JobState {
  const state = jobs.get(id);
  if (!state) throw new Error(`no extraction job ${id}`);
  return state;
}

function extracted(state: JobState): { extraction: ReturnType<typeof extractDocument>; rows: GraphRows; sketches: Sketch[] } {
  if (!state.extraction || !state.rows || !state.sketches) throw new Error("the job has not been extracted");
  return { extraction: state.extraction, rows: state.rows, sketches: state.sketches };
}

function handle(request: WorkerRequest): OpResult[WorkerRequest["op"]] {
  switch (request.op) {
    case "open": {
      const { input } = request;
      const source = input.kind === "source" ? input.source : validateSource(new TextEncoder().encode(input.text), input.sourceFile, input.metadata);
      jobs.set(request.job, { source });
      return { meta: source.meta, sha256: source.sha256, metadataSha256: metadataHash(source.meta), length: source.text.length };
    }
    case "extract": {
      const state = job(request.job);
      const extraction = extractDocument(state.source, deps);
      state.extraction = extraction;
      state.rows = buildGraphRows({ ...extraction, nearDuplicates: [] }, deps);
      state.sketches = sketchPassages(state.source.meta.id, extraction.doc.passages);
      state.lookups = candidateLookups(
        state.source.meta.id,
        state.sketches.map((s) => bandKeysOf(s.sig)),
      );
      return { entityIds: state.rows.entities.map((e) => e.id), lookups: state.lookups.length };
    }
    case "lookup": {
      const lookup = job(request.job).lookups?.[request.index];
      if (!lookup) throw new Error(`no lookup ${request.index} in job ${request.job}`);
      return lookup;
    }
    case "layout": {
      const { rows } = extracted(job(request.job));
      return { articleIds: rows.articles.map((a) => a.id), passageIds: rows.passages.map((p) => p.id) };
    }
    case "plan": {
      const state = job(request.job);
      const { extraction, sketches } = extracted(state);
      // Rows are rebuilt only when some entity of this document was merged into another.
      const rows =
        request.redirects.length > 0
          ? buildGraphRows({ ...extraction, nearDuplicates: [] }, { ...deps, redirects: new Map(request.redirects) })
          : extracted(state).rows;
      const nearDuplicates = nearDuplicatesOf(state.source.meta.id, sketches, request.candidates).map((d) => ({
        fromId: d.passageId,
        toId: d.otherPassageId,
        similarity: d.similarity,
      }));
      const graph = { ...rows, nearDuplicates };
      state.graph = graph;
      state.statements = writeStatements(graph);
      return { statements: state.statements.length, counts: rowCounts(graph), summary: graph.summary, factKeys: graph.factKeys };
    }
    case "statement": {
      const statement = job(request.job).statements?.[request.index];
      if (!statement) throw new Error(`no statement ${request.index} in job ${request.job}`);
      return statement;
    }
    case "preview": {
      const state = job(request.job);
      if (!state.graph || !state.extraction) throw new Error("the job has not been planned");
      return previewOf(state.graph, state.extraction.skippedFigures);
    }
    case "close":
      jobs.delete(request.job);
      return null;
  }
}

port.on("message", (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, ok: true, value: handle(request) };
  } catch (error) {
    const clientError = error instanceof ClientError;
    const message = error instanceof Error ? error.message : String(error);
    reply = { id: request.id, ok: false, error: { clientError, message, ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) } };
  }
  port.postMessage(reply);
});
