// One metric read from the server: asked again whenever its path or `reloadKey` changes; an
// answer to an older path is dropped.
import { useEffect, useState } from "react";
import { api } from "../api/client";
import type { MetricItem } from "../api/types";

export interface MetricState {
  /** The items of the latest path; null while it loads. */
  items: MetricItem[] | null;
  /** Why the latest load failed (the error itself), or null. */
  error: unknown;
}

/** The items `GET path` answers (a metricPath). */
export function useMetric(path: string, reloadKey: string | number): MetricState {
  const [state, setState] = useState<MetricState>({ items: null, error: null });
  useEffect(() => {
    let cancelled = false;
    setState({ items: null, error: null });
    api
      .get<MetricItem[]>(path)
      .then((items) => !cancelled && setState({ items, error: null }))
      .catch((error: unknown) => !cancelled && setState({ items: null, error }));
    return () => {
      cancelled = true;
    };
  }, [path, reloadKey]);
  return state;
}
