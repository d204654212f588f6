// The daily chart's points: every local day of the period, with the cases opened that day and
// their median first response, from `GET /api/v1/metrics/first-response?interval=day`, which
// leaves out the days without cases.
import type { MetricItem } from "../api/types";
import { readFigure } from "./figures";
import { localDateOf, type PeriodDay } from "./periods";

export interface DayPoint {
  day: PeriodDay;
  cases: number;
  /** Seconds; null when no case of the day has been answered. */
  medianFirstResponse: number | null;
}

/** One point per day of `days`, in order, matched to `items` by the local date of their `from`. */
export function dailySeries(days: readonly PeriodDay[], items: readonly MetricItem[], timeZone: string): DayPoint[] {
  const byDate = new Map<string, MetricItem>();
  for (const item of items) if (item.from !== undefined) byDate.set(localDateOf(item.from, timeZone), item);
  return days.map((day) => {
    const item = byDate.get(day.date);
    return { day, cases: readFigure(item, "cases") ?? 0, medianFirstResponse: readFigure(item, "median_s") };
  });
}
