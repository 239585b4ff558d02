import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";

// Only the pieces these pages draw, so the rest of Chart.js is shaken out of the chunk.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif';
Chart.defaults.color = "#5b6475";
// Charts fill a box whose height the page sets.
Chart.defaults.maintainAspectRatio = false;
// Static figures: drawing at once keeps the page steady (and its screenshots complete).
Chart.defaults.animation = false;

export { Chart };
