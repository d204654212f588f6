import { describe, expect, it } from "vitest";
import { slaView } from "./sla_view";

const start = 1_763_800_000_000;
const running = { metric: "first_response" as const, state: "on_track" as const, started_at: start, warn_at: start + 48 * 60_000, due_at: start + 60 * 60_000, target_ms: 3_600_000, consumed_ms: 0 };

describe("slaView", () => {
  it("counts down in green, turns amber at the warning time and red at the due time by itself", () => {
    expect(slaView(running, start + 10 * 60_000)).toEqual({ tone: "ok", key: "sla.on_track", remainingMs: 50 * 60_000 });
    expect(slaView(running, start + 48 * 60_000).tone).toBe("warning");
    const late = slaView(running, start + 61 * 60_000);
    expect(late.tone).toBe("breached");
    expect(late.remainingMs).toBe(-60_000);
  });

  it("trusts the server's warning and breach even before the local clock gets there", () => {
    expect(slaView({ ...running, state: "warning", warn_at: null }, start).tone).toBe("warning");
    expect(slaView({ ...running, state: "breached" }, start).tone).toBe("breached");
  });

  it("shows paused, met and no clock without a countdown", () => {
    expect(slaView({ ...running, state: "paused", due_at: null }, start)).toMatchObject({ tone: "paused", remainingMs: null });
    expect(slaView({ ...running, state: "met", due_at: null }, start)).toMatchObject({ tone: "met", remainingMs: null });
    expect(slaView(null, start).tone).toBe("none");
  });
});
