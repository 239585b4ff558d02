import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type CombinedError, useClient } from "urql";
import { ApiError } from "../Status";
import { type FrameStats, measureFrames } from "./frames";
import { type GraphRenderer, GraphCanvas } from "./GraphCanvas";
import { GraphLegend, TypeFilter } from "./GraphControls";
import { addEntity, addRelations, addStressNodes, createGraph, type EntityWithRelations, hiddenBy, type KgGraph, ROOT_SIZE, settle } from "./model";
import { NodePanel } from "./NodePanel";
import { GraphExpandQuery } from "./queries";
import { webglName } from "./renderer";

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
  /** The WebGL renderer string (SwiftShader when the browser renders in software). */
  webgl: string;
  /** Edges are left out while the camera moves (software rendering and many edges). */
  hideEdgesOnMove: boolean;
  /** Frame timings of the last measurement (`?stress=N` measures once by itself after the first draw). */
  frames: FrameStats | null;
}

/** Test hooks (`window.__graph`): where a node is on screen, and a frame-time measurement on demand. */
export interface GraphHooks {
  clientPosition(id: string): { x: number; y: number } | null;
  /** By default with the page's own setting for edges during camera moves; `hideEdgesOnMove` overrides it for the run. */
  measure(durationMs?: number, options?: { hideEdgesOnMove?: boolean }): Promise<FrameStats>;
}

declare global {
  interface Window {
    __graphStats?: GraphStats;
    __graph?: GraphHooks;
  }
}

function build(root: EntityWithRelations, stress: number): { graph: KgGraph; synthetic: number; layoutMs: number } {
  const graph = createGraph();
  addEntity(graph, root, 0, 0, ROOT_SIZE);
  graph.setNodeAttribute(root.id, "fixed", true);
  addRelations(graph, root.id, root.relations.edges, root.relations.totalCount);
  // The first view is a star, already laid out as a ring; the stress nodes are the only ones that need the layout.
  const started = performance.now();
  const synthetic = stress > 0 ? addStressNodes(graph, stress) : 0;
  if (synthetic > 0) settle(graph, 30);
  return { graph, synthetic, layoutMs: Math.round(performance.now() - started) };
}

/** The neighbourhood of one entity, expanded node by node through the API, filtered by relationship type. */
export function GraphExplorer({ root, stress }: { root: EntityWithRelations; stress: number }) {
  const client = useClient();
  const [{ graph, synthetic, layoutMs }] = useState(() => build(root, stress));
  const [version, setVersion] = useState(0);
  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<string>>(() => new Set());
  const [selected, setSelected] = useState<string | null>(root.id);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);
  const [frames, setFrames] = useState<FrameStats | null>(null);
  const [sigma, setSigma] = useState<GraphRenderer | null>(null);
  const inFlight = useRef(new Set<string>());
  const layoutFrame = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the graph's content
  const hidden = useMemo(() => hiddenBy(graph, root.id, hiddenTypes), [graph, root.id, hiddenTypes, version]);

  /** A short ForceAtlas2 run, a few iterations a frame, so new neighbours drift into place instead of jumping. */
  const animateLayout = useCallback(
    (movable: ReadonlySet<string>) => {
      cancelAnimationFrame(layoutFrame.current);
      let left = 20;
      const step = () => {
        settle(graph, 2, movable);
        if (--left > 0) layoutFrame.current = requestAnimationFrame(step);
      };
      layoutFrame.current = requestAnimationFrame(step);
    },
    [graph],
  );
  useEffect(() => () => cancelAnimationFrame(layoutFrame.current), []);

  const expand = useCallback(
    async (id: string) => {
      if (!graph.hasNode(id)) return;
      const attrs = graph.getNodeAttributes(id);
      if (attrs.expanded || attrs.synthetic || inFlight.current.has(id)) return;
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
      const node = result.data?.node;
      const relations = node && "relations" in node ? node.relations : { edges: [], totalCount: 0 };
      const added = addRelations(graph, id, relations.edges, relations.totalCount);
      setVersion((v) => v + 1);
      if (added.length > 0) animateLayout(new Set(added));
    },
    [client, graph, animateLayout],
  );

  const onNodeClick = useCallback(
    (id: string) => {
      setSelected(id);
      void expand(id);
    },
    [expand],
  );
  const onStageClick = useCallback(() => setSelected(null), []);

  // Stress mode measures itself once, after the first frames (glyph atlas, buffers) are out of the way.
  useEffect(() => {
    if (!sigma || synthetic === 0) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void measureFrames(sigma, 2000).then((f) => {
        if (!cancelled) setFrames(f);
      });
    }, 500);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [sigma, synthetic]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the graph's content
  useEffect(() => {
    window.__graphStats = {
      root: root.id,
      nodes: graph.order,
      edges: graph.size,
      visibleNodes: graph.order - hidden.nodes.length,
      visibleEdges: graph.size - hidden.edges.length,
      expanded: graph.filterNodes((_n, a) => a.expanded),
      synthetic,
      layoutMs,
      webgl: sigma ? webglName(sigma) : "",
      hideEdgesOnMove: sigma ? sigma.getSetting("hideEdgesOnMove") : false,
      frames,
    };
  }, [graph, root.id, hidden, version, synthetic, layoutMs, sigma, frames]);

  useEffect(() => {
    if (!sigma) return;
    window.__graph = {
      clientPosition(id) {
        if (!graph.hasNode(id)) return null;
        const { x, y } = graph.getNodeAttributes(id);
        const p = sigma.graphToViewport({ x, y });
        const box = sigma.getContainer().getBoundingClientRect();
        return { x: box.left + p.x, y: box.top + p.y };
      },
      async measure(durationMs, options = {}) {
        const before = sigma.getSetting("hideEdgesOnMove");
        if (options.hideEdgesOnMove !== undefined) sigma.setSetting("hideEdgesOnMove", options.hideEdgesOnMove);
        try {
          return await measureFrames(sigma, durationMs);
        } finally {
          sigma.setSetting("hideEdgesOnMove", before);
        }
      },
    };
    return () => {
      delete window.__graph;
    };
  }, [sigma, graph]);
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
          {frames && ` 帧时间中位数 ${frames.medianMs} ms，p95 ${frames.p95Ms} ms，约 ${frames.fps} 帧/秒。`}
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
            onReady={setSigma}
          />
          <p className="graph-hint muted">
            {pending ? "正在展开…" : `点击节点展开它的关系 · 滚轮缩放 · 拖动平移 · 显示 ${graph.order - hidden.nodes.length} / ${graph.order} 个节点`}
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
