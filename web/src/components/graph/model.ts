import cytoscape from "cytoscape";
import type { EntityKind } from "../../gql/graphql";
import { label, RELATION_LABEL } from "../../labels";
import type { CitationLike } from "../Citation";
import { CANVAS_OPTIONS, STYLESHEET } from "./style";

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

/** What each node carries (`node.data()`); positions live in Cytoscape. */
export interface NodeData {
  id: string;
  label: string;
  /** The label drawn by default: long names (policies) cut short; the full one shows on hover and selection. */
  short: string;
  kind: EntityKind;
  color: string;
  /** Diameter at zoom 1. */
  size: number;
  /** Its relations have been fetched and drawn. */
  expanded: boolean;
  /** How many relations the API holds for it (known once expanded). */
  total: number;
  /** Added by the stress test mode: not an entity of the API. */
  synthetic: boolean;
  /** The node whose expansion brought it in: its label points away from that one (not `parent`: Cytoscape's compound nodes). */
  origin?: string;
  /** Label rotation and anchor offset (radians, px), so the label runs outwards along the ray from `origin`. */
  angle: number;
  mx: number;
  my: number;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  color: string;
  citations: readonly CitationLike[];
}

/** The graph is Cytoscape's own model: created headless here, drawn once `GraphCanvas` mounts it. */
export type KgGraph = cytoscape.Core;
type Node = cytoscape.NodeSingular;
type Position = { x: number; y: number };

export const nodeData = (node: Node): NodeData => node.data() as NodeData;
export const edgeData = (edge: cytoscape.CollectionArgument): EdgeData => edge.data() as EdgeData;

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

export const KIND_ORDER = Object.keys(KIND_COLORS) as EntityKind[];

const TYPE_COLORS: Record<string, string> = {
  PART_OF: "#9aa7bd",
  LOCATED_IN: "#8fbf88",
  PARTNER_OF: "#f0a3ac",
  SUB_ORGANIZATION_OF: "#93b4d8",
  PARTICIPATED_IN: "#d2b0cb",
  APPLIES_TO: "#c9b29f",
  STRESS_TEST: "#d5d9e0",
};

const TYPE_ORDER = Object.keys(TYPE_COLORS);
/** The order types are listed in (the filter, the side panel); unknown types last. */
export const typeRank = (type: string): number => {
  const i = TYPE_ORDER.indexOf(type);
  return i < 0 ? TYPE_ORDER.length : i;
};
export const typeLabel = (type: string): string => (type === "STRESS_TEST" ? "合成边（压力测试）" : label(RELATION_LABEL, type));
export const typeColor = (type: string): string => TYPE_COLORS[type] ?? "#b8bfcc";

export const ROOT_SIZE = 30;
const EXPANDED_SIZE = 22;
const LEAF_SIZE = 14;
const SYNTHETIC_SIZE = 10;
/** Room along the ring per neighbour: about a label's height and a half, so the radial labels stay apart. */
const RING_SPACING = 30;
const RING_MIN_RADIUS = 140;
/** Gap between a node's edge and the start of its label. */
const LABEL_GAP = 4;

/** A headless Cytoscape instance with the page's style and canvas options, ready to be mounted. */
export function createGraph(options: { hideEdgesOnViewport?: boolean } = {}): KgGraph {
  return cytoscape({ ...CANVAS_OPTIONS, ...options, headless: true, styleEnabled: false, style: STYLESHEET });
}

const SHORT_LABEL = 14;
export const shortLabel = (name: string): string => (name.length > SHORT_LABEL ? `${name.slice(0, SHORT_LABEL - 1)}…` : name);

/** Points the label of `node` away from `from`: rotated along the ray, starting just outside the node, read left to right. */
function orient(node: Node, from: Position): void {
  const p = node.position();
  const size = nodeData(node).size;
  const ray = p.x === from.x && p.y === from.y ? 0 : Math.atan2(p.y - from.y, p.x - from.x);
  const flip = Math.cos(ray) < 0;
  const reach = size / 2 + LABEL_GAP;
  // The anchor is the node's right (or left, flipped) edge; the margin moves it onto the ray.
  node.data({
    angle: flip ? ray + Math.PI : ray,
    mx: reach * Math.cos(ray) + (flip ? size / 2 : -size / 2),
    my: reach * Math.sin(ray),
  });
  if (flip) node.addClass("flip");
  else node.removeClass("flip");
}

/** Re-points the labels of `node` and of the nodes its expansion brought in (after a drag). */
export function reorient(graph: KgGraph, node: Node): void {
  const origin = nodeData(node).origin;
  if (origin) orient(node, graph.getElementById(origin).position());
  const p = node.position();
  for (const child of node.neighborhood("node")) {
    if (nodeData(child).origin === node.id()) orient(child, p);
  }
}

