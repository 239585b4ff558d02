import { useEffect, useRef } from "react";
import type { KgGraph } from "./model";
import { createRenderer, type GraphRenderer, isSoftwareRenderer, webglName } from "./renderer";

export type { GraphRenderer };

const ALL_LABELS_UP_TO = 60;
/** Past this many drawn edges a software-rendered browser (no GPU) cannot redraw them every frame of a pan or zoom. */
const SOFTWARE_EDGES_WHILE_MOVING = 500;

interface Props {
  graph: KgGraph;
  /** Bumped whenever nodes or edges were added, so the hidden sets are applied to the new ones too. */
  version: number;
  hidden: { nodes: readonly string[]; edges: readonly string[] };
  selected: string | null;
  onNodeClick: (id: string) => void;
  onStageClick: () => void;
  onReady: (renderer: GraphRenderer | null) => void;
}

/** The WebGL canvas: sigma owns its DOM; React only tells it what is hidden and what is selected. */
export function GraphCanvas({ graph, version, hidden, selected, onNodeClick, onStageClick, onReady }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<GraphRenderer | null>(null);
  const software = useRef(false);
  const handlers = useRef({ onNodeClick, onStageClick });
  handlers.current = { onNodeClick, onStageClick };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const sigma = createRenderer(graph, element);
    renderer.current = sigma;
    software.current = isSoftwareRenderer(webglName(sigma));
    // What hovering lit up, kept so leaving clears exactly that even if the node was expanded meanwhile.
    let active = { nodes: [] as string[], edges: [] as string[] };
    sigma.on("enterNode", ({ node }) => {
      active = { nodes: [node, ...graph.neighbors(node)], edges: graph.edges(node) };
      sigma.setNodesState(active.nodes, { isActive: true });
      sigma.setEdgesState(active.edges, { isActive: true });
      sigma.setGraphState({ hasActiveSubgraph: true });
    });
    sigma.on("leaveNode", () => {
      sigma.setNodesState(
        active.nodes.filter((n) => graph.hasNode(n)),
        { isActive: false },
      );
      sigma.setEdgesState(
        active.edges.filter((e) => graph.hasEdge(e)),
        { isActive: false },
      );
      sigma.setGraphState({ hasActiveSubgraph: false });
      active = { nodes: [], edges: [] };
    });
    sigma.on("clickNode", ({ node }) => handlers.current.onNodeClick(node));
    sigma.on("clickStage", () => handlers.current.onStageClick());
    onReady(sigma);
    return () => {
      onReady(null);
      renderer.current = null;
      sigma.kill();
    };
  }, [graph, onReady]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the graph's content, which React cannot see
  useEffect(() => {
    const sigma = renderer.current;
    if (!sigma) return;
    // Every label while few enough nodes are on screen to read them all; sigma's density culling beyond.
    sigma.setGraphState({ allLabels: graph.order - hidden.nodes.length <= ALL_LABELS_UP_TO });
    sigma.setSetting("hideEdgesOnMove", software.current && graph.size - hidden.edges.length > SOFTWARE_EDGES_WHILE_MOVING);
    sigma.setNodesState(graph.nodes(), { isHidden: false });
    sigma.setEdgesState(graph.edges(), { isHidden: false });
    sigma.setNodesState([...hidden.nodes], { isHidden: true });
    sigma.setEdgesState([...hidden.edges], { isHidden: true });
  }, [graph, hidden, version]);

  useEffect(() => {
    const sigma = renderer.current;
    if (!sigma || !selected || !graph.hasNode(selected)) return;
    sigma.setNodeState(selected, { isSelected: true });
    return () => {
      if (graph.hasNode(selected)) sigma.setNodeState(selected, { isSelected: false });
    };
  }, [graph, selected]);

  return <div ref={container} className="graph-canvas" role="img" aria-label="关系图" />;
}
