import { describe, expect, it } from "vitest";
import type { Case } from "../api/types";
import { belongsTo, compareInQueue, isBreachingSoon, kNoFilters, parseQueueKey, queueKey, queueQuery, type QueueId } from "./queues";

const now = 1_763_800_000_000;

function aCase(over: Partial<Case> = {}): Case {
  return {
    id: "1",
    status: "open",
    platform: "x",
    account_id: "a",
    customer_id: "c",
    opened_at: now - 60_000,
    last_activity_at: now - 60_000,
    message_count: 1,
    assignee_id: null,
    team_id: null,
    sla: null,
    ...over,
  };
}

describe("queueQuery", () => {
  it("asks for active cases of the queue unless a status is chosen", () => {
    expect(queueQuery({ kind: "mine" }, kNoFilters)).toMatchObject({ assignee: "me", active: "true" });
    expect(queueQuery({ kind: "unassigned" }, kNoFilters)).toMatchObject({ unassigned: "true", active: "true" });
    expect(queueQuery({ kind: "team", teamId: "7" }, kNoFilters)).toMatchObject({ team: "7" });
    expect(queueQuery({ kind: "breaching" }, kNoFilters)).toMatchObject({ sla: "breaching" });
    const resolved = queueQuery({ kind: "all" }, { ...kNoFilters, status: "resolved" });
    expect(resolved.status).toBe("resolved");
    expect(resolved.active).toBeUndefined();
  });

  it("sends the trimmed search and omits an empty one", () => {
    expect(queueQuery({ kind: "all" }, { ...kNoFilters, q: "  משלוח " }).q).toBe("משלוח");
    expect(queueQuery({ kind: "all" }, kNoFilters).q).toBeUndefined();
  });
});

describe("belongsTo", () => {
  const mine: QueueId = { kind: "mine" };
  it("follows the assignee for 'mine'", () => {
    expect(belongsTo(aCase({ assignee_id: "3" }), mine, kNoFilters, "3", now, false)).toBe(true);
    expect(belongsTo(aCase({ assignee_id: "4" }), mine, kNoFilters, "3", now, true)).toBe(false);
  });

  it("drops resolved cases from the active view", () => {
    expect(belongsTo(aCase({ assignee_id: "3", status: "resolved" }), mine, kNoFilters, "3", now, true)).toBe(false);
    expect(belongsTo(aCase({ assignee_id: "3", status: "resolved" }), mine, { ...kNoFilters, status: "resolved" }, "3", now, false)).toBe(true);
  });

  it("never adds an unlisted case to a search result, but keeps a listed one", () => {
    const f = { ...kNoFilters, q: "refund" };
    expect(belongsTo(aCase(), { kind: "all" }, f, "3", now, false)).toBe(false);
    expect(belongsTo(aCase(), { kind: "all" }, f, "3", now, true)).toBe(true);
  });

  it("matches platform and team queues", () => {
    expect(belongsTo(aCase({ platform: "instagram" }), { kind: "platform", platform: "instagram" }, kNoFilters, "3", now, false)).toBe(true);
    expect(belongsTo(aCase({ platform: "x" }), { kind: "platform", platform: "instagram" }, kNoFilters, "3", now, false)).toBe(false);
    expect(belongsTo(aCase({ team_id: "2" }), { kind: "team", teamId: "2" }, kNoFilters, "3", now, false)).toBe(true);
  });
});

describe("isBreachingSoon", () => {
  it("is true in warning or breach, and within 15 minutes of the due time", () => {
    expect(isBreachingSoon({ state: "warning", due_at: now + 3_600_000 }, now)).toBe(true);
    expect(isBreachingSoon({ state: "breached", due_at: now - 1 }, now)).toBe(true);
    expect(isBreachingSoon({ state: "on_track", due_at: now + 14 * 60_000 }, now)).toBe(true);
    expect(isBreachingSoon({ state: "on_track", due_at: now + 16 * 60_000 }, now)).toBe(false);
    expect(isBreachingSoon({ state: "paused", due_at: null }, now)).toBe(false);
    expect(isBreachingSoon(null, now)).toBe(false);
  });
});

describe("compareInQueue", () => {
  it("puts the soonest due first on the breaching queue and the latest activity first elsewhere", () => {
    const early = aCase({ id: "1", last_activity_at: 1, sla: { state: "warning", due_at: now + 1000 } });
    const late = aCase({ id: "2", last_activity_at: 2, sla: { state: "warning", due_at: now + 9000 } });
    expect([late, early].sort(compareInQueue({ kind: "breaching" })).map((c) => c.id)).toEqual(["1", "2"]);
    expect([early, late].sort(compareInQueue({ kind: "mine" })).map((c) => c.id)).toEqual(["2", "1"]);
  });
});

describe("queue keys", () => {
  it("round-trip and fall back to 'mine'", () => {
    for (const q of [{ kind: "mine" }, { kind: "team", teamId: "12" }, { kind: "platform", platform: "x" }, { kind: "breaching" }] as QueueId[]) {
      expect(parseQueueKey(queueKey(q))).toEqual(q);
    }
    expect(parseQueueKey("bogus")).toEqual({ kind: "mine" });
    expect(parseQueueKey("team:")).toEqual({ kind: "mine" });
    expect(parseQueueKey(null)).toEqual({ kind: "mine" });
  });
});
