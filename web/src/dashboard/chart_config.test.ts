import { describe, expect, it, vi } from "vitest";
import { formatCalendarDay, formatCount, formatSeconds } from "../i18n/format";
import type { BreakdownRow } from "./breakdown";
import { breakdownChartConfig, dailyChartConfig, durationStep, type ChartText } from "./chart_config";
import type { DayPoint } from "./daily_series";

function text(dir: "rtl" | "ltr"): ChartText {
  return {
    dir,
    cases: "פניות",
    medianFirstResponse: "חציון מענה ראשון",
    day: (date) => formatCalendarDay(date, "he"),
    count: (n) => formatCount(n, "he"),
    duration: (s) => formatSeconds(s, "he"),
  };
}

const kPoints: DayPoint[] = [
  { day: { date: "2026-11-22", from: 0, to: 1 }, cases: 3, medianFirstResponse: 720 },
  { day: { date: "2026-11-23", from: 1, to: 2 }, cases: 0, medianFirstResponse: null },
];

type Click = (event: unknown, elements: { index: number }[]) => void;

describe("dailyChartConfig", () => {
  it("draws cases as bars and the median as a line, with gaps where nothing was answered", () => {
    const { data } = dailyChartConfig(kPoints, text("rtl"), () => undefined);
    expect(data.labels).toEqual(["22 בנוב׳", "23 בנוב׳"]);
    expect(data.datasets.map((d) => [d.type, d.label, d.data])).toEqual([
      ["bar", "פניות", [3, 0]],
      ["line", "חציון מענה ראשון", [720, null]],
    ]);
  });

  it("runs time from the right in Hebrew, with the cases axis on the right", () => {
    const rtl = dailyChartConfig(kPoints, text("rtl"), () => undefined).options;
    expect([rtl.scales?.x?.reverse, rtl.scales?.cases?.position, rtl.scales?.seconds?.position]).toEqual([true, "right", "left"]);
    expect([rtl.plugins?.legend?.rtl, rtl.plugins?.tooltip?.rtl]).toEqual([true, true]);
    expect(rtl.scales?.seconds?.ticks).toMatchObject({ stepSize: 120 });
    const ltr = dailyChartConfig(kPoints, text("ltr"), () => undefined).options;
    expect([ltr.scales?.x?.reverse, ltr.scales?.cases?.position]).toEqual([false, "left"]);
  });

  it("selects the clicked day anywhere in its column", () => {
    const onSelect = vi.fn();
    const { options } = dailyChartConfig(kPoints, text("rtl"), onSelect);
    expect(options.interaction).toEqual({ mode: "index", intersect: false });
    (options.onClick as unknown as Click)(null, []);
    (options.onClick as unknown as Click)(null, [{ index: 1 }, { index: 1 }]);
    expect(onSelect.mock.calls).toEqual([[1]]);
  });
});

describe("breakdownChartConfig", () => {
  it("lays the groups' bars along a reversed axis in Hebrew, names on the right", () => {
    const rows: BreakdownRow[] = [{ group: "3", name: "צוות X", cases: 5, medianFirstResponse: null, slaCompliance: null, responseRate: null }];
    const onSelect = vi.fn();
    const { data, options } = breakdownChartConfig(rows, text("rtl"), onSelect);
    expect([data.labels, data.datasets[0]?.data]).toEqual([["צוות X"], [5]]);
    expect([options.indexAxis, options.scales?.x?.reverse, options.scales?.y?.position]).toEqual(["y", true, "right"]);
    (options.onClick as unknown as Click)(null, [{ index: 0 }]);
    expect(onSelect).toHaveBeenCalledWith(0);
  });
});

describe("durationStep", () => {
  it("ticks a time axis in round seconds, minutes, hours or days, six at most", () => {
    expect([durationStep(0), durationStep(2.5), durationStep(45), durationStep(720), durationStep(5_000), durationStep(200_000)]).toEqual([
      1, 1, 10, 120, 900, 43_200,
    ]);
    expect(durationStep(10_000_000)).toBe(1_728_000);
  });
});
