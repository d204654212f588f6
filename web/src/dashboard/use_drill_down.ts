// The cases behind a figure, a page at a time (`GET /api/v1/metrics/cases`), starting over
// whenever the scope changes.
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api/client";
import type { CaseFacts, CaseFactsPage } from "../api/types";
import { casesPath, type MetricsScope } from "./metrics_query";

const kPageSize = 50;

export interface DrillDownState {
  items: CaseFacts[];
  /** True while a page is on its way. */
  loading: boolean;
  /** True when the server has more after the last page. */
  hasMore: boolean;
  /** Why the last page failed, or null. */
  error: unknown;
  /** Loads the next page (nothing when one is loading or none is left). */
  more: () => void;
}

/** The drill-down list of `scope` (nothing while null). */
export function useDrillDown(scope: MetricsScope | null): DrillDownState {
  const [items, setItems] = useState<CaseFacts[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const load = useCallback((target: MetricsScope, after: string | undefined, append: boolean) => {
    const mine = ++generation.current;
    setLoading(true);
    api
      .get<CaseFactsPage>(casesPath(target, { cursor: after, limit: kPageSize }))
      .then((page) => {
        if (mine !== generation.current) return;
        setItems((prev) => (append ? [...prev, ...(page.items ?? [])] : (page.items ?? [])));
        setCursor(page.next_cursor ?? null);
        setError(null);
      })
      .catch((e: unknown) => mine === generation.current && setError(e))
      .finally(() => mine === generation.current && setLoading(false));
  }, []);

  useEffect(() => {
    generation.current += 1; // an answer for the previous scope is dropped
    setItems([]);
    setCursor(null);
    setError(null);
    setLoading(false);
    if (scope) load(scope, undefined, false);
  }, [scope, load]);

  const more = useCallback(() => {
    if (scope && cursor && !loading) load(scope, cursor, true);
  }, [scope, cursor, loading, load]);

  return { items, loading, hasMore: cursor !== null, error, more };
}
