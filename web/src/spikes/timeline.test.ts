import { describe, expect, it } from "vitest";
import type { SpikeAlert } from "../api/types";
import { periodOf } from "../dashboard/periods";
import { alertsIn, kMinWidth, layoutTimeline, timelineTicks, withSpike } from "./timeline";

const kZone = "Asia/Jerusalem";
const kMidnight = Date.UTC(2026, 10, 22, 22); // 23 November, local midnight
const kHour = 3_600_000;

function spike(id: string, startHour: number, endHour: number | null, kind: SpikeAlert["kind"] = "volume"): SpikeAlert {
  return { id, series: "rule:boycott", kind, started_at: kMidnight + startHour * kHour, ended_at: endHour === null ? null : kMidnight + endHour * kHour, observed: 20, expected: 2, score: 9 };
}

const kDay = { from: kMidnight, to: kMidnight + 24 * kHour };

describe("alertsIn", () => {
  it("keeps the spikes that overlap the period, oldest first, an ongoing one up to now", () => {
    const alerts = [spike("4", 20, null), spike("3", 10, 11), spike("2", -3, 1), spike("1", -10, -5)];
    expect(alertsIn(alerts, kDay.from, kDay.to, kMidnight + 21 * kHour).map((a) => a.id)).toEqual(["2", "3", "4"]);
    expect(alertsIn([spike("5", 30, null)], kDay.from, kDay.to, kMidnight + 31 * kHour)).toEqual([]);
  });
});

describe("layoutTimeline", () => {
  it("places each spike as a share of the period, cut at its ends, and gives overlapping ones their own lane", () => {
    const t = layoutTimeline([spike("1", 6, 12), spike("2", 9, 10), spike("3", 13, 14), spike("4", -2, 3)], kDay, kMidnight + 23 * kHour);
    expect(t.items.map((i) => [i.alert.id, i.lane, +i.offset.toFixed(4), +i.width.toFixed(4)])).toEqual([
      ["4", 0, 0, 0.125],
      ["1", 0, 0.25, 0.25],
      ["2", 1, 0.375, 0.0417],
      ["3", 0, 0.5417, 0.0417],
    ]);
    expect(t.lanes).toBe(2);
  });

  it("draws an ongoing spike to now, and a very short one wide enough to click, inside the axis", () => {
    const now = kMidnight + 18 * kHour;
    const t = layoutTimeline([spike("1", 12, null), spike("2", 23.99, 24)], kDay, now);
    expect(t.items[0]).toMatchObject({ ongoing: true, offset: 0.5, width: 0.25 });
    expect(t.items[1]?.width).toBe(kMinWidth);
    expect((t.items[1]?.offset ?? 0) + (t.items[1]?.width ?? 0)).toBeCloseTo(1);
  });
});

describe("timelineTicks", () => {
  it("ticks a day every three local hours", () => {
    const today = periodOf({ kind: "today" }, kMidnight + 14 * kHour, kZone);
    const ticks = timelineTicks(today, kZone);
    expect(ticks.map((t) => [t.kind, (t.ms - kMidnight) / kHour])).toEqual([
      ["hour", 0],
      ["hour", 3],
      ["hour", 6],
      ["hour", 9],
      ["hour", 12],
    ]);
  });

  it("ticks longer periods at local midnights, at most about eight", () => {
    const week = periodOf({ kind: "last7" }, kMidnight + 14 * kHour, kZone);
    expect(timelineTicks(week, kZone).map((t) => t.date)).toEqual(["2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"]);
    const month = periodOf({ kind: "last30" }, kMidnight + 14 * kHour, kZone);
    const ticks = timelineTicks(month, kZone);
    expect(ticks.length).toBe(8);
    expect(ticks[0]?.date).toBe("2026-10-25");
    expect(ticks[1]?.date).toBe("2026-10-29");
  });
});

describe("withSpike", () => {
  it("adds a started spike first and updates a known one", () => {
    const list = [spike("2", 5, null), spike("1", 1, 2)];
    const added = withSpike(list, spike("3", 7, null), false);
    expect(added.map((a) => a.id)).toEqual(["3", "2", "1"]);
    expect(withSpike(added, { ...spike("3", 7, null), observed: 40 }, false)[0]?.observed).toBe(40);
  });

  it("ends a known spike, keeping its start (the server sends an end's start as 0)", () => {
    const list = [spike("2", 5, null)];
    const end = { ...spike("2", 0, 6), started_at: 0 };
    expect(withSpike(list, end, true)).toEqual([{ ...spike("2", 5, 6) }]);
  });

  it("leaves the end of a spike it never saw to be read from the server", () => {
    const list = [spike("1", 1, 2)];
    expect(withSpike(list, { ...spike("9", 0, 6), started_at: 0 }, true)).toEqual(list);
  });
});
