// The live stream as the React tree sees it: its status, a way to hear its events, and a
// counter that moves on every `hello` so views reload what they show (schema/events.md).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { api } from "../api/client";
import type { LiveEvent } from "../api/live_events";
import { LiveStream, streamUrl, type StreamStatus } from "../api/stream";

export interface Live {
  status: StreamStatus;
  /** Moves on every (re)connection; views that load data depend on it. */
  epoch: number;
  subscribe: (listener: (event: LiveEvent) => void) => () => void;
}

const Context = createContext<Live | null>(null);

/** `paused`: the session expired; the stream waits for the agent to sign in again. */
export function LiveProvider({ children, paused = false }: { children: ReactNode; paused?: boolean }) {
  const [status, setStatus] = useState<StreamStatus>("connecting");
  const [epoch, setEpoch] = useState(0);
  const listeners = useRef(new Set<(event: LiveEvent) => void>());

  useEffect(() => {
    const stream = new LiveStream({
      url: streamUrl(window.location),
      onEvent: (e) => listeners.current.forEach((l) => l(e)),
      onResync: () => setEpoch((n) => n + 1),
      onStatus: setStatus,
      // A handshake refused 401 looks like any lost connection to a browser: ask the API,
      // whose 401 ends the session in the app.
      onRepeatedFailure: () => void api.get("/api/v1/session").catch(() => undefined),
    });
    if (!paused) stream.start();
    return () => stream.stop();
  }, [paused]);

  const subscribe = useCallback((listener: (event: LiveEvent) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const value = useMemo<Live>(() => ({ status, epoch, subscribe }), [status, epoch, subscribe]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useLive(): Live {
  const value = useContext(Context);
  if (!value) throw new Error("useLive outside LiveProvider");
  return value;
}

/** Calls `listener` for every live event while the component is mounted. */
export function useLiveEvents(listener: (event: LiveEvent) => void): void {
  const { subscribe } = useLive();
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => subscribe((e) => ref.current(e)), [subscribe]);
}