export function addEntity(graph: KgGraph, node: { id: string; name: string; kind: EntityKind }, position: Position, size = LEAF_SIZE): boolean {
  if (graph.hasElementWithId(node.id)) return false;
  const data: NodeData = {
    id: node.id,
    label: node.name,
    short: shortLabel(node.name),
    kind: node.kind,
    color: KIND_COLORS[node.kind],
    size,
    expanded: false,
    total: 0,
    synthetic: false,
    angle: 0,
    mx: 0,
    my: 0,
  };
  graph.add({ group: "nodes", data, position: { ...position } });
  return true;
}

/** Stable per relationship, so the same edge met from either end is drawn once. */
export function edgeKey(source: string, type: string, target: string): string {
  return `${source}|${type}|${target}`;
}

/** Pushes the new nodes off any node closer than `gap` (the others stay put), a few rounds; every node near them counts. */
function relax(graph: KgGraph, moving: readonly Node[], around: Position, radius: number, gap: number): void {
  if (moving.length === 0) return;
  const reach = radius + 3 * gap;
  const movingIds = new Set(moving.map((n) => n.id()));
  const fixed: Position[] = [];
  graph.nodes().forEach((n) => {
    const p = n.position();
    if (!movingIds.has(n.id()) && Math.hypot(p.x - around.x, p.y - around.y) < reach) fixed.push({ ...p });
  });
  const points = moving.map((n) => ({ ...n.position() }));
  for (let round = 0; round < 40; round++) {
    let moved = false;
    points.forEach((p, i) => {
      const push = { x: 0, y: 0 };
      const others = [...fixed, ...points.filter((_q, j) => j !== i)];
      for (const q of others) {
        const dx = p.x - q.x;
        const dy = p.y - q.y;
        const d = Math.hypot(dx, dy);
        if (d >= gap) continue;
        // Coincident points: each its own direction, so they part.
        const [ux, uy] = d > 0.01 ? [dx / d, dy / d] : [Math.cos(i), Math.sin(i)];
        push.x += ux * (gap - d) * 0.5;
        push.y += uy * (gap - d) * 0.5;
      }
      if (push.x !== 0 || push.y !== 0) {
        p.x += push.x;
        p.y += push.y;
        moved = true;
      }
    });
    if (!moved) break;
  }
  moving.forEach((n, i) => {
    const p = points[i];
    if (p) n.position(p);
  });
}

/**
 * Adds the relations of `center` (already in the graph): new neighbours on a ring (the root) or on an arc facing away
 * from the node it came from (any other node), nudged off nodes already there; existing nodes keep their places. Edges
 * point the way the relationship does. Returns the ids of the nodes it added.
 */
export function addRelations(graph: KgGraph, center: string, relations: readonly RelationInput[], total: number): string[] {
  const c = graph.getElementById(center);
  const at = { ...c.position() };
  const data = nodeData(c);
  const unique = [...new Set(relations.map((r) => r.node.id).filter((id) => !graph.hasElementWithId(id)))];
  const known: number[] = [];
  c.neighborhood()
    .nodes()
    .forEach((n) => {
      known.push(Math.hypot(n.position("x") - at.x, n.position("y") - at.y));
    });
  const ring = Math.max(RING_MIN_RADIUS, (unique.length * RING_SPACING) / (2 * Math.PI));
  const radius = known.length > 0 ? Math.max(100, (known.reduce((a, b) => a + b, 0) / known.length) * 0.9) : ring;
  const origin = data.origin ? graph.getElementById(data.origin) : graph.collection();
  const from = origin.nonempty() ? { ...origin.position() } : null;
  // Around a node drawn first all the way; elsewhere on an arc facing away from where it came from.
  const full = from === null;
  const outward = from ? Math.atan2(at.y - from.y, at.x - from.x) : 0;
  const arc = full ? Math.PI * 2 : Math.min(Math.PI * 1.5, (unique.length + 1) * (RING_SPACING / radius) * 1.2);
  const added: string[] = [];
  graph.batch(() => {
    for (const r of relations) {
      const i = unique.indexOf(r.node.id);
      if (i >= 0 && !graph.hasElementWithId(r.node.id)) {
        const angle = full ? (i / unique.length) * arc - Math.PI / 2 : outward - arc / 2 + ((i + 1) / (unique.length + 1)) * arc;
        addEntity(graph, r.node, { x: at.x + Math.cos(angle) * radius, y: at.y + Math.sin(angle) * radius });
        graph.getElementById(r.node.id).data("origin", center);
        added.push(r.node.id);
      }
      const [source, target] = r.direction === "IN" ? [r.node.id, center] : [center, r.node.id];
      const key = edgeKey(source, r.type, target);
      if (!graph.hasElementWithId(key)) {
        const edge: EdgeData = { id: key, source, target, type: r.type, color: typeColor(r.type), citations: r.citations };
        graph.add({ group: "edges", data: edge });
      }
    }
    const nodes = added.map((id) => graph.getElementById(id));
    if (!full) relax(graph, nodes, at, radius, RING_SPACING);
    for (const n of nodes) orient(n, at);
    c.data({ expanded: true, total, size: Math.max(data.size, EXPANDED_SIZE) });
    c.addClass("expanded");
    if (from) orient(c, from);
  });
  return added;
}

