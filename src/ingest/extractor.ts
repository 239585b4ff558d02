import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CypherQuery } from "../db/cypher-query.js";
import { IngestInputError } from "../errors/client-errors.js";
import { InternalError } from "../errors/internal-errors.js";
import type { ComparablePassage } from "./dedupe.js";
import type { Extracted, ExtractInput, Layout, OpResult, Planned, Prepared, WorkerReply, WorkerRequest } from "./extract-protocol.js";
import type { IngestPreview } from "./preview.js";

/** Plain JavaScript that registers tsx in the worker: `node --import tsx` does not carry into worker threads. */
const WORKER_BOOT = new URL("./extract-worker-boot.mjs", import.meta.url);
/** Longest one extraction may take (a 5 MB report takes about 25 s on one core) before its worker is stopped. */
export const EXTRACT_TIMEOUT_MS = 300_000;

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;
type Request = WithoutId<WorkerRequest>;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/** One worker thread and its requests in flight; it keeps the process alive only while it holds a job. */
class ExtractWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private gone: Error | undefined;
  /** Open jobs: ingests between `open` and `close`. */
  jobs = 0;

  constructor(private readonly onGone: (worker: ExtractWorker) => void) {
    // No inherited flags: some are refused in workers, and the boot file registers tsx itself.
    this.worker = new Worker(WORKER_BOOT, { execArgv: [] });
    this.worker.unref();
    this.worker.on("message", (reply: WorkerReply) => this.settle(reply));
    this.worker.on("error", (error: Error) => this.fail(new InternalError(`extraction worker failed: ${error.message}`, { cause: error })));
    this.worker.on("exit", (code) => this.fail(new InternalError(`extraction worker exited with code ${code}`)));
  }

  get alive(): boolean {
    return this.gone === undefined;
  }

  request<K extends keyof OpResult>(request: Extract<Request, { op: K }>, timeoutMs?: number): Promise<OpResult[K]> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    return new Promise<OpResult[K]>((resolve, reject) => {
      const pending: Pending = { resolve: (value) => resolve(value as OpResult[K]), reject };
      if (timeoutMs !== undefined) {
        pending.timer = setTimeout(() => {
          this.fail(new InternalError(`extraction took longer than ${timeoutMs / 1000} s and was stopped`));
          void this.worker.terminate();
        }, timeoutMs);
        pending.timer.unref();
      }
      this.pending.set(id, pending);
      this.worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  hold(): void {
    this.jobs += 1;
    this.worker.ref();
  }

  release(): void {
    this.jobs -= 1;
    if (this.jobs === 0) this.worker.unref();
  }

  terminate(): Promise<number> {
    this.fail(new InternalError("the extraction worker was stopped"));
    return this.worker.terminate();
  }

  private settle(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (reply.ok) pending.resolve(reply.value);
    else if (reply.error.clientError) pending.reject(new IngestInputError(reply.error.message));
    else pending.reject(new InternalError(`extraction failed: ${reply.error.message}`, { cause: reply.error.stack }));
  }

  private fail(error: Error): void {
    if (this.gone) return;
    this.gone = error;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
    this.onGone(this);
  }
}

/** One document in a worker, from validation to its write statements; `close` frees the worker's copy. */
export class ExtractJob {
  private closed = false;

  constructor(
    private readonly worker: ExtractWorker,
    private readonly id: number,
    readonly prepared: Prepared,
  ) {}

  /** Segment, find context, link, extract and build the graph rows; what the transaction must look up first. */
  extract(timeoutMs = EXTRACT_TIMEOUT_MS): Promise<Extracted> {
    return this.worker.request({ op: "extract", job: this.id }, timeoutMs);
  }

  /** One near-duplicate candidate lookup, fetched one by one like the statements. */
  lookup(index: number): Promise<CypherQuery> {
    return this.worker.request({ op: "lookup", job: this.id, index });
  }

  /** The ids of the articles and passages the rows have. */
  layout(): Promise<Layout> {
    return this.worker.request({ op: "layout", job: this.id });
  }

  /** Resolve merged entities, verify near-duplicate candidates, make the write statements. */
  plan(redirects: Array<[string, string]>, candidates: ComparablePassage[]): Promise<Planned> {
    return this.worker.request({ op: "plan", job: this.id, redirects, candidates });
  }

  /** One write statement: fetched one by one, so the API thread never decodes a whole document's rows at once. */
  statement(index: number): Promise<CypherQuery> {
    return this.worker.request({ op: "statement", job: this.id, index });
  }

  /** What the planned rows would add, with offsets: a dry run's answer (after `plan`). */
  preview(): Promise<IngestPreview> {
    return this.worker.request({ op: "preview", job: this.id });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.worker.release();
    // A worker that is gone holds nothing; the rejection of its close request needs no handling.
    if (this.worker.alive) this.worker.request({ op: "close", job: this.id }).catch(() => undefined);
  }
}

export interface ExtractorOptions {
  /** Worker threads at most; each holds its own copy of the gazetteer and registry (about 100 MB). */
  workers?: number;
}

/** A small pool of extraction workers, started on first use; a job stays on the worker that opened it. */
export class Extractor {
  private readonly workers: ExtractWorker[] = [];
  private readonly size: number;
  private nextJob = 1;

  constructor(options: ExtractorOptions = {}) {
    this.size = Math.max(1, options.workers ?? Math.min(4, availableParallelism() - 1));
  }

  /** Validates (for text input) and holds the document in a worker; IngestInputError for bad input. */
  async open(input: ExtractInput): Promise<ExtractJob> {
    const worker = this.pick();
    const id = this.nextJob++;
    worker.hold();
    try {
      const prepared = await worker.request({ op: "open", job: id, input });
      return new ExtractJob(worker, id, prepared);
    } catch (error) {
      worker.release();
      throw error;
    }
  }

  /** Stops every worker; a later `open` starts new ones. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private pick(): ExtractWorker {
    const idle = this.workers.find((w) => w.jobs === 0);
    if (idle) return idle;
    if (this.workers.length < this.size) {
      const worker = new ExtractWorker((gone) => {
        const index = this.workers.indexOf(gone);
        if (index >= 0) this.workers.splice(index, 1);
      });
      this.workers.push(worker);
      return worker;
    }
    return this.workers.reduce((a, b) => (b.jobs < a.jobs ? b : a));
  }
}

let shared: Extractor | undefined;

/** The process's pool: workers load the reference data once, whoever ingests. */
export function sharedExtractor(): Extractor {
  shared ??= new Extractor();
  return shared;
}
