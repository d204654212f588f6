import { describe, expect, it } from "vitest";
import { formatCalendarDay, formatDaySpan, formatDecimal, formatDuration, formatPercent, formatSeconds, formatTime, languageName } from "./format";

describe("formatDuration", () => {
  it("shows the two largest units", () => {
    expect(formatDuration(42 * 60_000, "en")).toBe("42 mins");
    expect(formatDuration((65) * 60_000, "en")).toBe("1 hr 5 mins");
    expect(formatDuration(-(2 * 1440 + 180) * 60_000, "en")).toBe("2 days 3 hrs");
    expect(formatDuration(42 * 60_000, "he")).toBe("42 דק׳");
  });
});

describe("formatTime", () => {
  it("uses the agent's time zone, not the machine's", () => {
    const ms = Date.UTC(2026, 10, 22, 21, 30); // 23:30 in Jerusalem, 21:30 in London
    expect(formatTime(ms, { lang: "en", timeZone: "Asia/Jerusalem" }, ms)).toBe("23:30");
    expect(formatTime(ms, { lang: "en", timeZone: "Europe/London" }, ms)).toBe("21:30");
  });
});

describe("languageName", () => {
  it("names a language in the agent's language, and falls back to the code", () => {
    expect(languageName("he", "en")).toBe("Hebrew");
    expect(languageName("en", "he")).toBe("אנגלית");
    expect(languageName("he", "he")).toBe("עברית");
    expect(languageName("1x", "en")).toBe("1x");
  });
});

describe("formatSeconds", () => {
  it("shows seconds under a minute, else the duration rounded to the minute", () => {
    expect(formatSeconds(45, "he")).toBe("45 שנ׳");
    expect(formatSeconds(59.6, "he")).toBe("1 דק׳");
    expect(formatSeconds(720, "he")).toBe("12 דק׳");
    expect(formatSeconds(3_900, "he")).toBe("1 שעה 5 דק׳");
    expect(formatSeconds(3_900, "en")).toBe("1 hr 5 mins");
  });
});

describe("figures", () => {
  it("formats shares, ratios and calendar days with Intl in the agent's language", () => {
    expect(formatPercent(0.925, "he")).toBe("92.5%");
    expect(formatDecimal(2.456, "he")).toBe("2.46");
    expect(formatCalendarDay("2026-11-23", "he")).toBe("23 בנוב׳");
    expect(formatCalendarDay("2026-11-23", "en")).toBe("23 Nov");
    expect(formatDaySpan("2026-11-17", "2026-11-23", "he")).toBe("17 בנוב׳ – 23 בנוב׳");
    expect(formatDaySpan("2026-11-23", "2026-11-23", "he")).toBe("23 בנוב׳");
  });
});
