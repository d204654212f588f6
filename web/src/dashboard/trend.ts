// Which way a figure moved since the previous period, and whether that is good news: times
// and the repeat-complaint rate are better lower, rates and ratios higher; the number of
// cases is neither.

/** Which way is better for a figure. */
export type Better = "higher" | "lower" | "neither";

/** How a change is told: relative to the previous value, or in percentage points (rates). */
export type ChangeUnit = "relative" | "points";

export interface Trend {
  direction: "up" | "down" | "flat";
  /** "neutral" for figures where neither way is better. */
  verdict: "better" | "worse" | "same" | "neutral";
  /**
   * The size of the change, never negative: a fraction of the previous value (0.25 for a
   * quarter more or less), or percentage points; null when the previous value was 0.
   */
  change: number | null;
  unit: ChangeUnit;
}

/** The trend from `previous` to `current`; null when either has nothing measured. */
export function trendOf(current: number | null, previous: number | null, better: Better, unit: ChangeUnit): Trend | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  const direction = delta > 0 ? "up" : delta < 0 ? "down" : "flat";
  const verdict =
    direction === "flat" ? "same" : better === "neither" ? "neutral" : (direction === "up") === (better === "higher") ? "better" : "worse";
  const change = unit === "points" ? Math.abs(delta) * 100 : previous === 0 ? null : Math.abs(delta / previous);
  return { direction, verdict, change, unit };
}
