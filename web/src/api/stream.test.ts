import { describe, expect, it } from "vitest";
import { backoffDelay, LiveStream, streamUrl, type SocketLike, type StreamStatus } from "./stream";
import type { LiveEvent } from "./live_events";

class FakeSocket implements SocketLike {
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  close(): void {
    this.closed = true;
  }
  receive(obj: unknown): void {
    this.onmessage?.({ data: typeof obj === "string" ? obj : JSON.stringify(obj) });
  }
  drop(code = 1006): void {
    this.onclose?.({ code });
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const events: LiveEvent[] = [];
  const statuses: StreamStatus[] = [];
  let resyncs = 0;
  let failures = 0;
  const stream = new LiveStream({
    url: "ws://h/api/v1/stream",
    onEvent: (e) => events.push(e),
    onResync: () => resyncs++,
    onStatus: (s) => statuses.push(s),
    onRepeatedFailure: () => failures++,
    openSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    schedule: (fn, ms) => {
      timers.push({ fn, ms });
      return timers.length;
    },
    cancel: () => undefined,
    random: () => 0.5,
  });
  return { stream, sockets, timers, events, statuses, resyncs: () => resyncs, failures: () => failures };
}

const hello = { type: "hello", at: 1, user: { id: "3" }, team_ids: ["1"] };

describe("LiveStream", () => {
  it("asks for a reload on every hello and passes events on", () => {
    const h = harness();
    h.stream.start();
    h.sockets[0]!.receive(hello);
    h.sockets[0]!.receive({ type: "case.assigned", at: 2, case: { id: "12" }, event: { id: "1" } });
    h.sockets[0]!.receive("not json");
    h.sockets[0]!.receive({ no: "type" });
    expect(h.resyncs()).toBe(1);
    expect(h.events.map((e) => e.type)).toEqual(["hello", "case.assigned"]);
    expect(h.statuses).toEqual(["connecting", "live"]);
  });

  it("reconnects with growing delays and reloads after the new hello", () => {
    const h = harness();
    h.stream.start();
    h.sockets[0]!.receive(hello);
    h.sockets[0]!.drop();
    expect(h.timers.map((t) => t.ms)).toEqual([500]);
    h.timers[0]!.fn();
    h.sockets[1]!.drop();
    expect(h.timers.map((t) => t.ms)).toEqual([500, 1000]);
    h.timers[1]!.fn();
    h.sockets[2]!.receive(hello);
    expect(h.resyncs()).toBe(2);
    expect(h.statuses.at(-1)).toBe("live");
    // A hello resets the backoff.
    h.sockets[2]!.drop();
    expect(h.timers.at(-1)!.ms).toBe(500);
  });

  it("reports repeated failures once so the app can check the session", () => {
    const h = harness();
    h.stream.start();
    for (let i = 0; i < 4; i++) {
      h.sockets[i]!.drop();
      h.timers[i]!.fn();
    }
    expect(h.failures()).toBe(1);
  });

  it("does not reconnect after stop", () => {
    const h = harness();
    h.stream.start();
    h.stream.stop();
    expect(h.sockets[0]!.closed).toBe(true);
    h.sockets[0]!.drop(1000);
    expect(h.timers).toHaveLength(0);
    expect(h.statuses.at(-1)).toBe("stopped");
  });
});

describe("backoffDelay", () => {
  it("doubles from half a second, is capped at 15 s and jitters by a quarter", () => {
    expect(backoffDelay(0, () => 0.5)).toBe(500);
    expect(backoffDelay(3, () => 0.5)).toBe(4000);
    expect(backoffDelay(20, () => 0.5)).toBe(15000);
    expect(backoffDelay(0, () => 0)).toBe(375);
    expect(backoffDelay(0, () => 0.999999)).toBe(625);
  });
});

describe("streamUrl", () => {
  it("uses wss under https", () => {
    expect(streamUrl({ protocol: "https:", host: "care.example" })).toBe("wss://care.example/api/v1/stream");
    expect(streamUrl({ protocol: "http:", host: "127.0.0.1:8080" })).toBe("ws://127.0.0.1:8080/api/v1/stream");
  });
});
