import { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isNode, isPath, isPoint, isRelationship, isTime } from "neo4j-driver";

/** A Neo4j value as JSON: nodes and relationships with their element ids, temporal values as ISO strings. */
export function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isNode(value as never)) {
    const node = value as { elementId: string; labels: string[]; properties: Record<string, unknown> };
    return { elementId: node.elementId, labels: node.labels, properties: toJson(node.properties) };
  }
  if (isRelationship(value as never)) {
    const r = value as { elementId: string; type: string; startNodeElementId: string; endNodeElementId: string; properties: Record<string, unknown> };
    return { elementId: r.elementId, type: r.type, start: r.startNodeElementId, end: r.endNodeElementId, properties: toJson(r.properties) };
  }
  if (isPath(value as never)) {
    const p = value as { segments: Array<{ start: unknown; relationship: unknown; end: unknown }> };
    return { segments: p.segments.map((s) => ({ start: toJson(s.start), relationship: toJson(s.relationship), end: toJson(s.end) })) };
  }
  const v = value as never;
  if (isDate(v) || isDateTime(v) || isLocalDateTime(v) || isLocalTime(v) || isTime(v) || isDuration(v) || isPoint(v)) return String(value);
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, toJson(x)]));
  return value;
}
