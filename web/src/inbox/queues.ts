// The inbox's queues: what each asks the server for, and how a live event decides whether a
// case belongs in it now, so an open queue stays right between reloads.
import type { Case, CaseStatus, Platform, SlaReading } from "../api/types";

export type QueueId =
  | { kind: "mine" }
  | { kind: "unassigned" }
  | { kind: "team"; teamId: string }
  | { kind: "breaching" }
  | { kind: "platform"; platform: Platform }
  | { kind: "all" };

export interface QueueFilters {
  /** Free text, searched by the server in messages and the customer's name and handle. */
  q: string;
  status: CaseStatus | "";
  platform: Platform | "";
}

export const kNoFilters: QueueFilters = { q: "", status: "", platform: "" };

/** Minutes before its due time at which a running clock counts as breaching soon. */
export const kBreachingSoonMinutes = 15;

const kActive: ReadonlySet<CaseStatus> = new Set(["new", "open", "pending"]);

export function isActive(status: CaseStatus): boolean {
  return kActive.has(status);
}

/** The query string of GET /api/v1/cases for `queue` under `filters`. */
export function queueQuery(queue: QueueId, filters: QueueFilters): Record<string, string | undefined> {
  const q: Record<string, string | undefined> = {
    q: filters.q.trim() || undefined,
    platform: filters.platform || undefined,
  };
  if (filters.status) q.status = filters.status;
  else q.active = "true";
  switch (queue.kind) {
    case "mine":
      q.assignee = "me";
      break;
    case "unassigned":
      q.unassigned = "true";
      break;
    case "team":
      q.team = queue.teamId;
      break;
    case "breaching":
      q.sla = "breaching";
      break;
    case "platform":
      q.platform = queue.platform;
      break;
    case "all":
      break;
  }
  return q;
}

/** True when the SLA clock is in warning, breached, or due within kBreachingSoonMinutes of `now`. */
export function isBreachingSoon(sla: SlaReading | null | undefined, now: number): boolean {
  if (!sla) return false;
  if (sla.state === "warning" || sla.state === "breached") return true;
  if (sla.state !== "on_track" || sla.due_at == null) return false;
  return sla.due_at - now <= kBreachingSoonMinutes * 60_000;
}

/**
 * Whether case `c` belongs in `queue` under `filters` for user `me`. Free-text search is the
 * server's: a live case that matches every other condition is kept only if it is already
 * listed (`listed`), so a search never gains rows it cannot vouch for.
 */
export function belongsTo(
  c: Case,
  queue: QueueId,
  filters: QueueFilters,
  me: string,
  now: number,
  listed: boolean,
): boolean {
  if (filters.status ? c.status !== filters.status : !isActive(c.status)) return false;
  if (filters.platform && c.platform !== filters.platform) return false;
  if (filters.q.trim() && !listed) return false;
  switch (queue.kind) {
    case "mine":
      return c.assignee_id === me;
    case "unassigned":
      return !c.assignee_id;
    case "team":
      return c.team_id === queue.teamId;
    case "breaching":
      return isBreachingSoon(c.sla, now);
    case "platform":
      return c.platform === queue.platform;
    case "all":
      return true;
  }
}

/** Order of a queue: soonest due first for `breaching`, else latest activity first. */
export function compareInQueue(queue: QueueId): (a: Case, b: Case) => number {
  if (queue.kind === "breaching") {
    return (a, b) => dueOf(a) - dueOf(b) || Number(a.id) - Number(b.id);
  }
  return (a, b) => b.last_activity_at - a.last_activity_at || Number(b.id) - Number(a.id);
}

function dueOf(c: Case): number {
  return c.sla?.due_at ?? Number.MAX_SAFE_INTEGER;
}

/** A stable string for a queue, for URLs and storage. */
export function queueKey(queue: QueueId): string {
  switch (queue.kind) {
    case "team":
      return `team:${queue.teamId}`;
    case "platform":
      return `platform:${queue.platform}`;
    default:
      return queue.kind;
  }
}

/** The inverse of queueKey; unknown strings give "mine". */
export function parseQueueKey(key: string | null | undefined): QueueId {
  if (!key) return { kind: "mine" };
  const [kind, arg] = key.split(":", 2);
  switch (kind) {
    case "mine":
    case "unassigned":
    case "breaching":
    case "all":
      return { kind };
    case "team":
      return arg ? { kind: "team", teamId: arg } : { kind: "mine" };
    case "platform":
      return arg ? { kind: "platform", platform: arg as Platform } : { kind: "mine" };
    default:
      return { kind: "mine" };
  }
}
