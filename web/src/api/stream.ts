// Keeps one WebSocket to GET /api/v1/stream open while the app is signed in. The server
// replays nothing after a reconnect, so every `hello` (the first one included) asks the app
// to reload what it shows; events that arrive after it are applied on top (schema/events.md).
// A lost connection is retried with capped exponential backoff and jitter.
import { parseLiveEvent, type LiveEvent } from "./live_events";

export type StreamStatus = "connecting" | "live" | "reconnecting" | "stopped";

export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(code?: number): void;
}

export interface StreamOptions {
  url: string;
  onEvent: (event: LiveEvent) => void;
  /** After every `hello`: reload the lists and the open case from the REST API. */
  onResync: () => void;
  onStatus: (status: StreamStatus) => void;
  /** After several failed attempts in a row: the app checks whether the session expired. */
  onRepeatedFailure?: () => void;
  openSocket?: (url: string) => SocketLike;
  schedule?: (fn: () => void, ms: number) => unknown;
  cancel?: (handle: unknown) => void;
  random?: () => number;
}

const kFirstDelayMs = 500;
const kMaxDelayMs = 15_000;
const kFailuresBeforeCheck = 3;

/** Delay before reconnect attempt `attempt` (0-based): doubling from 0.5 s, capped at 15 s, ±25 % jitter. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(kMaxDelayMs, kFirstDelayMs * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.75 + random() * 0.5));
}

export class LiveStream {
  private socket: SocketLike | null = null;
  private timer: unknown = null;
  private failures = 0;
  private stopped = false;
  private readonly openSocket: (url: string) => SocketLike;
  private readonly schedule: (fn: () => void, ms: number) => unknown;
  private readonly cancel: (handle: unknown) => void;

  constructor(private readonly options: StreamOptions) {
    this.openSocket = options.openSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
    this.schedule = options.schedule ?? ((fn, ms) => setTimeout(fn, ms));
    this.cancel = options.cancel ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** Opens the stream (no-op if open). */
  start(): void {
    this.stopped = false;
    if (!this.socket && this.timer === null) this.connect("connecting");
  }

  /** Closes the stream for good (sign-out); no reconnect follows. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.cancel(this.timer);
    this.timer = null;
    const s = this.socket;
    this.socket = null;
    s?.close(1000);
    this.options.onStatus("stopped");
  }

  private connect(status: StreamStatus): void {
    this.options.onStatus(status);
    const socket = this.openSocket(this.options.url);
    this.socket = socket;
    socket.onmessage = (ev) => {
      if (typeof ev.data !== "string") return;
      const event = parseLiveEvent(ev.data);
      if (!event) return;
      if (event.type === "hello") {
        this.failures = 0;
        this.options.onStatus("live");
        this.options.onResync();
      }
      this.options.onEvent(event);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped) return;
      this.failures += 1;
      if (this.failures === kFailuresBeforeCheck) this.options.onRepeatedFailure?.();
      this.options.onStatus("reconnecting");
      this.timer = this.schedule(() => {
        this.timer = null;
        if (!this.stopped) this.connect("reconnecting");
      }, backoffDelay(this.failures - 1, this.options.random));
    };
    socket.onerror = () => {
      // A close always follows an error; reconnecting is decided there.
    };
    socket.onopen = null;
  }
}

/** ws:// or wss:// URL of the stream on the page's own origin. */
export function streamUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/api/v1/stream`;
}
