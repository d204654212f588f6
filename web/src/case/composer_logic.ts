// What the composer offers on each network and how it counts. The server checks every draft
// again (POST …/replies/check) and has the last word; these counts let the agent see the
// limit while typing. X counts by twitter-text's weighted length (most emoji and CJK count 2,
// links 23), loaded on first use; Meta counts code points, Instagram messages UTF-8 bytes.
import type { Platform, ReplyRoute } from "../api/types";

export type ComposerMode = ReplyRoute | "move_to_private";

export interface TextLimit {
  max: number;
  unit: "weighted" | "chars" | "bytes";
}

/** The ways to answer on `platform`, the native public one first. */
export function modesFor(platform: Platform): ComposerMode[] {
  switch (platform) {
    case "x":
      return ["public_reply", "move_to_private", "direct_message"];
    case "facebook":
      return ["public_reply", "move_to_private", "private_reply"];
    case "instagram":
      return ["public_reply", "move_to_private", "private_reply", "direct_message"];
    case "messenger":
      return ["direct_message"];
    default:
      return ["public_reply"];
  }
}

/** The length limit of a reply by `route` on `platform` (the connectors' limits). */
export function limitFor(platform: Platform, route: ReplyRoute): TextLimit {
  if (platform === "x") return route === "direct_message" ? { max: 10_000, unit: "chars" } : { max: 280, unit: "weighted" };
  if (platform === "instagram") return route === "public_reply" ? { max: 2_200, unit: "chars" } : { max: 1_000, unit: "bytes" };
  if (platform === "facebook" && route === "public_reply") return { max: 8_000, unit: "chars" };
  return { max: 2_000, unit: "chars" };
}

/** For move-to-private: the route of the private half on `platform`. */
export function privateRouteFor(platform: Platform): ReplyRoute {
  return platform === "x" ? "direct_message" : "private_reply";
}

type WeightedCounter = (text: string) => number;
let weighted: WeightedCounter | null = null;
let loading: Promise<WeightedCounter> | null = null;

/** Loads twitter-text once; resolves to its weighted-length counter. */
export function loadWeightedCounter(): Promise<WeightedCounter> {
  if (weighted) return Promise.resolve(weighted);
  loading ??= import("twitter-text").then((m) => {
    const parse = m.parseTweet ?? m.default.parseTweet;
    weighted = (text) => parse(text).weightedLength;
    return weighted;
  });
  return loading;
}

/**
 * The length of `text` in the unit of `limit`. A weighted count before twitter-text has
 * loaded falls back to code points (a lower bound for Hebrew and Latin text).
 */
export function measure(text: string, limit: TextLimit): number {
  switch (limit.unit) {
    case "bytes":
      return new TextEncoder().encode(text).length;
    case "weighted":
      return weighted ? weighted(text) : Array.from(text).length;
    case "chars":
      return Array.from(text).length;
  }
}
