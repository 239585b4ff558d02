import type cytoscape from "cytoscape";
import { useEffect, useRef } from "react";
import { type KgGraph, reorient } from "./model";
import { fitView } from "./view";

/** Past this many elements hovering only lights the neighbourhood up: restyling every other element costs a visible pause. */
const FADE_UP_TO = 4000;

interface Props {
  graph: KgGraph;
  /** Bumped whenever nodes or edges were added, so the hidden sets are applied to the new ones too. */
  version: number;
  hidden: { nodes: readonly string[]; edges: readonly string[] };
  selected: string | null;
  onNodeClick: (id: string) => void;
  onStageClick: () => void;
  onReady: (graph: KgGraph | null) => void;
}

function collect(graph: KgGraph, ids: readonly string[]): cytoscape.Collection {
  const eles = graph.collection();
  for (const id of ids) eles.merge(graph.getElementById(id));
  return eles;
}

/** The canvas: Cytoscape owns its DOM; React only tells it what is hidden and what is selected. */
export function GraphCanvas({ graph, version, hidden, selected, onNodeClick, onStageClick, onReady }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onNodeClick, onStageClick });
  handlers.current = { onNodeClick, onStageClick };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    graph.mount(element);
    fitView(graph);
    // What hovering lit up, kept so leaving clears exactly that even if the node was expanded meanwhile.
    let hovered: cytoscape.NodeSingular | null = null;
    let lit = graph.collection();
    let faded = graph.collection();
    const clear = () => {
      graph.batch(() => {
        lit.removeClass("lit hover");
        faded.removeClass("faded");
      });
      lit = graph.collection();
      faded = graph.collection();
    };
    const light = (node: cytoscape.NodeSingular) => {
      graph.batch(() => {
        clear();
        lit = node.closedNeighborhood();
        lit.addClass("lit");
        node.addClass("hover");
        if (graph.elements().length <= FADE_UP_TO) faded = graph.elements().not(lit).addClass("faded");
      });
    };
    const over = (event: cytoscape.EventObjectNode) => {
      hovered = event.target;
      light(event.target);
      element.style.cursor = "pointer";
    };
    const out = () => {
      hovered = null;
      clear();
      element.style.cursor = "";
    };
    // Expanding the hovered node (a click) brings in neighbours: light them up too, once for the whole batch.
    let queued = false;
    const added = () => {
      if (!hovered || queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        if (hovered) light(hovered);
      });
    };
    const tapNode = (event: cytoscape.EventObjectNode) => handlers.current.onNodeClick(event.target.id());
    const tapStage = (event: cytoscape.EventObject) => {
      if (event.target === graph) handlers.current.onStageClick();
    };
    const dragged = (event: cytoscape.EventObjectNode) => reorient(graph, event.target);
    graph.on("mouseover", "node", over);
    graph.on("mouseout", "node", out);
    graph.on("tap", "node", tapNode);
    graph.on("tap", tapStage);
    graph.on("dragfree", "node", dragged);
    graph.on("add", added);
    // Cytoscape sends no mouseout when the pointer leaves the canvas straight from a node.
    element.addEventListener("mouseleave", out);
    onReady(graph);
    return () => {
      onReady(null);
      graph.removeListener("mouseover", "node", over);
      graph.removeListener("mouseout", "node", out);
      graph.removeListener("tap", "node", tapNode);
      graph.removeListener("tap", tapStage);
      graph.removeListener("dragfree", "node", dragged);
      graph.removeListener("add", added);
      element.removeEventListener("mouseleave", out);
      out();
      graph.unmount();
    };
  }, [graph, onReady]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the graph's content, which React cannot see
  useEffect(() => {
    graph.batch(() => {
      graph.elements(".hidden").removeClass("hidden");
      collect(graph, hidden.nodes).addClass("hidden");
      collect(graph, hidden.edges).addClass("hidden");
    });
  }, [graph, hidden, version]);

  useEffect(() => {
    if (!selected || !graph.hasElementWithId(selected)) return;
    const node = graph.getElementById(selected);
    node.addClass("focus");
    return () => {
      node.removeClass("focus");
    };
  }, [graph, selected]);

  return <div ref={container} className="graph-canvas" role="img" aria-label="关系图" />;
}
