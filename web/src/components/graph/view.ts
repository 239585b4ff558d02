import type cytoscape from "cytoscape";

/** Closer than this a first view of a few nodes would show them oversized. */
const MAX_FIT_ZOOM = 1.3;
const PADDING = 24;

/** Zoom and pan that show `eles` (labels included), never zoomed in past `MAX_FIT_ZOOM`. */
function fitted(cy: cytoscape.Core, eles: cytoscape.CollectionReturnValue): { zoom: number; pan: cytoscape.Position } {
  const bb = eles.boundingBox();
  const w = Math.max(1, cy.width() - 2 * PADDING);
  const h = Math.max(1, cy.height() - 2 * PADDING);
  const zoom = Math.max(cy.minZoom(), Math.min(MAX_FIT_ZOOM, w / Math.max(1, bb.w), h / Math.max(1, bb.h)));
  return { zoom, pan: { x: cy.width() / 2 - zoom * (bb.x1 + bb.w / 2), y: cy.height() / 2 - zoom * (bb.y1 + bb.h / 2) } };
}

export function fitView(cy: cytoscape.Core): void {
  const visible = cy.elements().not(".hidden");
  if (visible.empty()) return;
  cy.viewport(fitted(cy, visible));
}

/** Zooms out (never in) just enough that `added` and what is drawn are all on screen, animated. */
export function reveal(cy: cytoscape.Core, added: cytoscape.CollectionReturnValue): void {
  if (added.empty()) return;
  const bb = added.boundingBox();
  const ext = cy.extent();
  if (bb.x1 >= ext.x1 && bb.x2 <= ext.x2 && bb.y1 >= ext.y1 && bb.y2 <= ext.y2) return;
  const target = fitted(cy, cy.elements().not(".hidden"));
  if (target.zoom > cy.zoom()) return;
  cy.animate(target, { duration: 400, easing: "ease-in-out-quad" });
}

/** New nodes grow out of the node they came from to where `addRelations` put them; nothing else moves. */
export function growFrom(center: cytoscape.Position, added: cytoscape.NodeCollection, done: () => void): void {
  if (added.empty()) {
    done();
    return;
  }
  const positions: Record<string, cytoscape.Position> = {};
  added.forEach((n) => {
    positions[n.id()] = { ...n.position() };
  });
  added.positions(() => ({ ...center }));
  const layout = added.layout({
    name: "preset",
    positions,
    fit: false,
    animate: true,
    animationDuration: 450,
    animationEasing: "ease-out-cubic",
  });
  layout.one("layoutstop", done);
  layout.run();
}
