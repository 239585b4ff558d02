import type { CypherQuery } from "../db/cypher-query.js";

/**
 * Collects parameters and hands out variable names while a translator writes Cypher. Values
 * from a request only ever become parameters; the text holds nothing but names made here and
 * constants from allow-lists.
 */
export class CypherBuilder {
  private readonly params: Record<string, unknown> = {};
  private paramCount = 0;
  private varCount = 0;

  /** A parameter holding `value`; returns its placeholder (`$p0`). */
  param(value: unknown): string {
    const name = `p${this.paramCount++}`;
    this.params[name] = value;
    return `$${name}`;
  }

  /** A fresh variable name (`n0`, `n1` …) for a nested pattern. */
  variable(prefix = "n"): string {
    return `${prefix}${this.varCount++}`;
  }

  build(cypher: string): CypherQuery {
    return { cypher: cypher.trim(), params: { ...this.params } };
  }
}
