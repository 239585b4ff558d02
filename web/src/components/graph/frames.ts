import type cytoscape from "cytoscape";

export interface FrameStats {
  /** Frames counted (requestAnimationFrame callbacks). */
  frames: number;
  durationMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  fps: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

/** The pan that keeps the rendered point `at` still while zooming from `zoom` to `next`. */
function panAbout(pan: cytoscape.Position, zoom: number, next: number, at: cytoscape.Position): cytoscape.Position {
  const k = next / zoom;
  return { x: at.x - (at.x - pan.x) * k, y: at.y - (at.y - pan.y) * k };
}

/**
 * Frame times while the viewport zooms in about a point off the middle (so it pans too) and back out, `durationMs` in
 * all: Cytoscape redraws the scene on every frame of an animated viewport, so the gaps between animation frames are
 * what a user feels when moving around the graph.
 */
export function measureFrames(cy: cytoscape.Core, durationMs = 2000): Promise<FrameStats> {
  const zoom = cy.zoom();
  const pan = { ...cy.pan() };
  const next = Math.min(cy.maxZoom(), zoom / 0.35);
  const at = { x: cy.width() * 0.58, y: cy.height() * 0.45 };
  const leg = durationMs / 2;
  void cy
    .animation({ zoom: next, pan: panAbout(pan, zoom, next, at), duration: leg, easing: "ease-in-out-quad" })
    .play()
    .promise()
    .then(() => cy.animation({ zoom, pan, duration: leg, easing: "ease-in-out-quad" }).play().promise());
  return new Promise((resolve) => {
    const stamps: number[] = [];
    const tick = (now: number) => {
      stamps.push(now);
      const first = stamps[0] ?? now;
      if (now - first < durationMs) requestAnimationFrame(tick);
      else {
        const gaps = stamps.slice(1).map((t, i) => t - (stamps[i] ?? t));
        const sorted = [...gaps].sort((a, b) => a - b);
        const elapsed = now - first;
        resolve({
          frames: gaps.length,
          durationMs: Math.round(elapsed),
          medianMs: round(percentile(sorted, 50)),
          p95Ms: round(percentile(sorted, 95)),
          maxMs: round(sorted[sorted.length - 1] ?? 0),
          fps: round((gaps.length * 1000) / elapsed),
        });
      }
    };
    requestAnimationFrame(tick);
  });
}

const round = (n: number): number => Math.round(n * 10) / 10;
