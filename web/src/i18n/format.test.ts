import { describe, expect, it } from "vitest";
import { formatDuration, formatTime, languageName } from "./format";

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
