import { describe, expect, it } from "vitest";
import type { Crisis, CrisisSummary } from "../api/types";
import { crisisStateAfter } from "./crisis";

const running = (id: string, name = "חרם"): Crisis => ({
  id,
  name,
  terms: ["חרם"],
  rule_ids: [],
  holding_statement: "בודקים",
  raise_to: "high",
  started_by: "2",
  spike_id: null,
  started_at: 1_000,
  ended_at: null,
  ended_by: null,
  running: true,
});
const ended = (c: Crisis): Crisis => ({ ...c, ended_at: 9_000, ended_by: "2", running: false });
const summary = { cases: 3 } as CrisisSummary;

describe("crisisStateAfter", () => {
  it("shows a started or changed crisis, and clears its own ended notice", () => {
    const start = crisisStateAfter({ running: null, ended: null }, running("1"));
    expect(start).toEqual({ running: running("1"), ended: null });
    const renamed = crisisStateAfter(start, running("1", "חרם על קנטינה"));
    expect(renamed.running?.name).toBe("חרם על קנטינה");
  });

  it("turns an end into the ended notice with its summary", () => {
    const after = crisisStateAfter({ running: running("1"), ended: null }, ended(running("1")), summary);
    expect(after).toEqual({ running: null, ended: { crisis: ended(running("1")), summary } });
  });

  it("keeps a running crisis when an older one's end arrives late", () => {
    const after = crisisStateAfter({ running: running("2"), ended: null }, ended(running("1")));
    expect(after.running?.id).toBe("2");
    expect(after.ended?.crisis.id).toBe("1");
  });
});
