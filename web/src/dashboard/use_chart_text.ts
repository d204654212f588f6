// The charts' words and number formats in the viewer's language and direction.
import { useMemo } from "react";
import { formatCalendarDay, formatCount, formatSeconds } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import type { ChartText } from "./chart_config";

/** ChartText for the current language; the same object until the language changes. */
export function useChartText(): ChartText {
  const { lang, dir, t } = useI18n();
  return useMemo(
    () => ({
      dir,
      cases: t("dashboard.cases"),
      medianFirstResponse: t("dashboard.medianFirstResponse"),
      day: (date: string) => formatCalendarDay(date, lang),
      count: (n: number) => formatCount(n, lang),
      duration: (seconds: number) => formatSeconds(seconds, lang),
    }),
    [lang, dir, t],
  );
}
