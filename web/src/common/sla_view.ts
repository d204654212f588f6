// What an SLA countdown shows at a given moment. The server raises warnings and breaches
// from its own clock; the countdown turns amber and red by itself when the stored warning and
// due times pass, so the colour never waits for an event.
import type { SlaReading } from "../api/types";
import type { MessageKey } from "../i18n/messages";

export type SlaTone = "ok" | "warning" | "breached" | "paused" | "met" | "none";

export interface SlaView {
  tone: SlaTone;
  key: MessageKey;
  /** Milliseconds to the due time (negative when late); null when the clock is not running. */
  remainingMs: number | null;
}

export function slaView(sla: SlaReading | null | undefined, now: number): SlaView {
  if (!sla || !sla.state) return { tone: "none", key: "sla.none", remainingMs: null };
  switch (sla.state) {
    case "met":
      return { tone: "met", key: "sla.met", remainingMs: null };
    case "paused":
      return { tone: "paused", key: "sla.paused", remainingMs: null };
    default: {
      const due = sla.due_at ?? null;
      if (due === null) return { tone: "none", key: "sla.none", remainingMs: null };
      const remaining = due - now;
      if (sla.state === "breached" || remaining <= 0) return { tone: "breached", key: "sla.breached", remainingMs: remaining };
      const warned = sla.state === "warning" || (sla.warn_at != null && now >= sla.warn_at);
      return warned
        ? { tone: "warning", key: "sla.warning", remainingMs: remaining }
        : { tone: "ok", key: "sla.on_track", remainingMs: remaining };
    }
  }
}
