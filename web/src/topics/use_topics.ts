// The topics of a period (`GET /api/v1/topics`), asked again when the period or `reloadKey`
// changes. A server without the route (404) has no topics to show: `unavailable`, not an error.
import { useEffect, useState } from "react";
import { api, ApiError } from "../api/client";
import type { Topic } from "../api/types";

export interface TopicsState {
  items: Topic[] | null;
  unavailable: boolean;
  error: unknown;
}

export function useTopics(path: string, reloadKey: string | number): TopicsState {
  const [state, setState] = useState<TopicsState>({ items: null, unavailable: false, error: null });
  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, items: null, error: null }));
    api
      .get<{ items?: Topic[] }>(path)
      .then((answer) => !cancelled && setState({ items: Array.isArray(answer?.items) ? answer.items : [], unavailable: false, error: null }))
      .catch((error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 404) setState({ items: [], unavailable: true, error: null });
        else setState({ items: null, unavailable: false, error });
      });
    return () => {
      cancelled = true;
    };
  }, [path, reloadKey]);
  return state;
}
