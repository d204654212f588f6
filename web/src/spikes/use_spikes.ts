// The spikes the server raised (`GET /api/v1/alerts`, the latest 500), reloaded on every
// stream (re)connection and kept current by `spike.started` and `spike.ended`.
import { useEffect, useState } from "react";
import { api } from "../api/client";
import { isSpikeEvent } from "../api/live_events";
import type { SpikeAlert } from "../api/types";
import { useLive, useLiveEvents } from "../state/live";
import { withSpike } from "./timeline";

const kLimit = 500;

export interface SpikesState {
  /** Latest first; null until the first answer. */
  alerts: SpikeAlert[] | null;
  error: unknown;
}

function alertOnly(spike: SpikeAlert & { explanation?: unknown }): SpikeAlert {
  const { id, series, kind, started_at, ended_at, observed, expected, score } = spike;
  return { id, series, kind, started_at, ended_at, observed, expected, score };
}

export function useSpikes(): SpikesState {
  const { epoch } = useLive();
  const [state, setState] = useState<SpikesState>({ alerts: null, error: null });

  useEffect(() => {
    let cancelled = false;
    api
      .get<{ items?: SpikeAlert[] }>(`/api/v1/alerts?limit=${kLimit}`)
      .then((answer) => !cancelled && setState({ alerts: answer.items ?? [], error: null }))
      .catch((error: unknown) => !cancelled && setState((s) => ({ alerts: s.alerts, error })));
    return () => {
      cancelled = true;
    };
  }, [epoch]);

  useLiveEvents((e) => {
    if (!isSpikeEvent(e)) return;
    const ended = e.type === "spike.ended";
    const spike = alertOnly(e.spike);
    setState((s) => {
      const list = s.alerts ?? [];
      if (ended && !spike.started_at && !list.some((a) => a.id === spike.id)) {
        // An end whose start this page never saw: read the spike as stored.
        void api
          .get<SpikeAlert>(`/api/v1/alerts/${encodeURIComponent(spike.id)}`)
          .then((stored) => setState((now) => ({ ...now, alerts: withSpike(now.alerts ?? [], alertOnly(stored), false) })))
          .catch(() => undefined);
        return s;
      }
      return { ...s, alerts: withSpike(list, spike, ended) };
    });
  });

  return state;
}
