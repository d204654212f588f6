// Who is signed in. The session lives in an HttpOnly cookie the page never sees; the app
// learns of it from GET /api/v1/session, which also hands over the CSRF token. When any
// request is answered 401 the session is over: the app shows sign-in over what it was doing,
// and whatever the agent was writing is already on the server as a draft.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, ApiError } from "../api/client";
import type { Session, User } from "../api/types";

export type SessionState =
  | { status: "loading" }
  | { status: "signed_out"; expired: boolean; lastUser?: User }
  | { status: "signed_in"; user: User; expiresAt: number };

export interface SessionApi {
  state: SessionState;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const Context = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const adopt = useCallback((session: Session) => {
    api.setCsrfToken(session.csrf_token ?? "");
    if (session.user) setState({ status: "signed_in", user: session.user, expiresAt: session.expires_at ?? 0 });
  }, []);

  useEffect(() => {
    let cancelled = false;
    api
      .get<Session>("/api/v1/session")
      .then((s) => !cancelled && adopt(s))
      .catch(() => !cancelled && setState({ status: "signed_out", expired: false }));
    const off = api.onSessionExpired(() =>
      setState((prev) => (prev.status === "signed_in" ? { status: "signed_out", expired: true, lastUser: prev.user } : prev)),
    );
    return () => {
      cancelled = true;
      off();
    };
  }, [adopt]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const session = await api.post<Session>("/api/v1/session", { username, password });
      adopt(session);
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    try {
      await api.delete("/api/v1/session");
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
    }
    api.setCsrfToken("");
    setState({ status: "signed_out", expired: false });
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(Context);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/**
 * The signed-in user; only below the sign-in gate. While an expired session waits for the
 * agent to sign in again, the screen behind the sign-in form keeps its user.
 */
export function useMe(): User {
  const { state } = useSession();
  if (state.status === "signed_in") return state.user;
  if (state.status === "signed_out" && state.lastUser) return state.lastUser;
  throw new Error("useMe while signed out");
}
