import { describe, expect, it } from "vitest";
import type { CrisisSummary } from "../api/types";
import { translate, type MessageKey } from "../i18n/messages";
import { summaryFacts } from "./crisis_summary";

const kSummary: CrisisSummary = {
  cases: 12,
  messages: 40,
  negative: 30,
  replies_sent: 9,
  cases_answered: 8,
  median_first_reply_s: 754.3,
  peak_hour: Date.UTC(2026, 10, 23, 12), // 14:00 in Jerusalem
  peak_hour_messages: 17,
  duration_s: 2 * 3600 + 5 * 60 + 20,
};

const facts = (lang: "he" | "en", s: CrisisSummary) =>
  Object.fromEntries(summaryFacts(s, { lang, timeZone: "Asia/Jerusalem" }, (key: MessageKey, p) => translate(lang, key, p)).map((f) => [f.id, [f.label, f.value]]));

describe("summaryFacts", () => {
  it("reads a summary in English: durations in hours and minutes, shares, the busiest hour in the viewer's zone", () => {
    const en = facts("en", kSummary);
    expect(en.duration).toEqual(["Duration", "2 hrs 5 mins"]);
    expect(en.cases).toEqual(["Related cases", "12"]);
    expect(en.negative).toEqual(["Negative messages", "30 (75%)"]);
    expect(en.casesAnswered).toEqual(["Cases answered", "8 of 12 (66.7%)"]);
    expect(en.medianFirstReply).toEqual(["Median time to the first reply", "13 mins"]);
    expect(en.peakHour?.[1]).toMatch(/^23 Nov 2026, 14:00–15:00, 17 messages$/);
  });

  it("reads it in Hebrew, with a dash where nothing was measured", () => {
    const he = facts("he", { ...kSummary, median_first_reply_s: null, peak_hour: null, cases: 0, cases_answered: 0, messages: 0, negative: 0, duration_s: 42 });
    expect(he.duration).toEqual(["משך", "42 שנ׳"]);
    expect(he.medianFirstReply).toEqual(["זמן חציוני עד התגובה הראשונה", "—"]);
    expect(he.peakHour).toEqual(["השעה העמוסה ביותר", "—"]);
    expect(he.negative).toEqual(["הודעות שליליות", "0"]);
    expect(he.casesAnswered).toEqual(["פניות שנענו", "0"]);
    expect(facts("he", kSummary).casesAnswered).toEqual(["פניות שנענו", "8 מתוך 12 (66.7%)"]);
    expect(facts("he", kSummary).duration?.[1]).toBe("שעתיים 5 דק׳");
  });
});
