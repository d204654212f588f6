import { describe, expect, it } from "vitest";
import type { MetricItem } from "../api/types";
import { dailySeries } from "./daily_series";
import { periodDays, periodOf } from "./periods";

const kZone = "Asia/Jerusalem";

describe("dailySeries", () => {
  it("gives every local day a point, with no cases on the days the server left out", () => {
    const now = Date.UTC(2026, 10, 23, 12, 20);
    const days = periodDays(periodOf({ kind: "custom", first: "2026-11-21", last: "2026-11-23" }, now, kZone), kZone);
    const items: MetricItem[] = [
      { group: "", label: "", count: 2, from: Date.UTC(2026, 10, 20, 22), to: Date.UTC(2026, 10, 21, 22), cases: 3, median_s: 240 },
      { group: "", label: "", count: 0, from: Date.UTC(2026, 10, 22, 22), to: Date.UTC(2026, 10, 23, 13), cases: 4, median_s: null },
    ];
    expect(dailySeries(days, items, kZone).map((p) => [p.day.date, p.cases, p.medianFirstResponse])).toEqual([
      ["2026-11-21", 3, 240],
      ["2026-11-22", 0, null],
      ["2026-11-23", 4, null],
    ]);
  });
});
