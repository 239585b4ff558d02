import type { Operation, Picks } from "../ops/operations.js";
import type { Client } from "./clients.js";
import { type Summary, summarize } from "./stats.js";

export interface SequentialOptions {
  warmup: number;
  rounds: number;
}

/** ops × clients latency, one request at a time; each round visits every op and client, so drift hits all alike. */
export async function sequential(
  clients: Client[],
  ops: Operation[],
  picks: Picks,
  options: SequentialOptions,
): Promise<Record<string, Record<string, Summary>>> {
  const samples = new Map(ops.map((op) => [op.name, new Map(clients.map((c): [string, number[]] => [c.name, []]))]));
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    for (const op of ops) {
      for (const client of clients) {
        const started = performance.now();
        await client.call(op, picks);
        if (round >= options.warmup)
          samples
            .get(op.name)
            ?.get(client.name)
            ?.push(performance.now() - started);
      }
    }
  }
  return Object.fromEntries(
    [...samples].map(([op, byClient]) => [op, Object.fromEntries([...byClient].map(([client, values]) => [client, summarize(values)]))]),
  );
}

export interface LoadOptions {
  connections: number;
  durationMs: number;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  latency: Summary;
  perOperation: Record<string, Summary>;
}

/**
 * Closed-loop load: `connections` workers, each sending the operations round-robin (each starting
 * at a different one) back to back until the time is up; every request's latency is kept.
 */
export async function closedLoop(client: Client, ops: Operation[], picks: Picks, options: LoadOptions): Promise<LoadResult> {
  const byOp = new Map(ops.map((op): [string, number[]] => [op.name, []]));
  let errors = 0;
  let firstError: unknown;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const worker = async (offset: number): Promise<void> => {
    for (let i = offset; performance.now() < deadline; i++) {
      const op = ops[i % ops.length] as Operation;
      const t0 = performance.now();
      try {
        await client.call(op, picks);
      } catch (error) {
        errors += 1;
        firstError ??= error;
        continue;
      }
      byOp.get(op.name)?.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, c) => worker(c)));
  const seconds = (performance.now() - started) / 1000;
  const all = [...byOp.values()].flat();
  if (all.length === 0) throw new Error(`${client.name}: no request succeeded under load`, { cause: firstError });
  const perOperation = Object.fromEntries([...byOp].filter(([, values]) => values.length > 0).map(([name, values]) => [name, summarize(values)]));
  return {
    connections: options.connections,
    seconds: Math.round(seconds * 10) / 10,
    requests: all.length,
    errors,
    requestsPerSecond: Math.round((all.length / seconds) * 10) / 10,
    latency: summarize(all),
    perOperation,
  };
}
