// Reading figures out of the metrics API's items, and showing them in the viewer's language.
import type { MetricItem } from "../api/types";
import { formatCount, formatDecimal, formatPercent, formatSeconds } from "../i18n/format";
import type { Lang } from "../i18n/messages";

/** What a figure measures: seconds, a share 0..1, a ratio, or a count. */
export type FigureKind = "duration" | "rate" | "ratio" | "count";

/**
 * The number at `path` in `item` ("median_s", or "first_response.median_s" in a summary), or
 * null when the item is missing, the server had nothing to measure, or the value is no number.
 */
export function readFigure(item: MetricItem | undefined, path: string): number | null {
  let value: unknown = item;
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** `value` as its kind reads: "12 דק׳", "92.5%", "2.5", "1,204". */
export function formatFigure(kind: FigureKind, value: number, lang: Lang): string {
  switch (kind) {
    case "duration":
      return formatSeconds(value, lang);
    case "rate":
      return formatPercent(value, lang);
    case "ratio":
      return formatDecimal(value, lang);
    case "count":
      return formatCount(value, lang);
  }
}
