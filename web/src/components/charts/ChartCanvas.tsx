import type { ChartConfiguration, ChartType, DefaultDataPoint } from "chart.js";
import { type ReactNode, useEffect, useRef } from "react";
import { Chart } from "./setup";

/** A Chart.js chart in a box of fixed height; rebuilt when `config` changes (memoize it), destroyed on unmount. */
export function ChartCanvas<T extends ChartType>({
  config,
  label,
  height,
  children,
}: {
  config: ChartConfiguration<T, DefaultDataPoint<T>, string>;
  /** What the chart shows, for screen readers (the table beside it has the figures). */
  label: string;
  height: number;
  /** Fallback content inside the canvas. */
  children?: ReactNode;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const chart = new Chart(canvas, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart-box" style={{ height }}>
      <canvas ref={ref} role="img" aria-label={label}>
        {children}
      </canvas>
    </div>
  );
}
