// What the two charts draw and how (Chart.js data and options), built from the dashboard's
// figures. Right to left, time runs from the right and the value axis stands on the right, as
// the eye reads; legends and tooltips are set right to left too. Every bar and day is
// clickable: `onSelect` gets its index.
import type { ChartData, ChartOptions } from "chart.js";
import type { BreakdownRow } from "./breakdown";
import type { DayPoint } from "./daily_series";

/** The words and number formats the charts draw, in the viewer's language. */
export interface ChartText {
  dir: "rtl" | "ltr";
  cases: string;
  medianFirstResponse: string;
  day: (date: string) => string;
  count: (n: number) => string;
  duration: (seconds: number) => string;
}

export interface ChartConfig<T extends "bar" | "line"> {
  data: ChartData<T, (number | null)[], string>;
  options: ChartOptions<T>;
}

// The stylesheet's --accent and --amber: a canvas cannot read CSS variables.
const kCasesColour = "#1f4e79";
const kTimeColour = "#9a5b00";

// Steps a reader counts in: seconds, minutes, hours and days.
const kDurationSteps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];

/** The step between the ticks of a duration axis up to `maxSeconds`: a round unit, 6 ticks at most. */
export function durationStep(maxSeconds: number): number {
  return kDurationSteps.find((step) => maxSeconds / step <= 6) ?? Math.ceil(maxSeconds / 6 / 86400) * 86400;
}

function direction(text: ChartText) {
  const rtl = text.dir === "rtl";
  return {
    rtl,
    start: rtl ? ("right" as const) : ("left" as const),
    end: rtl ? ("left" as const) : ("right" as const),
    textDirection: text.dir,
  };
}

function selectable(onSelect: (index: number) => void) {
  return {
    onClick: (_event: unknown, elements: { index: number }[]) => {
      const first = elements[0];
      if (first) onSelect(first.index);
    },
    onHover: (event: { native: Event | null }, elements: unknown[]) => {
      const target = event.native?.target;
      if (target instanceof HTMLElement) target.style.cursor = elements.length > 0 ? "pointer" : "default";
    },
  };
}

/** Cases per day as bars, their median first response as a line on its own axis. */
export function dailyChartConfig(points: readonly DayPoint[], text: ChartText, onSelect: (index: number) => void): ChartConfig<"bar" | "line"> {
  const d = direction(text);
  return {
    data: {
      labels: points.map((p) => text.day(p.day.date)),
      datasets: [
        { type: "bar", label: text.cases, data: points.map((p) => p.cases), yAxisID: "cases", backgroundColor: kCasesColour, order: 2 },
        {
          type: "line",
          label: text.medianFirstResponse,
          data: points.map((p) => p.medianFirstResponse),
          yAxisID: "seconds",
          borderColor: kTimeColour,
          backgroundColor: kTimeColour,
          pointRadius: 4,
          order: 1,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      ...selectable(onSelect),
      scales: {
        x: { reverse: d.rtl, grid: { display: false } },
        cases: { type: "linear", position: d.start, beginAtZero: true, ticks: { precision: 0, callback: (v) => text.count(Number(v)) } },
        seconds: {
          type: "linear",
          position: d.end,
          beginAtZero: true,
          grid: { drawOnChartArea: false },
          ticks: {
            stepSize: durationStep(Math.max(0, ...points.map((p) => p.medianFirstResponse ?? 0))),
            callback: (v) => text.duration(Number(v)),
          },
        },
      },
      plugins: {
        legend: { rtl: d.rtl, textDirection: d.textDirection },
        tooltip: {
          rtl: d.rtl,
          textDirection: d.textDirection,
          callbacks: {
            label: (item) =>
              item.raw === null
                ? ""
                : `${item.dataset.label ?? ""}: ${item.datasetIndex === 0 ? text.count(Number(item.raw)) : text.duration(Number(item.raw))}`,
          },
        },
      },
    },
  };
}

/** One horizontal bar per group: its cases. */
export function breakdownChartConfig(rows: readonly BreakdownRow[], text: ChartText, onSelect: (index: number) => void): ChartConfig<"bar"> {
  const d = direction(text);
  return {
    data: {
      labels: rows.map((r) => r.name),
      datasets: [{ label: text.cases, data: rows.map((r) => r.cases), backgroundColor: kCasesColour }],
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      ...selectable(onSelect),
      scales: {
        x: { reverse: d.rtl, beginAtZero: true, ticks: { precision: 0, callback: (v) => text.count(Number(v)) } },
        y: { position: d.start, grid: { display: false } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          rtl: d.rtl,
          textDirection: d.textDirection,
          callbacks: { label: (item) => `${text.cases}: ${text.count(Number(item.raw))}` },
        },
      },
    },
  };
}
