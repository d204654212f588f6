// The pure side of the topics view: the request for a period's topics, their order, how each
// topic's complaints moved against the period before (more complaints is worse), its daily
// trend with the days it had none, and reading the server's answers to "send" and "issue"
// (both for the period shown, so what the product team reads has the counts on screen).
import { ApiError } from "../api/client";
import type { Topic, TopicDay } from "../api/types";
import type { PeriodDay } from "../dashboard/periods";
import { formatCount, formatPercent } from "../i18n/format";
import type { Lang, MessageKey } from "../i18n/messages";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface TopicsScope {
  from: number;
  to: number;
  timeZone: string;
}

function scopeParams(scope: TopicsScope): URLSearchParams {
  return new URLSearchParams({ from: String(scope.from), to: String(scope.to), tz: scope.timeZone });
}

/** `GET /api/v1/topics` over `scope` (instants in Unix ms, days in its zone). */
export function topicsPath(scope: TopicsScope): string {
  return `/api/v1/topics?${scopeParams(scope).toString()}`;
}

/** `POST /api/v1/topics/{id}/send` for the period shown (its counts go with it). */
export function topicSendPath(id: string, scope: TopicsScope): string {
  return `/api/v1/topics/${encodeURIComponent(id)}/send?${scopeParams(scope).toString()}`;
}

export type IssueFormat = "github" | "jira";

/** `GET /api/v1/topics/{id}/issue` in `format`, over the period shown. */
export function topicIssuePath(id: string, format: IssueFormat, scope: TopicsScope): string {
  const params = scopeParams(scope);
  params.set("format", format);
  return `/api/v1/topics/${encodeURIComponent(id)}/issue?${params.toString()}`;
}

/** The topics, most complaints first (as the server sends them; kept so whatever it sends). */
export function sortTopics(items: readonly Topic[], lang: Lang): Topic[] {
  return [...items].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, lang));
}

export interface TopicChange {
  arrow: "▲" | "▼" | "=";
  /** Short, beside the arrow: "141%", "20%", "new", "no change". */
  text: string;
  /** The whole of it: "up 141% from 17 in the previous period". */
  spoken: string;
  /** More complaints is worse. */
  verdict: "worse" | "better" | "same";
}

/** How `count` complaints compare with `previous` ones in the period before. */
export function topicChange(count: number, previous: number, lang: Lang, t: Translate): TopicChange {
  const before = formatCount(previous, lang);
  if (count === previous) return { arrow: "=", text: t("topics.change.sameShort"), spoken: t("topics.change.same", { previous: before }), verdict: "same" };
  if (previous === 0) return { arrow: "▲", text: t("topics.change.newShort"), spoken: t("topics.change.new"), verdict: "worse" };
  const change = formatPercent(Math.abs(count - previous) / previous, lang);
  return count > previous
    ? { arrow: "▲", text: change, spoken: t("topics.change.up", { change, previous: before }), verdict: "worse" }
    : { arrow: "▼", text: change, spoken: t("topics.change.down", { change, previous: before }), verdict: "better" };
}

export interface TrendPoint {
  date: string;
  count: number;
}

/**
 * A point for every day of `days` (the period's local days), with the topic's count that day
 * or 0; without days, the trend as the server sent it, in date order. No trend (the server
 * leaves it empty for periods over 400 days) is no points.
 */
export function trendPoints(trend: readonly TopicDay[], days: readonly PeriodDay[]): TrendPoint[] {
  if (trend.length === 0) return [];
  const byDay = new Map(trend.map((d) => [d.day, d.count]));
  if (days.length === 0) return [...trend].sort((a, b) => a.day.localeCompare(b.day)).map((d) => ({ date: d.day, count: d.count }));
  return days.map((d) => ({ date: d.date, count: byDay.get(d.date) ?? 0 }));
}

/** The issue body as the text copied: the server's JSON, indented. */
export function issueText(body: unknown): string {
  return JSON.stringify(body, null, 2);
}

/** What a refused "send to the product team" says: the missing webhook in words, else the server's text. */
export function sendFailure(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === "product_webhook_not_configured") return t("topics.send.notConfigured");
    if (error.code === "network") return t("error.network");
    return error.message || error.code;
  }
  return error instanceof Error ? error.message : String(error);
}
