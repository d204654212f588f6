import { describe, expect, it } from "vitest";
import { canViewMetrics, casesCsvHref, casesPath, metricPath } from "./metrics_query";

const kScope = { from: 1_795_384_800_000, to: 1_795_442_400_000, timeZone: "Asia/Jerusalem" };

describe("metric paths", () => {
  it("asks a metric over the period in the viewer's zone, per day and in business hours when told", () => {
    expect(metricPath("summary", kScope)).toBe("/api/v1/metrics/summary?from=1795384800000&to=1795442400000&tz=Asia%2FJerusalem");
    expect(metricPath("first-response", kScope, { interval: "day", hours: "business" })).toBe(
      "/api/v1/metrics/first-response?from=1795384800000&to=1795442400000&tz=Asia%2FJerusalem&interval=day&hours=business",
    );
    expect(metricPath("summary", { ...kScope, groupBy: "team" }, { hours: "calendar" })).toBe(
      "/api/v1/metrics/summary?from=1795384800000&to=1795442400000&tz=Asia%2FJerusalem&group_by=team",
    );
  });

  it("keeps an empty group, which means the cases without a value, and drops group_by=all", () => {
    expect(casesPath({ ...kScope, groupBy: "agent", group: "" }, { limit: 50 })).toBe(
      "/api/v1/metrics/cases?from=1795384800000&to=1795442400000&tz=Asia%2FJerusalem&group_by=agent&group=&limit=50",
    );
    expect(casesPath({ ...kScope, groupBy: "all", group: "x" }, { limit: 50, cursor: "1795384900000:12" })).toBe(
      "/api/v1/metrics/cases?from=1795384800000&to=1795442400000&tz=Asia%2FJerusalem&cursor=1795384900000%3A12&limit=50",
    );
  });

  it("links the CSV with the drill-down's scope and no paging", () => {
    expect(casesCsvHref({ ...kScope, groupBy: "intent", group: "תלונה" })).toBe(
      "/api/v1/metrics/cases.csv?from=1795384800000&to=1795442400000&tz=Asia%2FJerusalem&group_by=intent&group=%D7%AA%D7%9C%D7%95%D7%A0%D7%94",
    );
  });

  it("lets supervisors and admins see the metrics, not agents", () => {
    expect([canViewMetrics("supervisor"), canViewMetrics("admin"), canViewMetrics("agent"), canViewMetrics(undefined)]).toEqual([true, true, false, false]);
  });
});
