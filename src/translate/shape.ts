import { encodeCursor, encodeKeyCursor, type KeyValue } from "./cursor.js";

/**
 * Keys the translated Cypher uses for its own bookkeeping. A GraphQL name (an alias or a field) never
 * holds `#`, so none of them can meet a response key the client chose.
 */
export const TYPENAME_KEY = "#typename";
export const CONNECTION_KEY = "#connection";
export const CURSOR_KEY = "#cursor";
export const PAGE_INFO_KEY = "#pageInfo";
/** An edge's order key in a keyset-paged list: its cursor is made from it. */
export const KEY_KEY = "#key";

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

/** A SKIP-paged connection's page: its offset and size, and how many items it read when no edges were asked. */
interface OffsetMeta {
  offset: number;
  first: number;
  read: number | null;
}

/** A keyset-paged connection's page: the list's name, the page size, whether `after` was given, and the keys read when no edges were asked. */
interface KeysetMeta {
  list: string;
  first: number;
  after: boolean;
  keys: unknown[] | null;
}

const PAGE_INFO_FIELDS = new Set(["hasNextPage", "hasPreviousPage", "startCursor", "endCursor"]);

function isKey(value: unknown): value is KeyValue[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number");
}

/** The cursor of the edge at `index` of the page, from its order key (keyset) or its position (offset). */
function cursorAt(meta: OffsetMeta | KeysetMeta, key: unknown, index: number): string {
  if ("offset" in meta) return encodeCursor(meta.offset + index);
  if (!isKey(key)) throw new Error(`a keyset page of ${meta.list} returned an edge without its order key`);
  return encodeKeyCursor(meta.list, key);
}

const keyOf = (edge: unknown): unknown => (isMap(edge) ? edge[KEY_KEY] : undefined);

/**
 * A raw connection (`{"#connection": meta, <key>: …}`: edge lists, totals and
 * `{"#pageInfo": {<key>: <PageInfo field>}}` under the client's response keys) as the Relay shape.
 * An edge list may hold one item past the page: its presence is hasNextPage, and it is dropped.
 */
function shapeConnection(meta: OffsetMeta | KeysetMeta, raw: Record<string, unknown>): Record<string, unknown> {
  const lists = Object.values(raw).filter((v): v is unknown[] => Array.isArray(v));
  // Every edge list of one connection is the same page; without edges, the keys (keyset) or `read` (offset) tell its size.
  let keys: unknown[] | null = null;
  let read: number;
  if ("offset" in meta) read = meta.read ?? Math.max(0, ...lists.map((l) => l.length));
  else {
    keys = meta.keys ?? lists[0]?.map(keyOf) ?? [];
    read = keys.length;
  }
  const count = Math.min(read, meta.first);
  const startCursor = count > 0 ? cursorAt(meta, keys?.[0], 0) : null;
  const endCursor = count > 0 ? cursorAt(meta, keys?.[count - 1], count - 1) : null;
  const hasPreviousPage = "offset" in meta ? meta.offset > 0 : meta.after;
  const pageInfo: Record<string, unknown> = { hasNextPage: read > meta.first, hasPreviousPage, startCursor, endCursor };
  return projection(
    Object.entries(raw)
      .filter(([k]) => k !== CONNECTION_KEY)
      .map(([k, v]): [string, unknown] => {
        if (Array.isArray(v)) return [k, v.slice(0, meta.first).map((edge, i) => shapeEdge(edge, cursorAt(meta, keyOf(edge), i)))];
        if (isMap(v) && isMap(v[PAGE_INFO_KEY])) {
          const fields = Object.entries(v[PAGE_INFO_KEY]).filter(([, field]) => typeof field === "string" && PAGE_INFO_FIELDS.has(field));
          return [k, projection(fields.map(([key, field]) => [key, pageInfo[field as string]]))];
        }
        return [k, shape(v)];
      }),
  );
}

/** An edge's map with its cursor placed under each key that asked for it; its order key is the translator's, not the client's. */
function shapeEdge(edge: unknown, cursor: string): unknown {
  if (!isMap(edge)) return shape(edge);
  return projection(
    Object.entries(edge)
      .filter(([k]) => k !== KEY_KEY)
      .map(([k, v]): [string, unknown] => [k, isMap(v) && v[CURSOR_KEY] === true ? cursor : shape(v)]),
  );
}

/** The connection bookkeeping under CONNECTION_KEY, when `value` is a raw connection. */
function connectionMeta(value: Record<string, unknown>): OffsetMeta | KeysetMeta | undefined {
  const meta = value[CONNECTION_KEY];
  if (!isMap(meta) || typeof meta.first !== "number") return undefined;
  if (typeof meta.list === "string") {
    return { list: meta.list, first: meta.first, after: meta.after === true, keys: Array.isArray(meta.keys) ? meta.keys : null };
  }
  if (typeof meta.offset === "number") return { offset: meta.offset, first: meta.first, read: typeof meta.read === "number" ? meta.read : null };
  return undefined;
}

/**
 * Turns the maps a translated query returns into what the schema's types read: every raw
 * connection gets Relay edges with cursors and pageInfo, every map becomes a projection keyed by
 * response key (`projectionFieldResolver` reads those). Pure; no IO.
 */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (!isMap(value)) return value;
  const meta = connectionMeta(value);
  if (meta) return shapeConnection(meta, value);
  return projection(Object.entries(value).map(([k, v]): [string, unknown] => [k, shape(v)]));
}
