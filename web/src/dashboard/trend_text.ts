// A trend in words: the arrow and change a tile shows, and the sentence a screen reader says.
import { formatDecimal, formatPercent } from "../i18n/format";
import type { Lang, MessageKey } from "../i18n/messages";
import type { Trend } from "./trend";

export interface TrendText {
  arrow: "▲" | "▼" | "=";
  /** The change alone: "12%", "3 pts", or "" when there is no previous value to measure from. */
  change: string;
  /** The whole of it: "up 12%, worse". */
  spoken: string;
  verdict: Trend["verdict"];
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** How `trend` reads in `lang`: relative changes as a percentage, rates in percentage points. */
export function trendText(trend: Trend, lang: Lang, t: Translate): TrendText {
  const change =
    trend.change === null
      ? ""
      : trend.unit === "points"
        ? t("dashboard.points", { value: formatDecimal(trend.change, lang, 1) })
        : formatPercent(trend.change, lang);
  if (trend.direction === "flat") return { arrow: "=", change: "", spoken: t("dashboard.trend.flat"), verdict: trend.verdict };
  const moved =
    trend.direction === "down"
      ? t("dashboard.trend.down", { change })
      : change
        ? t("dashboard.trend.up", { change })
        : t("dashboard.trend.upFromZero");
  const judged = trend.verdict === "better" || trend.verdict === "worse" ? `${moved}, ${t(`dashboard.trend.${trend.verdict}`)}` : moved;
  return { arrow: trend.direction === "up" ? "▲" : "▼", change, spoken: judged, verdict: trend.verdict };
}
