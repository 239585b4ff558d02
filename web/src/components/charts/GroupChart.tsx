import type { ChartConfiguration, Plugin } from "chart.js";
import { useMemo } from "react";
import { ChartCanvas } from "./ChartCanvas";
import { Chart } from "./setup";
import { formatNumber, formatValue, type ValueLike } from "../../format";
import type { ObservationKind as Kind } from "../../gql/graphql";
import { OBSERVATION_KINDS as KINDS, OBSERVATION_KIND_LABEL as kindLabel } from "../../labels";
import { type Group, type Grouped, kindColor, scaledValue } from "./format";

export interface KindDataset {
  kind: Kind;
  label: string;
  /** One value per label, in the group's axis unit; null where there is none. */
  data: (number | null)[];
  /** The figure as written, per label, for the tooltip. */
  written: (string | null)[];
}

type Row = Grouped & ValueLike & { kind: Kind };

/** One dataset per kind (a second one when a place has two figures of a kind, from two sources), aligned on `labels`. */
export function kindDatasets<T extends Row>(group: Group<T>, labels: readonly string[], labelOf: (row: T) => string): KindDataset[] {
  const out: KindDataset[] = [];
  for (const kind of KINDS) {
    const rows = group.rows.filter((r) => r.kind === kind);
    const layers: KindDataset[] = [];
    for (const row of rows) {
      const at = labels.indexOf(labelOf(row));
      if (at < 0) continue;
      let layer = layers.find((l) => l.data[at] === null);
      if (!layer) {
        layer = {
          kind,
          label: layers.length === 0 ? kindLabel[kind] : `${kindLabel[kind]}（另一来源 ${layers.length + 1}）`,
          data: labels.map(() => null),
          written: labels.map(() => null),
        };
        layers.push(layer);
      }
      layer.data[at] = scaledValue(row, group);
      layer.written[at] = formatValue(row);
    }
    out.push(...layers);
  }
  return out;
}

/** Each figure written at its bar's end or above its point, so the chart reads without the tooltip. */
function valueLabels<T extends "bar" | "line">(horizontal: boolean): Plugin<T> {
  return {
    id: "chartsValueLabels",
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = `12px ${Chart.defaults.font.family}`;
      ctx.fillStyle = "#1d2330";
      ctx.textAlign = horizontal ? "left" : "center";
      ctx.textBaseline = horizontal ? "middle" : "bottom";
      chart.data.datasets.forEach((dataset, i) => {
        if (!chart.isDatasetVisible(i)) return;
        chart.getDatasetMeta(i).data.forEach((el, j) => {
          const v = dataset.data[j];
          if (typeof v !== "number") return;
          ctx.fillText(formatNumber(v), horizontal ? el.x + 5 : el.x, horizontal ? el.y : el.y - 4);
        });
      });
      ctx.restore();
    },
  };
}

/** Bars (or a line over many years) of one group of comparable figures: one colour per kind, the axis in the group's unit. */
export function GroupChart({
  labels,
  datasets,
  unit,
  line = false,
  horizontal = false,
  label,
}: {
  labels: string[];
  datasets: KindDataset[];
  unit: string;
  line?: boolean;
  horizontal?: boolean;
  label: string;
}) {
  const config = useMemo(() => {
    const valueAxis = {
      beginAtZero: !line,
      title: { display: true, text: unit || "数值" },
      ticks: { callback: (v: string | number) => formatNumber(Number(v)) },
    };
    const tooltip = {
      callbacks: {
        label: (item: { datasetIndex: number; dataIndex: number }) => {
          const d = datasets[item.datasetIndex];
          return d ? `${d.label}：${d.written[item.dataIndex] ?? "—"}` : "";
        },
      },
    };
    const legend = { display: datasets.length > 1 };
    if (line) {
      const c: ChartConfiguration<"line", (number | null)[], string> = {
        type: "line",
        data: {
          labels,
          datasets: datasets.map((d) => ({
            label: d.label,
            data: d.data,
            borderColor: kindColor[d.kind],
            backgroundColor: kindColor[d.kind],
            spanGaps: true,
            pointRadius: 4,
            borderDash: d.kind === "TARGET" ? [6, 4] : [],
          })),
        },
        options: {
          layout: { padding: { top: 18 } },
          // Room around the first and last year, and above and below the extremes, so no point sits on the frame.
          scales: { x: { offset: true }, y: { ...valueAxis, grace: "10%" } },
          plugins: { tooltip, legend: { ...legend, labels: { usePointStyle: true, boxHeight: 8 } } },
        },
        plugins: [valueLabels<"line">(false)],
      };
      return c;
    }
    const c: ChartConfiguration<"bar", (number | null)[], string> = {
      type: "bar",
      data: {
        labels,
        datasets: datasets.map((d) => ({ label: d.label, data: d.data, backgroundColor: kindColor[d.kind], borderRadius: 3, maxBarThickness: 48 })),
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        // A place or year without a figure of some kind leaves no gap beside the others.
        skipNull: true,
        layout: { padding: horizontal ? { right: 48 } : { top: 18 } },
        scales: horizontal ? { x: valueAxis } : { y: valueAxis },
        plugins: { tooltip, legend },
      },
      plugins: [valueLabels<"bar">(horizontal)],
    };
    return c;
  }, [labels, datasets, unit, line, horizontal]);
  const height = horizontal ? Math.max(180, 80 + labels.length * datasets.length * 26) : 260;
  return (
    <ChartCanvas config={config} label={label} height={height}>
      {label}
    </ChartCanvas>
  );
}
