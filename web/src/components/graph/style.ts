import type cytoscape from "cytoscape";

/** Labels are drawn on the canvas from this stack: a CJK face first, or 中文 comes out as boxes. */
export const LABEL_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

type Node = cytoscape.NodeSingular;
const num = (key: string) => (node: Node) => Number(node.data(key));

/**
 * Cytoscape's canvas renderer, set for software rendering: element bodies and labels are cached as bitmaps per zoom
 * level, so a frame while zooming or panning is mostly image copies; no motion blur (extra full-canvas passes). Edges
 * stay drawn while moving unless there are very many (`EDGES_WHILE_MOVING_UP_TO`).
 */
export const CANVAS_OPTIONS = {
  minZoom: 0.02,
  maxZoom: 4,
  boxSelectionEnabled: false,
  autounselectify: true,
  motionBlur: false,
  textureOnViewport: false,
  hideEdgesOnViewport: false,
} satisfies cytoscape.CytoscapeOptions;

/** Measured without a GPU: 5,728 edges redrawn every frame kept 60 fps, 22,925 edges took 300–500 ms a frame (50–67 ms without them). */
export const EDGES_WHILE_MOVING_UP_TO = 10_000;

export const STYLESHEET: cytoscape.StylesheetJson = [
  {
    selector: "node",
    style: {
      width: "data(size)",
      height: "data(size)",
      "background-color": "data(color)",
      "border-width": 1,
      "border-color": "#ffffff",
      label: "data(short)",
      "font-family": LABEL_FONT,
      "font-size": 12,
      color: "#1d2330",
      "text-valign": "center",
      "text-halign": "right",
      "text-rotation": num("angle"),
      "text-margin-x": num("mx"),
      "text-margin-y": num("my"),
      // Labels too small to read are left out (judged per power-of-two zoom level): zoomed out, a dense graph shows its shape, not a smear of text.
      "min-zoomed-font-size": 9,
      "overlay-opacity": 0,
    },
  },
  { selector: "node.flip", style: { "text-halign": "left" } },
  { selector: "node.synthetic", style: { "font-size": 10, color: "#5b6477", "border-width": 0 } },
  { selector: "node.expanded", style: { "font-size": 13, "font-weight": "bold", "border-width": 2 } },
  {
    selector: "node.root",
    style: {
      "font-size": 15,
      "font-weight": "bold",
      "border-width": 3,
      "text-halign": "center",
      "text-valign": "bottom",
      "text-rotation": 0,
      "text-margin-x": 0,
      "text-margin-y": 5,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.9,
      "text-background-padding": "2px",
      "text-background-shape": "roundrectangle",
      "z-index": 20,
    },
  },
  {
    selector: "edge",
    style: {
      width: 1.5,
      "line-color": "data(color)",
      "target-arrow-color": "data(color)",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.8,
      "curve-style": "straight",
      "overlay-opacity": 0,
    },
  },
  { selector: "edge.synthetic", style: { width: 1 } },
  // Hovering: the node's neighbourhood stands out, the rest steps back (opacity is applied when drawing, not re-rendered).
  { selector: ".faded", style: { opacity: 0.18 } },
  { selector: "edge.lit", style: { width: 2.5, "line-color": "#6b778c", "target-arrow-color": "#6b778c", "z-index": 10 } },
  { selector: "node.lit", style: { "z-index": 10 } },
  {
    selector: "node.focus, node.hover",
    style: {
      label: "data(label)",
      "z-index": 30,
      "text-background-color": "#ffffff",
      "text-background-opacity": 1,
      "text-background-padding": "3px",
      "text-background-shape": "roundrectangle",
      "text-border-width": 1,
      "text-border-opacity": 1,
      "text-border-color": "#d7dbe3",
      "min-zoomed-font-size": 0,
    },
  },
  {
    selector: "node.focus",
    style: { "underlay-color": "#b3261e", "underlay-opacity": 0.28, "underlay-padding": 7, "underlay-shape": "ellipse", "text-border-color": "#b3261e" },
  },
  { selector: ".hidden", style: { display: "none" } },
];
