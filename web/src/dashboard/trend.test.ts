import { describe, expect, it } from "vitest";
import { translate } from "../i18n/messages";
import { trendOf } from "./trend";
import { trendText } from "./trend_text";

const he = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate("he", key, params);

describe("trendOf", () => {
  it("knows that a shorter time is better", () => {
    expect(trendOf(480, 600, "lower", "relative")).toEqual({ direction: "down", verdict: "better", change: 0.2, unit: "relative" });
    expect(trendOf(900, 600, "lower", "relative")).toMatchObject({ direction: "up", verdict: "worse", change: 0.5 });
  });

  it("knows that a higher rate is better and a higher repeat rate worse, in percentage points", () => {
    expect(trendOf(0.95, 0.9, "higher", "points")).toMatchObject({ direction: "up", verdict: "better" });
    expect(trendOf(0.95, 0.9, "higher", "points")?.change).toBeCloseTo(5);
    expect(trendOf(0.15, 0.1, "lower", "points")).toMatchObject({ direction: "up", verdict: "worse" });
  });

  it("judges neither way for the number of cases, and calls no move the same", () => {
    expect(trendOf(12, 10, "neither", "relative")).toMatchObject({ direction: "up", verdict: "neutral", change: 0.2 });
    expect(trendOf(10, 10, "lower", "relative")).toMatchObject({ direction: "flat", verdict: "same", change: 0 });
  });

  it("has no relative change from zero, and no trend without both figures", () => {
    expect(trendOf(3, 0, "neither", "relative")).toMatchObject({ direction: "up", change: null });
    expect(trendOf(null, 600, "lower", "relative")).toBeNull();
    expect(trendOf(600, null, "lower", "relative")).toBeNull();
  });
});

describe("trendText", () => {
  it("tells the move and the verdict in Hebrew", () => {
    const shorter = trendText({ direction: "down", verdict: "better", change: 0.2, unit: "relative" }, "he", he);
    expect(shorter).toEqual({ arrow: "▼", change: "20%", spoken: "ירידה של 20%, שיפור", verdict: "better" });
    const repeats = trendText({ direction: "up", verdict: "worse", change: 5, unit: "points" }, "he", he);
    expect(repeats.spoken).toBe("עלייה של 5 נק׳ אחוז, הרעה");
    expect(trendText({ direction: "up", verdict: "neutral", change: null, unit: "relative" }, "he", he).spoken).toBe("עלייה מאפס");
    expect(trendText({ direction: "flat", verdict: "same", change: 0, unit: "relative" }, "he", he)).toMatchObject({ arrow: "=", spoken: "ללא שינוי" });
  });
});
