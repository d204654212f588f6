import { describe, expect, it } from "vitest";
import { addDays, customProblem, localDateOf, periodDays, periodOf, previousPeriod, zonedInstant } from "./periods";

const kZone = "Asia/Jerusalem";
const kHour = 3_600_000;
// Monday 23 November 2026, 14:20 in Jerusalem (UTC+2).
const kNow = Date.UTC(2026, 10, 23, 12, 20);

describe("local dates and instants", () => {
  it("reads the date on the viewer's wall, not the machine's", () => {
    const ms = Date.UTC(2026, 10, 22, 22, 30); // 00:30 on the 23rd in Jerusalem
    expect(localDateOf(ms, kZone)).toBe("2026-11-23");
    expect(localDateOf(ms, "UTC")).toBe("2026-11-22");
  });

  it("finds local midnight in winter and in summer time", () => {
    expect(zonedInstant("2026-11-23", kZone)).toBe(Date.UTC(2026, 10, 22, 22));
    expect(zonedInstant("2026-07-01", kZone)).toBe(Date.UTC(2026, 5, 30, 21));
    expect(zonedInstant("2026-10-25", kZone)).toBe(Date.UTC(2026, 9, 24, 21)); // the day summer time ends
  });

  it("reads a time the spring jump skips with the offset from before it", () => {
    // 27 March 2026: 02:00 becomes 03:00, so 02:30 is 03:30 summer time.
    expect(zonedInstant("2026-03-27", kZone, 2.5 * kHour)).toBe(Date.UTC(2026, 2, 27, 0, 30));
  });

  it("adds days across months and years", () => {
    expect(addDays("2026-11-23", -29)).toBe("2026-10-25");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});

describe("periodOf and previousPeriod", () => {
  it("today runs from local midnight to now, and compares with yesterday until the same time", () => {
    const today = periodOf({ kind: "today" }, kNow, kZone);
    expect(today).toEqual({ from: Date.UTC(2026, 10, 22, 22), to: kNow, first: "2026-11-23", last: "2026-11-23", days: 1 });
    expect(previousPeriod(today, kZone)).toEqual({
      from: Date.UTC(2026, 10, 21, 22),
      to: Date.UTC(2026, 10, 22, 12, 20),
      first: "2026-11-22",
      last: "2026-11-22",
      days: 1,
    });
  });

  it("the last 7 days include today and compare with the 7 days before", () => {
    const week = periodOf({ kind: "last7" }, kNow, kZone);
    expect([week.first, week.last, week.days, week.from]).toEqual(["2026-11-17", "2026-11-23", 7, Date.UTC(2026, 10, 16, 22)]);
    const before = previousPeriod(week, kZone);
    expect([before.first, before.last, before.from, before.to]).toEqual([
      "2026-11-10",
      "2026-11-16",
      Date.UTC(2026, 10, 9, 22),
      Date.UTC(2026, 10, 16, 12, 20),
    ]);
    expect(periodOf({ kind: "last30" }, kNow, kZone).first).toBe("2026-10-25");
  });

  it("past dates are whole local days, and the previous period ends where they start, across the clock change", () => {
    const custom = periodOf({ kind: "custom", first: "2026-10-20", last: "2026-10-29" }, kNow, kZone);
    expect([custom.from, custom.to, custom.days]).toEqual([Date.UTC(2026, 9, 19, 21), Date.UTC(2026, 9, 29, 22), 10]);
    const before = previousPeriod(custom, kZone);
    expect([before.first, before.last, before.from, before.to]).toEqual(["2026-10-10", "2026-10-19", Date.UTC(2026, 9, 9, 21), custom.from]);
  });
});

describe("periodDays", () => {
  it("gives every local day its own length: 25 hours when summer time ends", () => {
    const days = periodDays(periodOf({ kind: "custom", first: "2026-10-24", last: "2026-10-26" }, kNow, kZone), kZone);
    expect(days.map((d) => [d.date, (d.to - d.from) / kHour])).toEqual([
      ["2026-10-24", 24],
      ["2026-10-25", 25],
      ["2026-10-26", 24],
    ]);
  });

  it("leaves out the days that have not begun and ends today at now", () => {
    const days = periodDays(periodOf({ kind: "custom", first: "2026-11-22", last: "2026-11-25" }, kNow, kZone), kZone);
    expect(days.map((d) => d.date)).toEqual(["2026-11-22", "2026-11-23"]);
    expect(days[1]).toEqual({ date: "2026-11-23", from: Date.UTC(2026, 10, 22, 22), to: kNow });
  });
});

describe("customProblem", () => {
  it("refuses missing dates, reversed dates, a future start and more than 366 days", () => {
    expect(customProblem("", "2026-11-23", "2026-11-23")).toBe("missing");
    expect(customProblem("2026-11-20", "2026-11-19", "2026-11-23")).toBe("order");
    expect(customProblem("2026-11-24", "2026-11-30", "2026-11-23")).toBe("future");
    expect(customProblem("2025-11-21", "2026-11-22", "2026-11-23")).toBe("tooLong");
    expect(customProblem("2025-11-22", "2026-11-22", "2026-11-23")).toBeNull();
    expect(customProblem("2026-11-23", "2026-11-23", "2026-11-23")).toBeNull();
  });
});
