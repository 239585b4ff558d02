import type { Camera } from "sigma";

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

/**
 * Frame times while the camera zooms in, pans and zooms back out for `durationMs`: every frame sigma redraws the whole
 * scene, so the gaps between animation frames are what a user feels when moving around the graph.
 */
export function measureFrames(sigma: { getCamera(): Camera }, durationMs = 2000): Promise<FrameStats> {
  const camera = sigma.getCamera();
  const from = camera.getState();
  const leg = durationMs / 2;
  void camera
    .animate({ ratio: from.ratio * 0.35, x: from.x + 0.08, y: from.y - 0.05 }, { duration: leg, easing: "quadraticInOut" })
    .then(() => camera.animate(from, { duration: leg, easing: "quadraticInOut" }));
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
