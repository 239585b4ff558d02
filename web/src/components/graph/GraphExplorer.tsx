import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type CombinedError, useClient } from "urql";
import { ApiError } from "../Status";
import { type FrameStats, measureFrames } from "./frames";
import { GraphCanvas } from "./GraphCanvas";
import { GraphLegend, TypeFilter } from "./GraphControls";
import { addEntity, addRelations, addStressNodes, createGraph, type EntityWithRelations, hiddenBy, type KgGraph, nodeData, ROOT_SIZE } from "./model";
import { NodePanel } from "./NodePanel";
import { GraphExpandQuery } from "./queries";
import { CANVAS_OPTIONS, EDGES_WHILE_MOVING_UP_TO } from "./style";
import { growFrom, reveal } from "./view";

/** What the page exposes for tests and measurements (`window.__graphStats`); plain data only. */
export interface GraphStats {
  root: string;
  nodes: number;
  edges: number;
  visibleNodes: number;
  visibleEdges: number;
  expanded: string[];
  /** Synthetic nodes added by `?stress=N` (test mode). */
  synthetic: number;
  layoutMs: number;
  /** Cytoscape's renderer: its 2D canvas one, which needs no GPU. */
  renderer: "canvas";
  /** Edges left out, or one stretched bitmap drawn, while the viewport moves (both off: every frame draws all that is visible). */
  hideEdgesOnViewport: boolean;
  textureOnViewport: boolean;
  /** Frame timings of the last measurement (`?stress=N` measures once by itself after the first draw). */
  frames: FrameStats | null;
}

/** Test hooks (`window.__graph`): where a node is on screen, and a frame-time measurement on demand. */
export interface GraphHooks {
  clientPosition(id: string): { x: number; y: number } | null;
  measure(durationMs?: number): Promise<FrameStats>;
}

declare global {
  interface Window {
    __graphStats?: GraphStats;
    __graph?: GraphHooks;
  }
}

/** About how many edges a stress run adds per synthetic node (one to a spiral neighbour, a cross link for one in five). */
const STRESS_EDGES_PER_NODE = 1.2;

function build(root: EntityWithRelations, stress: number): { graph: KgGraph; synthetic: number; layoutMs: number; hideEdgesOnViewport: boolean } {
  // Cytoscape takes this only when created: only stress runs come near the limit (an expansion adds at most 100 edges).
  const hideEdgesOnViewport = root.relations.edges.length + stress * STRESS_EDGES_PER_NODE > EDGES_WHILE_MOVING_UP_TO;
  const graph = createGraph({ hideEdgesOnViewport });
  addEntity(graph, root, { x: 0, y: 0 }, ROOT_SIZE);
  graph.getElementById(root.id).addClass("root");
  addRelations(graph, root.id, root.relations.edges, root.relations.totalCount);
  // The first view is a star, laid out as a ring; stress nodes go on a spiral around it.
  const started = performance.now();
  const synthetic = stress > 0 ? addStressNodes(graph, stress) : 0;
  return { graph, synthetic, layoutMs: Math.round(performance.now() - started), hideEdgesOnViewport };
}

