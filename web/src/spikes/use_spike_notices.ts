// Spikes announced while the app is open (`spike.started`, supervisors and admins only): a
// notice each until dismissed or opened, and how many started since the dashboard was last
// on screen (the navigation's badge).
import { useCallback, useEffect, useState } from "react";
import { isSpikeEvent } from "../api/live_events";
import type { SpikeAlert } from "../api/types";
import { useLiveEvents } from "../state/live";

/** The most notices shown at once; older ones give way. */
export const kMaxNotices = 3;

export interface SpikeNotices {
  notices: SpikeAlert[];
  unseen: number;
  dismiss: (id: string) => void;
}

/** The notices after spike `alert` started: it first, each spike once, at most kMaxNotices. */
export function withNotice(notices: readonly SpikeAlert[], alert: SpikeAlert): SpikeAlert[] {
  return [alert, ...notices.filter((n) => n.id !== alert.id)].slice(0, kMaxNotices);
}

export function useSpikeNotices(enabled: boolean, onDashboard: boolean): SpikeNotices {
  const [notices, setNotices] = useState<SpikeAlert[]>([]);
  const [unseen, setUnseen] = useState<string[]>([]);

  useLiveEvents((e) => {
    if (!enabled || !isSpikeEvent(e) || e.type !== "spike.started") return;
    const { explanation: _explanation, ...alert } = e.spike;
    setNotices((list) => withNotice(list, alert));
    if (!onDashboard) setUnseen((ids) => (ids.includes(alert.id) ? ids : [...ids, alert.id]));
  });
  useEffect(() => {
    if (onDashboard) setUnseen([]);
  }, [onDashboard]);

  const dismiss = useCallback((id: string) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  return { notices, unseen: unseen.length, dismiss };
}
