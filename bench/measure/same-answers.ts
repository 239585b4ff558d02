import { isDeepStrictEqual } from "node:util";
import { OPERATIONS, type Picks } from "../ops/operations.js";
import type { Client } from "./clients.js";

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

export interface AnswerCheck {
  name: string;
  same: boolean;
  /** Why not the same: the first difference, or the error a client raised. Empty when same. */
  detail: string;
}

/** Every benchmark operation through `reference` and `other`: the same data, or where they part. */
export async function compareAnswers(reference: Client, other: Client, picks: Picks): Promise<AnswerCheck[]> {
  const results: AnswerCheck[] = [];
  for (const op of OPERATIONS) {
    try {
      const difference = firstDifference(await reference.call(op, picks), await other.call(op, picks));
      results.push({ name: op.name, same: difference === undefined, detail: difference ?? "" });
    } catch (error) {
      results.push({ name: op.name, same: false, detail: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
