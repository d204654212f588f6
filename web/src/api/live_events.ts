// The live stream's messages (schema/events.md), parsed into a tagged union.
import type { Case, CaseEvent, Crisis, CrisisSummary, Reply, SpikeDetail, User } from "./types";

export type LiveEvent =
  | { type: "hello"; at: number; user: User; team_ids: string[] }
  | { type: `case.${string}`; at: number; case: Case; event: CaseEvent }
  | {
      type: "message.created";
      at: number;
      case: Case;
      message: { id: string; case_id: string; platform: string; direction: "inbound" | "outbound"; created_at: number };
    }
  | { type: `reply.${string}`; at: number; reply: Reply }
  | { type: "crisis.started" | "crisis.updated" | "crisis.ended"; at: number; crisis: Crisis; summary?: CrisisSummary }
  | { type: "spike.started" | "spike.ended"; at: number; spike: SpikeDetail }
  | { type: "overflow"; at: number; message: string };

/**
 * Parses one text frame. Returns null for anything that is not an object with a string
 * `type` (a newer server's extra frames are ignored rather than crashing the client).
 */
export function parseLiveEvent(frame: string): LiveEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(frame);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== "string") return null;
  return value as LiveEvent;
}

export function isCaseEvent(e: LiveEvent): e is Extract<LiveEvent, { case: Case }> {
  return "case" in e && typeof e.case === "object" && e.case !== null;
}

export function isReplyEvent(e: LiveEvent): e is Extract<LiveEvent, { reply: Reply }> {
  return e.type.startsWith("reply.") && "reply" in e;
}

export function isCrisisEvent(e: LiveEvent): e is Extract<LiveEvent, { crisis: Crisis }> {
  return e.type.startsWith("crisis.") && "crisis" in e && typeof e.crisis === "object" && e.crisis !== null;
}

export function isSpikeEvent(e: LiveEvent): e is Extract<LiveEvent, { spike: SpikeDetail }> {
  return e.type.startsWith("spike.") && "spike" in e && typeof e.spike === "object" && e.spike !== null;
}
