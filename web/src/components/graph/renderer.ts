// biome-ignore-all lint/suspicious/noThenProperty: sigma's style rules are written { when, then, else }
import Sigma from "sigma";
import { extremityArrow, layerFill, layerPlain, pathLine, pathLoop, sdfCircle } from "sigma/rendering";
import type { EdgeAttrs, KgGraph, NodeAttrs } from "./model";

/** Labels are drawn by sigma into a glyph atlas from this stack: a CJK face first, or 中文 comes out as boxes. */
export const LABEL_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
const FADED_NODE = "#e4e7ed";
const FADED_EDGE = "#eef0f4";

/** What the style functions get of the graph (sigma hands them graphology's untyped view). */
interface Positions {
  hasNode(key: string): boolean;
  getNodeAttributes(key: string): Record<string, unknown>;
}

/** The direction from the node it was expanded from, so labels point away from the cluster's middle. */
function rayAngle(attrs: NodeAttrs, graph: Positions): number {
  const from = attrs.parent && graph.hasNode(attrs.parent) ? graph.getNodeAttributes(attrs.parent) : { x: 0, y: 0 };
  const dx = attrs.x - Number(from.x);
  const dy = attrs.y - Number(from.y);
  return dx === 0 && dy === 0 ? 0 : Math.atan2(dy, dx);
}

/** Along the ray, turned so the text still reads left to right (and then hangs off the node's left side). */
function labelAngle(attrs: NodeAttrs, graph: Positions): number {
  const angle = rayAngle(attrs, graph);
  return Math.cos(angle) < 0 ? angle + Math.PI : angle;
}

export function createRenderer(graph: KgGraph, container: HTMLElement) {
  return new Sigma(graph, container, {
    customNodeState: { isActive: false, isSelected: false },
    customEdgeState: { isActive: false },
    customGraphState: { hasActiveSubgraph: false, allLabels: true },
    primitives: {
      nodes: { shapes: [sdfCircle()], layers: [layerFill()], label: { font: { family: LABEL_FONT } } },
      edges: { paths: [pathLine(), pathLoop()], extremities: [extremityArrow({ lengthRatio: 4, widthRatio: 3.5 })], layers: [layerPlain()] },
    },
    styles: {
      nodes: [
        {
          x: { attribute: "x" },
          y: { attribute: "y" },
          size: { attribute: "size" },
          color: { attribute: "color" },
          label: { attribute: "short" },
          // Labels point away from the node each was expanded from, along the ray: a ring of neighbours keeps them apart.
          labelPosition: (attrs: NodeAttrs, _state, _graphState, graph) => (Math.cos(rayAngle(attrs, graph)) < 0 ? "left" : "right"),
          labelAngle: (attrs: NodeAttrs, _state, _graphState, graph) => labelAngle(attrs, graph),
          labelFont: LABEL_FONT,
          labelSize: 13,
          labelColor: "#1d2330",
          visibility: { whenState: "isHidden", then: "hidden", else: "visible" },
          depth: "nodes",
        },
        { when: (_attrs, _state, graphState) => graphState.allLabels, then: { labelVisibility: "visible" } },
        { when: (attrs: NodeAttrs) => attrs.expanded, then: { labelVisibility: "visible", labelSize: 14 } },
        {
          when: (_attrs, state, graphState) => graphState.hasActiveSubgraph && !state.isActive && !state.isSelected,
          then: { color: FADED_NODE, labelVisibility: "hidden" },
        },
        { whenState: "isActive", then: { depth: "topNodes", labelVisibility: "visible" } },
        {
          whenState: "isSelected",
          then: {
            label: { attribute: "label" },
            depth: "topNodes",
            labelVisibility: "visible",
            backdropVisibility: "visible",
            backdropColor: "#ffffff",
            backdropShadowColor: "rgba(179, 38, 30, 0.55)",
            backdropShadowBlur: 14,
            backdropPadding: 5,
          },
        },
        {
          whenState: "isHovered",
          then: {
            label: { attribute: "label" },
            depth: "topNodes",
            labelVisibility: "visible",
            backdropVisibility: "visible",
            backdropColor: "#ffffff",
            backdropShadowColor: "rgba(0, 0, 0, 0.4)",
            backdropShadowBlur: 12,
            backdropPadding: 5,
            cursor: "pointer",
          },
        },
      ],
      edges: [
        {
          color: { attribute: "color" },
          size: { attribute: "size" },
          head: "arrow",
          visibility: { whenState: "isHidden", then: "hidden", else: "visible" },
          depth: "edges",
        },
        { when: (_attrs: EdgeAttrs, state, graphState) => graphState.hasActiveSubgraph && !state.isActive, then: { color: FADED_EDGE } },
        { whenState: "isActive", then: { depth: "topEdges", size: 2.5, color: "#6b778c" } },
      ],
    },
    settings: {
      itemSizesReference: "screen",
      stagePadding: 40,
      autoRescaleContent: "labels",
      labelDensity: 0.8,
      labelRenderedSizeThreshold: 6,
      enableCameraRotation: false,
      minCameraRatio: 0.02,
      maxCameraRatio: 4,
    },
  });
}

export type GraphRenderer = ReturnType<typeof createRenderer>;

/** The WebGL renderer's name, as the browser reports it ("ANGLE (…SwiftShader…)" when it draws in software). */
export function webglName(sigma: GraphRenderer): string {
  const gl = sigma.getWebGLContext();
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

export const isSoftwareRenderer = (name: string): boolean => /swiftshader|llvmpipe|software/i.test(name);
