import { describe, expect, it } from "vitest";
import type { MetricItem } from "../api/types";
import { readFigure } from "./figures";
import { buildTiles } from "./tiles";

function summary(figures: Record<string, Record<string, number | null>>): MetricItem {
  return { group: "", label: "", count: 0, ...figures } as MetricItem;
}

const kNow = summary({
  first_response: { count: 8, median_s: 480, p90_s: 1800 },
  response_rate: { rate: 0.9 },
  sla: { compliance: 0.75 },
  resolution: { median_s: null },
  repeat_complaints: { rate: 0.2 },
  sentiment: { positive_per_negative: 1.5 },
  volume: { count: 12 },
});
const kBefore = summary({
  first_response: { count: 5, median_s: 600, p90_s: 1500 },
  response_rate: { rate: 0.8 },
  sla: { compliance: 0.75 },
  resolution: { median_s: 7200 },
  repeat_complaints: { rate: 0.1 },
  sentiment: { positive_per_negative: null },
  volume: { count: 10 },
});

describe("readFigure", () => {
  it("reads nested figures and gives null for missing or non-numeric ones", () => {
    expect(readFigure(kNow, "first_response.median_s")).toBe(480);
    expect(readFigure(kNow, "resolution.median_s")).toBeNull();
    expect(readFigure(kNow, "label")).toBeNull();
    expect(readFigure(undefined, "volume.count")).toBeNull();
  });
});

describe("buildTiles", () => {
  it("shows each figure against the previous period, lower times and repeat rates being better", () => {
    const tiles = buildTiles(kNow, kBefore);
    expect(tiles.map((t) => [t.id, t.value, t.previous, t.trend?.verdict ?? null])).toEqual([
      ["frMedian", 480, 600, "better"],
      ["frP90", 1800, 1500, "worse"],
      ["responseRate", 0.9, 0.8, "better"],
      ["slaCompliance", 0.75, 0.75, "same"],
      ["resolutionMedian", null, 7200, null],
      ["repeatRate", 0.2, 0.1, "worse"],
      ["sentimentRatio", 1.5, null, null],
      ["volume", 12, 10, "neutral"],
    ]);
    expect(tiles[2]?.trend?.unit).toBe("points");
    expect(tiles[0]?.trend?.unit).toBe("relative");
  });

  it("counts a period without cases as zero cases, with nothing else measured", () => {
    const tiles = buildTiles(kNow, undefined);
    expect(tiles.find((t) => t.id === "volume")).toMatchObject({ value: 12, previous: 0, trend: { direction: "up", change: null } });
    expect(tiles.find((t) => t.id === "frMedian")).toMatchObject({ previous: null, trend: null });
  });
});
