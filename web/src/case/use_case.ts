// One open case: its messages, replies, history and who else is on it, loaded on open and on
// every stream (re)connection, and reloaded when a live event touches it.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError } from "../api/client";
import { isCaseEvent, isReplyEvent } from "../api/live_events";
import type { ActivityEntry, CaseDetail, CaseEvent, Reply } from "../api/types";
import { useLive, useLiveEvents } from "../state/live";

export interface OpenCase {
  detail: CaseDetail | null;
  replies: Reply[];
  history: CaseEvent[];
  activity: ActivityEntry[];
  error: ApiError | null;
  loading: boolean;
  /** Reloads everything now (after an action of this client). */
  reload: () => void;
}

const kReloadDelayMs = 150;
const kActivityEveryMs = 30_000;

export function useCase(id: string | null): OpenCase {
  const { epoch } = useLive();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [replies, setReplies] = useState<Reply[]>([]);
  const [history, setHistory] = useState<CaseEvent[]>([]);
  const [activity, setActivity] = useState<ActivityEntry[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const current = useRef(id);
  current.current = id;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback((caseId: string) => {
    const base = `/api/v1/cases/${encodeURIComponent(caseId)}`;
    setLoading(true);
    Promise.all([
      api.get<CaseDetail>(base),
      api.get<{ items?: Reply[] }>(`${base}/replies`),
      api.get<{ items?: CaseEvent[] }>(`${base}/events`),
      api.get<{ items?: ActivityEntry[] }>(`${base}/activity`),
    ])
      .then(([d, r, h, a]) => {
        if (current.current !== caseId) return;
        setDetail(d);
        setReplies(r.items ?? []);
        setHistory(h.items ?? []);
        setActivity(a.items ?? []);
        setError(null);
      })
      .catch((e: unknown) => {
        if (current.current !== caseId) return;
        setError(e instanceof ApiError ? e : new ApiError(0, "unknown", String(e)));
      })
      .finally(() => current.current === caseId && setLoading(false));
  }, []);

  useEffect(() => {
    setDetail(null);
    setReplies([]);
    setHistory([]);
    setActivity([]);
    setError(null);
  }, [id]);

  // Loads on open and again after every (re)connection of the stream.
  useEffect(() => {
    if (id) load(id);
  }, [id, epoch, load]);

  useEffect(() => {
    if (!id) return;
    const path = `/api/v1/cases/${encodeURIComponent(id)}/activity`;
    const say = () =>
      api
        .put<{ items?: ActivityEntry[] }>(path, { activity: "viewing" })
        .then((a) => current.current === id && setActivity(a.items ?? []))
        .catch(() => undefined);
    say();
    const every = setInterval(say, kActivityEveryMs);
    return () => {
      clearInterval(every);
      void api.put(path, { activity: "none" }).catch(() => undefined);
    };
  }, [id]);

  const reloadSoon = useCallback(() => {
    const caseId = current.current;
    if (!caseId) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      load(caseId);
    }, kReloadDelayMs);
  }, [load]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  useLiveEvents((event) => {
    if (!id) return;
    if (isCaseEvent(event) && event.case.id === id) reloadSoon();
    else if (isReplyEvent(event) && event.reply.case_id === id) {
      setReplies((rs) => upsertReply(rs, event.reply));
    }
  });

  const reload = useCallback(() => {
    if (current.current) load(current.current);
  }, [load]);

  return { detail, replies, history, activity, error, loading, reload };
}

/** `replies` with `r` replaced by id, or appended. */
export function upsertReply(replies: Reply[], r: Reply): Reply[] {
  const i = replies.findIndex((x) => x.id === r.id);
  if (i < 0) return [...replies, r];
  const next = replies.slice();
  next[i] = r;
  return next;
}
