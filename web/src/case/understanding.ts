// What the server understood of a message, as the chips read it from a message or from the
// insight a label correction answers with.
import type { MessageInsight } from "../api/types";

/** The optional understanding fields a message may carry. */
export interface Understanding {
  language?: string;
  sentiment?: string;
  intent?: string;
  sensitivity?: string[];
  rules?: string[];
  priority?: string;
  reasons?: string[];
  corrected?: string[];
}

/**
 * Reads the understanding fields of `m` (a message, or the insight `POST …/labels` answers),
 * tolerating their absence or unexpected shapes. Every field is present in the result, absent
 * ones as `undefined`, so spreading it over an older reading replaces the whole insight.
 */
export function understandingOf(m: MessageInsight): Understanding {
  const raw = m as Record<string, unknown>;
  const str = (k: string) => (typeof raw[k] === "string" && raw[k] ? (raw[k] as string) : undefined);
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined);
  const triage = (raw["triage"] ?? {}) as Record<string, unknown>;
  return {
    language: str("language") ?? str("lang"),
    sentiment: str("sentiment"),
    intent: str("intent"),
    sensitivity: strings(raw["sensitivity"]),
    rules: strings(raw["rules"]),
    priority: typeof triage["priority"] === "string" ? (triage["priority"] as string) : undefined,
    reasons: strings(triage["reasons"]),
    corrected: strings(raw["corrected"]),
  };
}
