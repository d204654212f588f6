// The paths the dashboard asks the metrics API (schema/openapi.yaml, /api/v1/metrics/…): a
// scope — a period in a time zone, optionally one group of a dimension — and what to read of it.
import type { MetricName, MetricsGroupBy, MetricsHours, Role } from "../api/types";

/** The cases a figure covers: those opened in [from, to), only `group` of `groupBy` when set. */
export interface MetricsScope {
  from: number;
  to: number;
  timeZone: string;
  /** "topic": a recurring complaint topic (the topics view's drill-down). */
  groupBy?: MetricsGroupBy | "topic";
  /** One group of `groupBy`; "" is the group of cases without a value. */
  group?: string;
}

export interface MetricOptions {
  interval?: "hour" | "day";
  hours?: MetricsHours;
}

/** The rows of a drill-down page: `limit` cases after `cursor` (the previous page's next_cursor). */
export interface CasesPageOptions {
  cursor?: string;
  limit: number;
}

/** True for roles holding `view_metrics` (supervisors and admins; domain/permissions.cc). */
export function canViewMetrics(role: Role | undefined): boolean {
  return role === "supervisor" || role === "admin";
}

// An empty `group` is kept: it asks for the cases without a value, not for every group.
function scopeParams(scope: MetricsScope): URLSearchParams {
  const params = new URLSearchParams();
  params.set("from", String(scope.from));
  params.set("to", String(scope.to));
  params.set("tz", scope.timeZone);
  if (scope.groupBy && scope.groupBy !== "all") params.set("group_by", scope.groupBy);
  if (scope.groupBy && scope.groupBy !== "all" && scope.group !== undefined) params.set("group", scope.group);
  return params;
}

/** `GET /api/v1/metrics/{metric}` over `scope`, per interval and in business hours when asked. */
export function metricPath(metric: MetricName, scope: MetricsScope, options: MetricOptions = {}): string {
  const params = scopeParams(scope);
  if (options.interval) params.set("interval", options.interval);
  if (options.hours && options.hours !== "calendar") params.set("hours", options.hours);
  return `/api/v1/metrics/${metric}?${params.toString()}`;
}

/** `GET /api/v1/metrics/cases`: one page of the cases behind a figure. */
export function casesPath(scope: MetricsScope, page: CasesPageOptions): string {
  const params = scopeParams(scope);
  if (page.cursor) params.set("cursor", page.cursor);
  params.set("limit", String(page.limit));
  return `/api/v1/metrics/cases?${params.toString()}`;
}

/** `GET /api/v1/metrics/cases.csv`: every case behind a figure, as a download link. */
export function casesCsvHref(scope: MetricsScope): string {
  return `/api/v1/metrics/cases.csv?${scopeParams(scope).toString()}`;
}
