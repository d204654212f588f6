import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import type { Topic } from "../api/types";
import { periodDays, periodOf } from "../dashboard/periods";
import { translate, type MessageKey } from "../i18n/messages";
import { issueText, sendFailure, sortTopics, topicChange, topicIssuePath, topicSendPath, topicsPath, trendPoints } from "./topics";

const he = (key: MessageKey, p?: Record<string, string | number>) => translate("he", key, p);
const en = (key: MessageKey, p?: Record<string, string | number>) => translate("en", key, p);

describe("topic paths", () => {
  it("asks for a period in the viewer's zone, and sends and copies a topic over the same period", () => {
    const scope = { from: 1_795_384_800_000, to: 1_795_442_400_000, timeZone: "Asia/Jerusalem" };
    expect(topicsPath(scope)).toBe("/api/v1/topics?from=1795384800000&to=1795442400000&tz=Asia%2FJerusalem");
    expect(topicSendPath("12", scope)).toBe("/api/v1/topics/12/send?from=1795384800000&to=1795442400000&tz=Asia%2FJerusalem");
    expect(topicIssuePath("12", "jira", scope)).toBe("/api/v1/topics/12/issue?from=1795384800000&to=1795442400000&tz=Asia%2FJerusalem&format=jira");
  });
});

describe("topicChange", () => {
  it("calls more complaints worse, in either language", () => {
    expect(topicChange(41, 17, "en", en)).toEqual({ arrow: "▲", text: "141.2%", spoken: "up 141.2% from 17 in the previous period", verdict: "worse" });
    expect(topicChange(41, 17, "he", he).spoken).toBe("עלייה של 141.2% לעומת 17 בתקופה הקודמת");
  });

  it("calls fewer complaints better", () => {
    expect(topicChange(8, 10, "he", he)).toEqual({ arrow: "▼", text: "20%", spoken: "ירידה של 20% לעומת 10 בתקופה הקודמת", verdict: "better" });
  });

  it("says a topic is new when the previous period had none, and when nothing changed", () => {
    expect(topicChange(5, 0, "he", he)).toEqual({ arrow: "▲", text: "חדש", spoken: "חדש: לא היה בתקופה הקודמת", verdict: "worse" });
    expect(topicChange(6, 6, "en", en)).toMatchObject({ arrow: "=", text: "no change", spoken: "as many as in the previous period (6)", verdict: "same" });
  });
});

describe("trendPoints", () => {
  it("gives every day of the period a point, with 0 where the topic had no complaint", () => {
    const days = periodDays(periodOf({ kind: "custom", first: "2026-11-20", last: "2026-11-23" }, Date.UTC(2026, 10, 23, 12), "Asia/Jerusalem"), "Asia/Jerusalem");
    expect(
      trendPoints(
        [
          { day: "2026-11-23", count: 2 },
          { day: "2026-11-20", count: 5 },
        ],
        days,
      ),
    ).toEqual([
      { date: "2026-11-20", count: 5 },
      { date: "2026-11-21", count: 0 },
      { date: "2026-11-22", count: 0 },
      { date: "2026-11-23", count: 2 },
    ]);
  });

  it("draws nothing for a trend the server left empty", () => {
    expect(trendPoints([], [{ date: "2026-11-20", from: 0, to: 1 }])).toEqual([]);
  });

  it("keeps the server's days, in order, without a period", () => {
    expect(trendPoints([{ day: "2026-11-21", count: 1 }, { day: "2026-11-20", count: 3 }], [])).toEqual([
      { date: "2026-11-20", count: 3 },
      { date: "2026-11-21", count: 1 },
    ]);
  });
});

describe("answers", () => {
  it("orders topics by complaints, then by name", () => {
    const t = (id: string, name: string, count: number) => ({ id, name, count }) as Topic;
    expect(sortTopics([t("1", "ב", 3), t("2", "א", 3), t("3", "ג", 9)], "he").map((x) => x.id)).toEqual(["3", "2", "1"]);
  });

  it("copies an issue as the server's JSON, indented", () => {
    expect(issueText({ title: "משלוח · איחור", labels: ["customer-care"] })).toBe('{\n  "title": "משלוח · איחור",\n  "labels": [\n    "customer-care"\n  ]\n}');
  });

  it("says clearly when no product-team webhook is configured", () => {
    expect(sendFailure(new ApiError(409, "product_webhook_not_configured", "no webhook"), he)).toBe("בשרת הזה לא מוגדר webhook של צוות המוצר. בקשו ממנהל/ת להגדיר אחד.");
    expect(sendFailure(new ApiError(502, "delivery_failed", "the webhook answered 500"), en)).toBe("the webhook answered 500");
    expect(sendFailure(new ApiError(0, "network", "x"), en)).toBe("The server cannot be reached.");
  });
});