/** Which nodes and edges the relationship-type filter hides: edges of hidden types, and nodes left with no visible edge (never the root). */
export function hiddenBy(graph: KgGraph, root: string, hiddenTypes: ReadonlySet<string>): { nodes: string[]; edges: string[] } {
  const edges: string[] = [];
  const nodes: string[] = [];
  if (hiddenTypes.size === 0) return { nodes, edges };
  graph.edges().forEach((e) => {
    if (hiddenTypes.has(edgeData(e).type)) edges.push(e.id());
  });
  if (edges.length === 0) return { nodes, edges };
  graph.nodes().forEach((n) => {
    if (n.id() === root) return;
    if (!n.connectedEdges().some((e) => !hiddenTypes.has(edgeData(e).type))) nodes.push(n.id());
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

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Neighbours on a sunflower spiral are these many steps apart: linking along them gives short, even edges. */
const SPIRAL_STEPS = [8, 13, 21, 34];
const SPIRAL_SPACING = 26;

/**
 * TEST MODE ONLY (`?stress=N`): pads the real neighbourhood with synthetic nodes up to `total`, laid out on a sunflower
 * spiral around it (no layout run: placing 20,000 nodes takes milliseconds), each linked to a spiral neighbour, plus
 * a cross link for about every fifth node. Never shown as data: marked `synthetic`.
 */
export function addStressNodes(graph: KgGraph, total: number): number {
  const random = mulberry32(20240601);
  const count = Math.max(0, total - graph.nodes().length);
  const box = graph.nodes().boundingBox({ includeLabels: false });
  const inner = Math.max(box.w, box.h) / 2 + 3 * RING_SPACING;
  const offset = Math.ceil((inner / SPIRAL_SPACING) ** 2);
  const anchors = graph.nodes().map((n) => n.id());
  const ids: string[] = [];
  const link = (i: number): string => {
    const step = SPIRAL_STEPS[Math.floor(random() * SPIRAL_STEPS.length)] ?? 8;
    return ids[i - step] ?? anchors[Math.floor(random() * anchors.length)] ?? "";
  };
  const elements: cytoscape.ElementDefinition[] = [];
  const seen = new Set<string>();
  const addEdge = (source: string, target: string) => {
    const key = edgeKey(source, "STRESS_TEST", target);
    if (source === "" || target === "" || source === target || seen.has(key)) return;
    seen.add(key);
    const edge: EdgeData = { id: key, source, target, type: "STRESS_TEST", color: typeColor("STRESS_TEST"), citations: [] };
    elements.push({ group: "edges", data: edge, classes: "synthetic" });
  };
  for (let i = 0; i < count; i++) {
    const r = SPIRAL_SPACING * Math.sqrt(i + offset);
    const theta = (i + offset) * GOLDEN_ANGLE;
    const kind = KIND_ORDER[i % KIND_ORDER.length] ?? "PROJECT";
    const id = `stress:${i}`;
    const data: NodeData = {
      id,
      label: `测试节点${i}`,
      short: `测试节点${i}`,
      kind,
      color: KIND_COLORS[kind],
      size: SYNTHETIC_SIZE,
      expanded: false,
      total: 0,
      synthetic: true,
      angle: 0,
      mx: 0,
      my: 0,
    };
    elements.push({ group: "nodes", data, classes: "synthetic", position: { x: r * Math.cos(theta), y: r * Math.sin(theta) } });
    ids.push(id);
  }
  for (let i = 0; i < count; i++) addEdge(ids[i] ?? "", link(i));
  for (let i = 0; i < count / 5; i++) {
    const a = Math.floor(random() * count);
    addEdge(ids[a] ?? "", link(a));
  }
  graph.add(elements);
  return count;
}
