// A topic's complaints per day as a sparkline, described in words for screen readers.
import { useMemo } from "react";
import { Chart } from "react-chartjs-2";
import "../dashboard/chart_setup";
import { useChartText } from "../dashboard/use_chart_text";
import { formatCalendarDay, formatCount } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { sparklineConfig } from "./sparkline_config";
import type { TrendPoint } from "./topics";

export function TopicSparkline({ points }: { points: readonly TrendPoint[] }) {
  const { lang, t } = useI18n();
  const text = useChartText();
  const config = useMemo(() => sparklineConfig(points, text), [points, text]);
  const description = t("topics.trendLabel", {
    days: points.map((p) => `${formatCalendarDay(p.date, lang)}: ${formatCount(p.count, lang)}`).join("; "),
  });
  if (points.length === 0) return null;
  return (
    <div className="sparkline" data-testid="topic-sparkline">
      <Chart type="line" data={config.data} options={config.options} role="img" aria-label={description} />
    </div>
  );
}
