// Cases and median first response per local day: bars and a line, described in words for
// screen readers, with the numbers as a table under it. A day (bar, point or row) opens the
// cases opened that day.
import { useMemo } from "react";
import { Chart } from "react-chartjs-2";
import { formatCalendarDay, formatCount, formatSeconds } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { dailyChartConfig } from "./chart_config";
import "./chart_setup";
import type { DayPoint } from "./daily_series";
import { useChartText } from "./use_chart_text";

export interface DailyChartProps {
  points: readonly DayPoint[];
  onSelect: (point: DayPoint) => void;
}

export function DailyChart({ points, onSelect }: DailyChartProps) {
  const { lang, t } = useI18n();
  const text = useChartText();
  const config = useMemo(
    () =>
      dailyChartConfig(points, text, (i) => {
        const point = points[i];
        if (point) onSelect(point);
      }),
    [points, text, onSelect],
  );
  const rows = points.map((p) => ({
    point: p,
    day: formatCalendarDay(p.day.date, lang),
    cases: formatCount(p.cases, lang),
    median: p.medianFirstResponse === null ? t("dashboard.noValue") : formatSeconds(p.medianFirstResponse, lang),
  }));
  const description = rows.map((r) => t("dashboard.daily.point", { day: r.day, cases: r.cases, median: r.median })).join("; ");

  return (
    <section className="chart-card" aria-labelledby="daily-title" data-testid="daily-chart">
      <h2 id="daily-title">{t("dashboard.daily.title")}</h2>
      <div className="chart-box">
        <Chart type="bar" data={config.data} options={config.options} role="img" aria-label={description} />
      </div>
      <details className="chart-table">
        <summary>{t("dashboard.asTable")}</summary>
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.daily.day")}</th>
              <th scope="col">{t("dashboard.cases")}</th>
              <th scope="col">{t("dashboard.medianFirstResponse")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("dashboard.showCases")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.point.day.date} data-day={r.point.day.date}>
                <th scope="row">{r.day}</th>
                <td data-testid="day-cases">{r.cases}</td>
                <td>{r.median}</td>
                <td>
                  <button type="button" className="link" onClick={() => onSelect(r.point)}>
                    {t("dashboard.showCases")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
