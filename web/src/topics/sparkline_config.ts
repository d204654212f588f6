// A topic's trend as a small line without axes (Chart.js data and options): time runs from the
// right in Hebrew; the tooltip names the day and the count.
import type { ChartConfig, ChartText } from "../dashboard/chart_config";
import type { TrendPoint } from "./topics";

// The stylesheet's --red: complaints.
const kColour = "#b3261e";

export function sparklineConfig(points: readonly TrendPoint[], text: Pick<ChartText, "dir" | "day" | "count">): ChartConfig<"line"> {
  const rtl = text.dir === "rtl";
  return {
    data: {
      labels: points.map((p) => text.day(p.date)),
      datasets: [{ data: points.map((p) => p.count), borderColor: kColour, backgroundColor: kColour, borderWidth: 2, pointRadius: 0, pointHitRadius: 6, tension: 0.25 }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { display: false, reverse: rtl },
        y: { display: false, beginAtZero: true, suggestedMax: 1 },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          rtl,
          textDirection: text.dir,
          displayColors: false,
          callbacks: { label: (item) => text.count(Number(item.raw)) },
        },
      },
    },
  };
}
