import { encodeCursor } from "./cursor.js";

/**
 * Keys the translated Cypher uses for its own bookkeeping. A GraphQL name (an alias or a field) never
 * holds `#`, so none of them can meet a response key the client chose.
 */
export const TYPENAME_KEY = "#typename";
export const CONNECTION_KEY = "#connection";
export const CURSOR_KEY = "#cursor";
export const PAGE_INFO_KEY = "#pageInfo";

/** Marks the objects `shape` builds: their keys are response keys (aliases), not field names. */
const PROJECTION = Symbol("projection");

export function isProjection(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && Object.hasOwn(value, PROJECTION);
}

/** An object from entries, own properties only (`__proto__` is a key like any other) and marked as a projection. */
function projection(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  return Object.defineProperty(Object.fromEntries(entries), PROJECTION, { value: true });
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

interface ConnectionMeta {
  offset: number;
  first: number;
  /** How many items the page read, when no edges were asked for to tell. */
  read?: number | null;
}

const PAGE_INFO_FIELDS = new Set(["hasNextPage", "hasPreviousPage", "startCursor", "endCursor"]);

/**
 * A raw connection (`{"#connection": {offset, first, read}, <key>: …}`: edge lists, totals and
 * `{"#pageInfo": {<key>: <PageInfo field>}}` under the client's response keys) as the Relay shape.
 * An edge list may hold one item past the page: its presence is hasNextPage, and it is dropped.
 */
function shapeConnection(meta: ConnectionMeta, raw: Record<string, unknown>): Record<string, unknown> {
  const lists = Object.values(raw).filter((v): v is unknown[] => Array.isArray(v));
  const read = typeof meta.read === "number" ? meta.read : Math.max(0, ...lists.map((l) => l.length));
  const count = Math.min(read, meta.first);
  const startCursor = count > 0 ? encodeCursor(meta.offset) : null;
  const endCursor = count > 0 ? encodeCursor(meta.offset + count - 1) : null;
  const pageInfo: Record<string, unknown> = { hasNextPage: read > meta.first, hasPreviousPage: meta.offset > 0, startCursor, endCursor };
  return projection(
    Object.entries(raw)
      .filter(([k]) => k !== CONNECTION_KEY)
      .map(([k, v]): [string, unknown] => {
        if (Array.isArray(v)) return [k, v.slice(0, meta.first).map((edge, i) => shapeEdge(edge, encodeCursor(meta.offset + i)))];
        if (isMap(v) && isMap(v[PAGE_INFO_KEY])) {
          const fields = Object.entries(v[PAGE_INFO_KEY]).filter(([, field]) => typeof field === "string" && PAGE_INFO_FIELDS.has(field));
          return [k, projection(fields.map(([key, field]) => [key, pageInfo[field as string]]))];
        }
        return [k, shape(v)];
      }),
  );
}

/** An edge's map with its cursor placed under each key that asked for it. */
function shapeEdge(edge: unknown, cursor: string): unknown {
  if (!isMap(edge)) return shape(edge);
  return projection(Object.entries(edge).map(([k, v]): [string, unknown] => [k, isMap(v) && v[CURSOR_KEY] === true ? cursor : shape(v)]));
}

/**
 * Turns the maps a translated query returns into what the schema's types read: every raw
 * connection gets Relay edges with cursors and pageInfo, every map becomes a projection keyed by
 * response key (`projectionFieldResolver` reads those). Pure; no IO.
 */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (!isMap(value)) return value;
  const meta = value[CONNECTION_KEY];
  if (isMap(meta) && typeof meta.offset === "number" && typeof meta.first === "number") {
    return shapeConnection({ offset: meta.offset, first: meta.first, read: typeof meta.read === "number" ? meta.read : null }, value);
  }
  return projection(Object.entries(value).map(([k, v]): [string, unknown] => [k, shape(v)]));
}
