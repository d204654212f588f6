// The listening rules as the server holds them: loaded once and again whenever `reloadKey`
// changes (the stream's epoch), and kept in step with each save and delete this screen makes.
import { useCallback, useEffect, useState } from "react";
import { api, ApiError } from "../api/client";
import type { ListeningRule } from "../api/types";
import { ruleRequest, withRule, type RuleDraft } from "./listening_rules";

export interface ListeningRulesState {
  /** The rules in id order; null until the first answer. */
  rules: ListeningRule[] | null;
  /** Why the last load failed (the error itself), or null. */
  loadError: unknown;
  /** Stores `draft` (create or replace); resolves to the rule as stored, rejects with ApiError. */
  save: (draft: RuleDraft) => Promise<ListeningRule>;
  /** Deletes rule `id`; one already gone counts as deleted. Rejects with ApiError otherwise. */
  remove: (id: string) => Promise<void>;
}

/** The rules and the two ways to change them. */
export function useListeningRules(reloadKey: number): ListeningRulesState {
  const [rules, setRules] = useState<ListeningRule[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .get<{ rules?: ListeningRule[] }>("/api/v1/listening/rules")
      .then((answer) => {
        if (cancelled) return;
        setRules(answer.rules ?? []);
        setLoadError(null);
      })
      .catch((e: unknown) => !cancelled && setLoadError(e));
    return () => {
      cancelled = true;
    };
  }, [reloadKey]);

  const save = useCallback(async (draft: RuleDraft) => {
    const { path, body } = ruleRequest(draft);
    const stored = await api.put<ListeningRule>(path, body);
    setRules((prev) => withRule(prev ?? [], stored));
    return stored;
  }, []);

  const remove = useCallback(async (id: string) => {
    try {
      await api.delete(`/api/v1/listening/rules/${encodeURIComponent(id)}`);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) throw e;
    }
    setRules((prev) => (prev ?? []).filter((r) => r.id !== id));
  }, []);

  return { rules, loadError, save, remove };
}
