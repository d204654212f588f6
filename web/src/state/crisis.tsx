// The running crisis as every screen sees it (docs/crisis.md): loaded with `GET /api/v1/crisis`
// on every stream (re)connection and kept current by `crisis.started`, `crisis.updated` and
// `crisis.ended`, which reach every signed-in user. The banner shows it, the composer offers
// its holding statement, and the crisis page changes it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api } from "../api/client";
import { isCrisisEvent } from "../api/live_events";
import type { Crisis, CrisisSummary } from "../api/types";
import { useLive, useLiveEvents } from "./live";

/** A crisis that ended while this page was open, with its summary when the event had one. */
export interface EndedCrisis {
  crisis: Crisis;
  summary?: CrisisSummary;
}

export interface CrisisState {
  /** The running crisis, or null. */
  running: Crisis | null;
  /** The crisis that ended last while this page was open, until dismissed. */
  ended: EndedCrisis | null;
  /** Takes a crisis as the server answered a change made here (before its event arrives). */
  adopt: (crisis: Crisis, summary?: CrisisSummary) => void;
  dismissEnded: () => void;
}

const kNone: CrisisState = { running: null, ended: null, adopt: () => undefined, dismissEnded: () => undefined };

const Context = createContext<CrisisState>(kNone);

/**
 * What a crisis `next` (as an event or an answer carried it) makes of the state: a running one
 * replaces the one shown; an ended one clears it (if it is the same crisis or none runs) and
 * becomes the "ended" notice.
 */
export function crisisStateAfter(
  state: { running: Crisis | null; ended: EndedCrisis | null },
  next: Crisis,
  summary?: CrisisSummary,
): { running: Crisis | null; ended: EndedCrisis | null } {
  if (next.running && next.ended_at === null) {
    return { running: next, ended: state.ended?.crisis.id === next.id ? null : state.ended };
  }
  const running = state.running && state.running.id !== next.id ? state.running : null;
  return { running, ended: { crisis: next, ...(summary ? { summary } : {}) } };
}

export function CrisisProvider({ children }: { children: ReactNode }) {
  const { epoch } = useLive();
  const [state, setState] = useState<{ running: Crisis | null; ended: EndedCrisis | null }>({ running: null, ended: null });

  useEffect(() => {
    let cancelled = false;
    api
      .get<{ crisis: Crisis | null }>("/api/v1/crisis")
      .then((answer) => !cancelled && setState((s) => ({ ...s, running: answer.crisis ?? null })))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [epoch]);

  useLiveEvents((e) => {
    if (isCrisisEvent(e)) setState((s) => crisisStateAfter(s, e.crisis, e.summary));
  });

  const adopt = useCallback((crisis: Crisis, summary?: CrisisSummary) => setState((s) => crisisStateAfter(s, crisis, summary)), []);
  const dismissEnded = useCallback(() => setState((s) => ({ ...s, ended: null })), []);
  const value = useMemo<CrisisState>(() => ({ ...state, adopt, dismissEnded }), [state, adopt, dismissEnded]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The crisis state; outside a CrisisProvider (a component on its own in a test), no crisis. */
export function useCrisis(): CrisisState {
  return useContext(Context);
}
