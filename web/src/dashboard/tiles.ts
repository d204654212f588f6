// The dashboard's tiles: which figure of the summary each shows, which way is better, and the
// figure now and in the previous period.
import type { MetricItem } from "../api/types";
import { readFigure, type FigureKind } from "./figures";
import { trendOf, type Better, type Trend } from "./trend";

export type TileId =
  | "frMedian"
  | "frP90"
  | "responseRate"
  | "slaCompliance"
  | "resolutionMedian"
  | "repeatRate"
  | "sentimentRatio"
  | "volume";

interface TileSpec {
  id: TileId;
  /** Where the figure is in a summary item. */
  path: string;
  kind: FigureKind;
  better: Better;
}

/** The tiles in the order they are shown. */
export const kTileSpecs: readonly TileSpec[] = [
  { id: "frMedian", path: "first_response.median_s", kind: "duration", better: "lower" },
  { id: "frP90", path: "first_response.p90_s", kind: "duration", better: "lower" },
  { id: "responseRate", path: "response_rate.rate", kind: "rate", better: "higher" },
  { id: "slaCompliance", path: "sla.compliance", kind: "rate", better: "higher" },
  { id: "resolutionMedian", path: "resolution.median_s", kind: "duration", better: "lower" },
  { id: "repeatRate", path: "repeat_complaints.rate", kind: "rate", better: "lower" },
  { id: "sentimentRatio", path: "sentiment.positive_per_negative", kind: "ratio", better: "higher" },
  { id: "volume", path: "volume.count", kind: "count", better: "neither" },
];

export interface Tile {
  id: TileId;
  kind: FigureKind;
  /** The figure in the period; null when there was nothing to measure. */
  value: number | null;
  previous: number | null;
  trend: Trend | null;
}

/**
 * The tiles for the period's summary and the previous period's (each the one item of
 * `GET /api/v1/metrics/summary` with group_by=all, or undefined when the period had no case).
 * Rates move in percentage points, other figures relative to their previous value; a period
 * without cases has 0 cases, not "nothing measured".
 */
export function buildTiles(current: MetricItem | undefined, previous: MetricItem | undefined): Tile[] {
  const read = (item: MetricItem | undefined, spec: TileSpec) => readFigure(item, spec.path) ?? (spec.kind === "count" ? 0 : null);
  return kTileSpecs.map((spec) => {
    const value = read(current, spec);
    const before = read(previous, spec);
    return { id: spec.id, kind: spec.kind, value, previous: before, trend: trendOf(value, before, spec.better, spec.kind === "rate" ? "points" : "relative") };
  });
}
