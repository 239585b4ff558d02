import { MultiDirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { EntityKind } from "../../gql/graphql";
import type { CitationLike } from "../Citation";

/** One relationship of an entity as the API returns it (`relations.edges`). */
export interface RelationInput {
  type: string;
  direction: "IN" | "OUT" | "BOTH";
  node: { id: string; name: string; kind: EntityKind };
  citations: readonly CitationLike[];
}

/** An entity with its relations, as both graph queries select it. */
export interface EntityWithRelations {
  id: string;
  name: string;
  kind: EntityKind;
  relations: { totalCount: number; edges: readonly RelationInput[] };
}

export interface NodeAttrs {
  label: string;
  /** The label drawn by default: long names (policies) cut short; the full one shows on hover. */
  short: string;
  kind: EntityKind;
  x: number;
  y: number;
  size: number;
  color: string;
  /** Its relations have been fetched and drawn. */
  expanded: boolean;
  /** How many relations the API holds for it (known once expanded). */
  total: number;
  /** Added by the stress test mode: not an entity of the API. */
  synthetic: boolean;
  /** ForceAtlas2 leaves it where it is (the root stays in the middle). */
  fixed?: boolean;
  /** The node whose expansion brought it in: its label points away from that one. */
  parent?: string;
}

export interface EdgeAttrs {
  type: string;
  color: string;
  size: number;
  citations: readonly CitationLike[];
}

export type KgGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;

export const KIND_LABELS: Record<EntityKind, string> = {
  PROVINCE: "省",
  CITY: "市",
  DISTRICT: "区",
  COUNTY: "县",
  SUBDISTRICT: "街道",
  ZONE: "片区",
  PROJECT: "项目",
  ORGANIZATION: "机构",
  PERSON: "人物",
  EVENT: "活动",
  POLICY: "政策",
  INDICATOR: "指标",
};

/** One colour per kind, distinguishable side by side (Tableau 10 plus two). */
export const KIND_COLORS: Record<EntityKind, string> = {
  PROVINCE: "#7f3c8d",
  CITY: "#b3261e",
  DISTRICT: "#e15759",
  COUNTY: "#ff9da7",
  SUBDISTRICT: "#f28e2b",
  ZONE: "#edc948",
  PROJECT: "#59a14f",
  ORGANIZATION: "#4e79a7",
  PERSON: "#76b7b2",
  EVENT: "#b07aa1",
  POLICY: "#9c755f",
  INDICATOR: "#8c8c8c",
};

export const KIND_ORDER = Object.keys(KIND_LABELS) as EntityKind[];

export const TYPE_LABELS: Record<string, string> = {
  PART_OF: "隶属于",
  LOCATED_IN: "位于",
  PARTNER_OF: "结对协作",
  SUB_ORGANIZATION_OF: "下属机构",
  PARTICIPATED_IN: "参与",
  APPLIES_TO: "适用于",
  STRESS_TEST: "合成边（压力测试）",
};

const TYPE_COLORS: Record<string, string> = {
  PART_OF: "#9aa7bd",
  LOCATED_IN: "#8fbf88",
  PARTNER_OF: "#f0a3ac",
  SUB_ORGANIZATION_OF: "#93b4d8",
  PARTICIPATED_IN: "#d2b0cb",
  APPLIES_TO: "#c9b29f",
  STRESS_TEST: "#d5d9e0",
};

const TYPE_ORDER = Object.keys(TYPE_LABELS);
/** The order types are listed in (the filter, the side panel); unknown types last. */
export const typeRank = (type: string): number => {
  const i = TYPE_ORDER.indexOf(type);
  return i < 0 ? TYPE_ORDER.length : i;
};
export const typeLabel = (type: string): string => TYPE_LABELS[type] ?? type;
export const typeColor = (type: string): string => TYPE_COLORS[type] ?? "#b8bfcc";

export const ROOT_SIZE = 15;
const EXPANDED_SIZE = 11;
const LEAF_SIZE = 7;

export function createGraph(): KgGraph {
  return new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
}

const SHORT_LABEL = 14;
export const shortLabel = (name: string): string => (name.length > SHORT_LABEL ? `${name.slice(0, SHORT_LABEL - 1)}…` : name);

export function addEntity(graph: KgGraph, node: { id: string; name: string; kind: EntityKind }, x: number, y: number, size = LEAF_SIZE): boolean {
  if (graph.hasNode(node.id)) return false;
  const attrs = { label: node.name, short: shortLabel(node.name), kind: node.kind, x, y, size, color: KIND_COLORS[node.kind] };
  graph.addNode(node.id, { ...attrs, expanded: false, total: 0, synthetic: false });
  return true;
}

/** Stable per relationship, so the same edge met from either end is drawn once. */
export function edgeKey(source: string, type: string, target: string): string {
  return `${source}|${type}|${target}`;
}

/**
 * Adds the relations of `center` (already in the graph): new neighbours on a ring (the root) or an arc facing outwards
 * (any other node), edges pointing the way the relationship does. Returns the ids of the nodes it added.
 */
export function addRelations(graph: KgGraph, center: string, relations: readonly RelationInput[], total: number): string[] {
  const c = graph.getNodeAttributes(center);
  const unique = [...new Set(relations.map((r) => r.node.id).filter((id) => !graph.hasNode(id)))];
  const known = graph.neighbors(center).map((n) => Math.hypot(graph.getNodeAttribute(n, "x") - c.x, graph.getNodeAttribute(n, "y") - c.y));
  // Nearly as far out as its drawn neighbours are; the first ring at the radius ForceAtlas2 would give a star of that size
  // (about 3.7·√n), so later runs keep the same scale.
  const radius = known.length > 0 ? (known.reduce((a, b) => a + b, 0) / known.length) * 0.9 : Math.max(5, 3.7 * Math.sqrt(unique.length));
  // Around the root all the way; elsewhere on an arc facing away from the root (at 0,0), keeping the picture's shape.
  const outward = Math.atan2(c.y, c.x);
  const arc = c.x === 0 && c.y === 0 ? Math.PI * 2 : Math.min(Math.PI * 1.5, 0.35 * (unique.length + 1));
  const added: string[] = [];
  for (const r of relations) {
    const i = unique.indexOf(r.node.id);
    if (i >= 0 && !graph.hasNode(r.node.id)) {
      const angle = arc === Math.PI * 2 ? (i / unique.length) * arc : outward - arc / 2 + ((i + 1) / (unique.length + 1)) * arc;
      addEntity(graph, r.node, c.x + Math.cos(angle) * radius, c.y + Math.sin(angle) * radius);
      graph.setNodeAttribute(r.node.id, "parent", center);
      added.push(r.node.id);
    }
    const [source, target] = r.direction === "IN" ? [r.node.id, center] : [center, r.node.id];
    const key = edgeKey(source, r.type, target);
    if (!graph.hasEdge(key)) graph.addDirectedEdgeWithKey(key, source, target, { type: r.type, color: typeColor(r.type), size: 1.5, citations: r.citations });
  }
  graph.mergeNodeAttributes(center, { expanded: true, total, size: Math.max(c.size, EXPANDED_SIZE) });
  return added;
}

/** Runs ForceAtlas2 for a few iterations; with `movable`, every other node stays put (what was on screen keeps its place). */
export function settle(graph: KgGraph, iterations: number, movable?: ReadonlySet<string>): void {
  if (graph.order < 2) return;
  const pinned = movable ? graph.filterNodes((key, attrs) => !movable.has(key) && !attrs.fixed) : [];
  for (const key of pinned) graph.setNodeAttribute(key, "fixed", true);
  const inferred = forceAtlas2.inferSettings(graph);
  forceAtlas2.assign(graph, {
    iterations,
    getEdgeWeight: null,
    // No pull to the middle when only new nodes move: it would drag them back into the ring they were placed outside of.
    settings: { ...inferred, gravity: movable ? 0 : 1, scalingRatio: 10, barnesHutOptimize: graph.order > 500 },
  });
  for (const key of pinned) graph.removeNodeAttribute(key, "fixed");
}

/** The mean length of the drawn edges: the layout's unit, to place new nodes at a matching distance. */
export function meanEdgeLength(graph: KgGraph): number {
  let sum = 0;
  graph.forEachEdge((_e, _a, _s, _t, s, t) => {
    sum += Math.hypot(s.x - t.x, s.y - t.y);
  });
  return graph.size > 0 ? sum / graph.size : 1;
}

/** Which nodes and edges the relationship-type filter hides: edges of hidden types, and nodes left with no visible edge (never the root). */
export function hiddenBy(graph: KgGraph, root: string, hiddenTypes: ReadonlySet<string>): { nodes: string[]; edges: string[] } {
  const edges: string[] = [];
  const nodes: string[] = [];
  graph.forEachEdge((key, attrs) => {
    if (hiddenTypes.has(attrs.type)) edges.push(key);
  });
  if (edges.length === 0) return { nodes, edges };
  graph.forEachNode((key) => {
    if (key === root) return;
    const visible = graph.someEdge(key, (_e, attrs) => !hiddenTypes.has(attrs.type));
    if (!visible) nodes.push(key);
  });
  return { nodes, edges };
}

/** Deterministic pseudo-random numbers, so a stress run draws the same graph every time. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * TEST MODE ONLY (`?stress=N`): pads the real neighbourhood with synthetic nodes up to `total`, each hung off an earlier
 * node (a random tree) plus a few cross links, laid out around its parent. Never shown as data: marked `synthetic`.
 */
export function addStressNodes(graph: KgGraph, total: number): number {
  const random = mulberry32(20240601);
  const existing = graph.nodes();
  const unit = meanEdgeLength(graph);
  const count = Math.max(0, total - graph.order);
  const ids: string[] = [...existing];
  for (let i = 0; i < count; i++) {
    const parent = ids[Math.floor(random() * ids.length)] ?? existing[0];
    if (parent === undefined) break;
    const p = graph.getNodeAttributes(parent);
    const angle = random() * Math.PI * 2;
    const distance = unit * (0.25 + random() * 0.5);
    const kind = KIND_ORDER[i % KIND_ORDER.length] ?? "PROJECT";
    const id = `stress:${i}`;
    graph.addNode(id, {
      label: `测试节点${i}`,
      short: `测试节点${i}`,
      kind,
      x: p.x + Math.cos(angle) * distance,
      y: p.y + Math.sin(angle) * distance,
      size: 4,
      color: KIND_COLORS[kind],
      expanded: false,
      total: 0,
      synthetic: true,
      parent,
    });
    graph.addDirectedEdgeWithKey(edgeKey(id, "STRESS_TEST", parent), id, parent, {
      type: "STRESS_TEST",
      color: typeColor("STRESS_TEST"),
      size: 1,
      citations: [],
    });
    ids.push(id);
  }
  // Cross links make it a graph rather than a tree, about one for every five nodes.
  for (let i = 0; i < count / 5; i++) {
    const a = ids[existing.length + Math.floor(random() * count)];
    const b = ids[Math.floor(random() * ids.length)];
    if (a === undefined || b === undefined || a === b) continue;
    const key = edgeKey(a, "STRESS_TEST", b);
    if (!graph.hasEdge(key)) graph.addDirectedEdgeWithKey(key, a, b, { type: "STRESS_TEST", color: typeColor("STRESS_TEST"), size: 1, citations: [] });
  }
  return count;
}
