import type { Operation, Picks } from "../ops/operations.js";
import type { Client } from "./clients.js";
import { type Summary, summarize } from "./stats.js";

export interface SequentialOptions {
  warmup: number;
  rounds: number;
}

/** ops × clients latency, one request at a time; each round visits every op and client, so drift hits all alike. */
export async function sequential(clients: Client[], ops: Operation[], picks: Picks, options: SequentialOptions): Promise<Record<string, Record<string, Summary>>> {
  const samples = new Map<string, number[]>();
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    for (const op of ops) {
      for (const client of clients) {
        const started = performance.now();
        await client.call(op, picks);
        const ms = performance.now() - started;
        if (round < options.warmup) continue;
        const key = `${op.name}\u0000${client.name}`;
        samples.set(key, samples.get(key) ?? []);
        samples.get(key)?.push(ms);
      }
    }
  }
  const out: Record<string, Record<string, Summary>> = {};
  for (const [key, values] of samples) {
    const [op, client] = key.split("\u0000") as [string, string];
    (out[op] ??= {})[client] = summarize(values);
  }
  return out;
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
  const all: number[] = [];
  const byOp = new Map<string, number[]>();
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
      const ms = performance.now() - t0;
      all.push(ms);
      if (!byOp.has(op.name)) byOp.set(op.name, []);
      byOp.get(op.name)?.push(ms);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, c) => worker(c)));
  const seconds = (performance.now() - started) / 1000;
  if (all.length === 0) throw new Error(`${client.name}: no request succeeded under load`, { cause: firstError });
  const perOperation: Record<string, Summary> = {};
  for (const [name, values] of byOp) perOperation[name] = summarize(values);
  return { connections: options.connections, seconds: Math.round(seconds * 10) / 10, requests: all.length, errors, requestsPerSecond: Math.round((all.length / seconds) * 10) / 10, latency: summarize(all), perOperation };
}
