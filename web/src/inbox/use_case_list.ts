// The open queue's rows: the first page loaded on every change of queue, filters or stream
// connection, more pages on demand, and live events applied in between.
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api/client";
import { isCaseEvent } from "../api/live_events";
import type { CaseDetail, CasePage } from "../api/types";
import { useLive, useLiveEvents } from "../state/live";
import { useMe } from "../state/session";
import { appendPage, applyCase, kEmptyList, setSummary, summaryOf, type CaseListState } from "./case_list_state";
import { queueKey, queueQuery, type QueueFilters, type QueueId } from "./queues";

export interface CaseList extends CaseListState {
  loading: boolean;
  error: string | null;
  loadMore: () => void;
}

const kPageSize = "100";
const kSummaryDelayMs = 250;

export function useCaseList(queue: QueueId, filters: QueueFilters): CaseList {
  const me = useMe();
  const { epoch } = useLive();
  const [state, setState] = useState<CaseListState>(kEmptyList);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // The rows as of the last update, read synchronously by live events between renders.
  const rows = useRef<CaseListState>(kEmptyList);
  const update = useCallback((f: (s: CaseListState) => CaseListState) => {
    rows.current = f(rows.current);
    setState(rows.current);
  }, []);
  const generation = useRef(0);
  const context = useRef({ queue, filters });
  context.current = { queue, filters };
  const key = queueKey(queue) + "\u0000" + JSON.stringify(filters);

  const fetchPage = useCallback(
    (cursor: string | null, gen: number) => {
      const { queue: q, filters: f } = context.current;
      setLoading(true);
      api
        .get<CasePage>("/api/v1/cases", { ...queueQuery(q, f), limit: kPageSize, cursor: cursor ?? undefined })
        .then((page) => {
          if (gen !== generation.current) return;
          update((s) => appendPage(cursor === null ? kEmptyList : s, page));
          setError(null);
        })
        .catch((e: Error) => gen === generation.current && setError(e.message))
        .finally(() => gen === generation.current && setLoading(false));
    },
    [update],
  );

  useEffect(() => {
    generation.current += 1;
    update(() => kEmptyList);
    fetchPage(null, generation.current);
  }, [key, epoch, fetchPage, update]);

  const summaries = useSummaryFetcher(update);

  useLiveEvents((event) => {
    if (!isCaseEvent(event)) return;
    const c = event.case;
    update((s) => applyCase(s, c, { ...context.current, me: me.id ?? "", now: Date.now() }));
    const row = rows.current.items.find((x) => x.id === c.id);
    if (row && (row.preview === undefined || event.type === "message.created")) summaries(c.id);
  });

  const loadMore = useCallback(() => {
    if (!loading && rows.current.cursor) fetchPage(rows.current.cursor, generation.current);
  }, [loading, fetchPage]);

  return { ...state, loading, error, loadMore };
}

/** Fetches a row's customer and latest message after a live event, coalescing bursts per case. */
function useSummaryFetcher(update: (f: (s: CaseListState) => CaseListState) => void): (id: string) => void {
  const pending = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const timers = pending.current;
    return () => timers.forEach((t) => clearTimeout(t));
  }, []);
  return useCallback(
    (id: string) => {
      const timers = pending.current;
      if (timers.has(id)) return;
      timers.set(
        id,
        setTimeout(() => {
          timers.delete(id);
          api
            .get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`)
            .then((detail) => {
              const { customer, preview } = summaryOf(detail);
              update((s) => setSummary(s, id, customer, preview));
            })
            .catch(() => undefined);
        }, kSummaryDelayMs),
      );
    },
    [update],
  );
}
