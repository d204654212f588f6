// A crisis's summary as the supervisor reads it: each figure with its label, shares of the
// whole where they help, durations in minutes and hours, the busiest hour in the viewer's zone.
import type { CrisisSummary } from "../api/types";
import { formatClock, formatCount, formatDateTime, formatPercent, formatSeconds, type FormatContext } from "../i18n/format";
import type { MessageKey } from "../i18n/messages";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export type SummaryFactId = "duration" | "cases" | "messages" | "negative" | "repliesSent" | "casesAnswered" | "medianFirstReply" | "peakHour";

export interface SummaryFact {
  id: SummaryFactId;
  label: string;
  value: string;
}

const kHourMs = 3_600_000;

/** `part` of `whole` as "8 (40%)", or just "8" when the whole is 0. */
function withShare(part: number, whole: number, lang: FormatContext["lang"]): string {
  return whole > 0 ? `${formatCount(part, lang)} (${formatPercent(part / whole, lang)})` : formatCount(part, lang);
}

/** The rows of `summary`, in the order shown. */
export function summaryFacts(summary: CrisisSummary, ctx: FormatContext, t: Translate): SummaryFact[] {
  const { lang } = ctx;
  const none = t("dashboard.noValue");
  const fact = (id: SummaryFactId, value: string): SummaryFact => ({ id, label: t(`crisis.summary.${id}`), value });
  const peak =
    summary.peak_hour === null
      ? none
      : t("crisis.summary.peakValue", {
          from: formatDateTime(summary.peak_hour, ctx),
          to: formatClock(summary.peak_hour + kHourMs, ctx),
          messages: formatCount(summary.peak_hour_messages, lang),
        });
  return [
    fact("duration", formatSeconds(summary.duration_s, lang)),
    fact("cases", formatCount(summary.cases, lang)),
    fact("messages", formatCount(summary.messages, lang)),
    fact("negative", withShare(summary.negative, summary.messages, lang)),
    fact("repliesSent", formatCount(summary.replies_sent, lang)),
    fact(
      "casesAnswered",
      summary.cases > 0
        ? t("crisis.summary.ofCases", {
            answered: formatCount(summary.cases_answered, lang),
            cases: formatCount(summary.cases, lang),
            share: formatPercent(summary.cases_answered / summary.cases, lang),
          })
        : formatCount(summary.cases_answered, lang),
    ),
    fact("medianFirstReply", summary.median_first_reply_s === null ? none : formatSeconds(summary.median_first_reply_s, lang)),
    fact("peakHour", peak),
  ];
}