/** The neighbourhood of one entity, expanded node by node through the API, filtered by relationship type. */
export function GraphExplorer({ root, stress }: { root: EntityWithRelations; stress: number }) {
  const client = useClient();
  const [{ graph, synthetic, layoutMs, hideEdgesOnViewport }] = useState(() => build(root, stress));
  const [version, setVersion] = useState(0);
  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<string>>(() => new Set());
  const [selected, setSelected] = useState<string | null>(root.id);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);
  const [frames, setFrames] = useState<FrameStats | null>(null);
  const [mounted, setMounted] = useState<KgGraph | null>(null);
  const inFlight = useRef(new Set<string>());

  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the graph's content
  const hidden = useMemo(() => hiddenBy(graph, root.id, hiddenTypes), [graph, root.id, hiddenTypes, version]);

  const expand = useCallback(
    async (id: string) => {
      if (!graph.hasElementWithId(id)) return;
      const node = graph.getElementById(id);
      const data = nodeData(node);
      if (data.expanded || data.synthetic || inFlight.current.has(id)) return;
      inFlight.current.add(id);
      setPending(id);
      const result = await client.query(GraphExpandQuery, { id }).toPromise();
      inFlight.current.delete(id);
      setPending((p) => (p === id ? null : p));
      if (result.error) {
        setError(result.error);
        return;
      }
      setError(null);
      const entity = result.data?.node;
      const relations = entity && "relations" in entity ? entity.relations : { edges: [], totalCount: 0 };
      const added = graph.collection();
      for (const n of addRelations(graph, id, relations.edges, relations.totalCount)) added.merge(graph.getElementById(n));
      setVersion((v) => v + 1);
      growFrom(node.position(), added.nodes(), () => reveal(graph, added));
    },
    [client, graph],
  );

  const onNodeClick = useCallback(
    (id: string) => {
      setSelected(id);
      void expand(id);
    },
    [expand],
  );
  const onStageClick = useCallback(() => setSelected(null), []);

  // Stress mode measures itself once, after the first frames (label and node bitmaps) are out of the way.
  useEffect(() => {
    if (!mounted || synthetic === 0) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void measureFrames(mounted, 2000).then((f) => {
        if (!cancelled) setFrames(f);
      });
    }, 500);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [mounted, synthetic]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the graph's content
  useEffect(() => {
    const nodes = graph.nodes();
    const edges = graph.edges();
    window.__graphStats = {
      root: root.id,
      nodes: nodes.length,
      edges: edges.length,
      visibleNodes: nodes.length - hidden.nodes.length,
      visibleEdges: edges.length - hidden.edges.length,
      expanded: nodes.filter((n) => nodeData(n).expanded).map((n) => n.id()),
      synthetic,
      layoutMs,
      renderer: "canvas",
      hideEdgesOnViewport,
      textureOnViewport: CANVAS_OPTIONS.textureOnViewport,
      frames,
    };
  }, [graph, root.id, hidden, version, synthetic, layoutMs, hideEdgesOnViewport, frames]);

  useEffect(() => {
    if (!mounted) return;
    window.__graph = {
      clientPosition(id) {
        if (!mounted.hasElementWithId(id)) return null;
        const p = mounted.getElementById(id).renderedPosition();
        const box = mounted.container()?.getBoundingClientRect();
        return box ? { x: box.left + p.x, y: box.top + p.y } : null;
      },
      measure: (durationMs) => measureFrames(mounted, durationMs),
    };
    return () => {
      delete window.__graph;
    };
  }, [mounted]);
  useEffect(() => () => void delete window.__graphStats, []);

  const toggleType = useCallback((type: string) => {
    setHiddenTypes((prev) => {
      const next = new Set(prev);
      if (next.has(type)) next.delete(type);
      else next.add(type);
      return next;
    });
  }, []);

  return (
    <div className="graph-explorer">
      {synthetic > 0 && (
        <p className="graph-stress" role="note">
          压力测试模式：在真实关系之外加入了 {synthetic} 个合成节点（非数据，仅用于测量渲染性能）。
          {hideEdgesOnViewport ? "边太多：缩放、平移时暂不画边。" : ""}
          {frames && ` 首次缩放的帧时间中位数 ${frames.medianMs} ms，p95 ${frames.p95Ms} ms，约 ${frames.fps} 帧/秒。`}
        </p>
      )}
      <div className="graph-toolbar">
        <TypeFilter graph={graph} version={version} hiddenTypes={hiddenTypes} onToggle={toggleType} />
        <GraphLegend graph={graph} version={version} />
      </div>
      {error && <ApiError error={error} />}
      <div className="graph-body">
        <div className="graph-stage">
          <GraphCanvas
            graph={graph}
            version={version}
            hidden={hidden}
            selected={selected}
            onNodeClick={onNodeClick}
            onStageClick={onStageClick}
            onReady={setMounted}
          />
          <p className="graph-hint muted">
            {pending
              ? "正在展开…"
              : `点击节点展开它的关系 · 滚轮缩放 · 拖动平移 · 显示 ${graph.nodes().length - hidden.nodes.length} / ${graph.nodes().length} 个节点`}
          </p>
        </div>
        <NodePanel
          graph={graph}
          version={version}
          id={selected}
          hiddenTypes={hiddenTypes}
          pending={pending}
          onExpand={(id) => void expand(id)}
          onSelect={setSelected}
        />
      </div>
    </div>
  );
}
