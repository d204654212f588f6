// The breakdown by one dimension: a row per group from `GET /api/v1/metrics/summary?group_by=…`,
// named in the viewer's language, most cases first.
import type { MetricItem, MetricsGroupBy } from "../api/types";
import { languageName } from "../i18n/format";
import { isMessageKey, type Lang, type MessageKey } from "../i18n/messages";
import { readFigure } from "./figures";

export type Dimension = Exclude<MetricsGroupBy, "all">;

/** The dimensions the viewer can break the period down by, in the picker's order. */
export const kDimensions: readonly Dimension[] = ["platform", "account", "team", "agent", "priority", "language", "intent", "rule", "topic"];

export interface BreakdownRow {
  /** The group's value as the API names it ("" for cases without one). */
  group: string;
  /** The group as the viewer reads it. */
  name: string;
  cases: number;
  medianFirstResponse: number | null;
  slaCompliance: number | null;
  responseRate: number | null;
}

type Translate = (key: MessageKey) => string;

/**
 * How the viewer reads group `item` of `dimension`: platforms, priorities and intents in their
 * words, languages by name, teams, agents and topics by the label the server gives (their
 * names), and the group without a value as "none".
 */
export function groupName(dimension: Dimension, item: Pick<MetricItem, "group" | "label">, lang: Lang, t: Translate): string {
  if (item.group === "") return t("dashboard.none");
  if (dimension === "language") return languageName(item.group, lang);
  const key = `${dimension}.${item.group}`;
  if ((dimension === "platform" || dimension === "priority" || dimension === "intent") && isMessageKey(key)) return t(key);
  return item.label || item.group;
}

/** The rows of summary items grouped by `dimension`, most cases first, then by name. */
export function breakdownRows(items: readonly MetricItem[], dimension: Dimension, lang: Lang, t: Translate): BreakdownRow[] {
  return items
    .map((item) => ({
      group: item.group,
      name: groupName(dimension, item, lang, t),
      cases: readFigure(item, "volume.count") ?? 0,
      medianFirstResponse: readFigure(item, "first_response.median_s"),
      slaCompliance: readFigure(item, "sla.compliance"),
      responseRate: readFigure(item, "response_rate.rate"),
    }))
    .sort((a, b) => b.cases - a.cases || a.name.localeCompare(b.name, lang));
}
