import type { ChartConfiguration, Plugin } from "chart.js";
import { useMemo } from "react";
import { ChartCanvas } from "./ChartCanvas";
import { formatNumber } from "../../format";
import { MET_COLOR, MISSED_COLOR } from "./format";
import { Chart } from "./setup";

export interface AttainmentBar {
  indicator: string;
  /** The result as a percentage of the target, both in the same normalized unit. */
  percent: number;
  met: boolean;
  target: string;
  actual: string;
}

/** The dashed line at 100%: where a result equals its target. */
const referenceLine: Plugin<"bar"> = {
  id: "targetsReference",
  afterDatasetsDraw(chart) {
    const x = chart.scales.x;
    if (!x) return;
    const px = x.getPixelForValue(100);
    const { top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = "#1d2330";
    ctx.lineWidth = 1.5;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(px, top);
    ctx.lineTo(px, bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = "#1d2330";
    ctx.font = `12px ${Chart.defaults.font.family}`;
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    ctx.fillText("目标 100%", px, top - 3);
    // Each bar's percentage at its end, so the figure reads without the tooltip.
    ctx.textAlign = "left";
    ctx.textBaseline = "middle";
    const meta = chart.getDatasetMeta(0);
    meta.data.forEach((bar, i) => {
      const v = chart.data.datasets[0]?.data[i];
      if (typeof v !== "number") return;
      ctx.fillText(`${formatNumber(v)}%`, Math.max(bar.x, x.getPixelForValue(0)) + 5, bar.y);
    });
    ctx.restore();
  },
};

/** One horizontal bar per indicator with a result: the result as a percentage of the target, green when met, red when missed. */
export function AttainmentChart({ bars }: { bars: readonly AttainmentBar[] }) {
  const config = useMemo<ChartConfiguration<"bar", number[], string>>(
    () => ({
      type: "bar",
      data: {
        labels: bars.map((b) => b.indicator),
        datasets: [
          {
            label: "完成度",
            data: bars.map((b) => Math.round(b.percent * 10) / 10),
            backgroundColor: bars.map((b) => (b.met ? MET_COLOR : MISSED_COLOR)),
            borderRadius: 3,
            maxBarThickness: 26,
          },
        ],
      },
      options: {
        indexAxis: "y",
        layout: { padding: { top: 20, right: 56 } },
        scales: {
          x: {
            beginAtZero: true,
            suggestedMax: 110,
            title: { display: true, text: "实际值占目标值的百分比（%）" },
            ticks: { callback: (v) => `${v}%` },
          },
          y: { ticks: { autoSkip: false } },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: (item) => {
                const b = bars[item.dataIndex];
                return b ? [`完成度 ${item.formattedValue}%（${b.met ? "已完成" : "未完成"}）`, `目标 ${b.target}`, `实际 ${b.actual}`] : "";
              },
            },
          },
        },
      },
      plugins: [referenceLine],
    }),
    [bars],
  );
  const label = `完成度图：${bars.map((b) => `${b.indicator} ${Math.round(b.percent)}%`).join("，")}`;
  return (
    <ChartCanvas config={config} label={label} height={Math.max(160, 70 + bars.length * 34)}>
      {label}
    </ChartCanvas>
  );
}
