import { encodeCursor } from "./cursor.js";

interface RawConnection {
  __connection: true;
  offset: number;
  first: number;
  totalCount: number | null;
  items: Array<Record<string, unknown>>;
}

function isRawConnection(value: unknown): value is RawConnection {
  return typeof value === "object" && value !== null && (value as { __connection?: unknown }).__connection === true;
}

/**
 * Turns the maps a translated query returns into what the schema's types read: every raw
 * connection (a page of items, its offset and total) gets Relay edges with cursors and pageInfo.
 * Pure; no IO.
 */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (isRawConnection(value)) {
    // The query reads one item past the page when pageInfo is asked for: its presence is hasNextPage.
    const items = value.items.slice(0, value.first).map((item) => shape(item) as Record<string, unknown>);
    const edges = items.map((item, i) => ({ ...item, cursor: encodeCursor(value.offset + i) }));
    return {
      totalCount: value.totalCount,
      edges,
      pageInfo: {
        hasNextPage: value.items.length > value.first,
        hasPreviousPage: value.offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  }
  return value;
}
