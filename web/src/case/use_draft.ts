// The agent's draft for one case, kept on the server (GET/PUT/DELETE …/cases/{id}/draft) so
// a session that expires, a closed tab or another browser loses nothing. Saved a moment after
// the agent stops typing, and once more when the case is left.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError } from "../api/client";
import { useSession } from "../state/session";
import type { ComposerMode } from "./composer_logic";

export interface DraftContent {
  route: ComposerMode;
  text: string;
  public_text: string;
  private_text: string;
}

export type DraftStatus = "idle" | "loading" | "saving" | "saved" | "error";

const kSaveDelayMs = 700;

export function emptyDraft(route: ComposerMode): DraftContent {
  return { route, text: "", public_text: "", private_text: "" };
}

export function isEmptyDraft(d: DraftContent): boolean {
  return !d.text.trim() && !d.public_text.trim() && !d.private_text.trim();
}

export function useDraft(caseId: string, defaultRoute: ComposerMode) {
  const [draft, setDraftState] = useState<DraftContent>(() => emptyDraft(defaultRoute));
  const [status, setStatus] = useState<DraftStatus>("loading");
  const path = `/api/v1/cases/${encodeURIComponent(caseId)}/draft`;
  const dirty = useRef<DraftContent | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const d = dirty.current;
    if (!d) return;
    dirty.current = null;
    setStatus("saving");
    const request = isEmptyDraft(d) ? api.delete(path) : api.put(path, d);
    request.then(
      () => setStatus("saved"),
      (e: unknown) => {
        // Not saved: keep it dirty so the next change (or leaving) tries again.
        dirty.current ??= d;
        setStatus(e instanceof ApiError && e.status === 401 ? "idle" : "error");
      },
    );
  }, [path]);

  useEffect(() => {
    let cancelled = false;
    setStatus("loading");
    setDraftState(emptyDraft(defaultRoute));
    api
      .get<Partial<DraftContent>>(path)
      .then((d) => {
        if (cancelled) return;
        setDraftState({
          route: (d.route as ComposerMode | undefined) ?? defaultRoute,
          text: d.text ?? "",
          public_text: d.public_text ?? "",
          private_text: d.private_text ?? "",
        });
        setStatus("saved");
      })
      .catch(() => !cancelled && setStatus("idle"));
    return () => {
      cancelled = true;
      flush();
    };
  }, [path, defaultRoute, flush]);

  // What could not be saved while the session was gone is saved as soon as it is back.
  const { state: session } = useSession();
  useEffect(() => {
    if (session.status === "signed_in") flush();
  }, [session.status, flush]);

  /** Changes the draft; saved after a pause in typing. */
  const setDraft = useCallback(
    (next: DraftContent) => {
      setDraftState(next);
      dirty.current = next;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, kSaveDelayMs);
    },
    [flush],
  );

  /** After sending: the draft is done; it is cleared here and on the server. */
  const clear = useCallback(
    (route: ComposerMode) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      dirty.current = null;
      setDraftState(emptyDraft(route));
      void api.delete(path).catch(() => undefined);
      setStatus("idle");
    },
    [path],
  );

  return { draft, setDraft, status, clear };
}
