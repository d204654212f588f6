// The one door to the server's REST API. Every request is same-origin with the session
// cookie; every state-changing one carries the session's CSRF token (X-CSRF-Token). An
// answer of 401 means the session is gone: listeners are told, so the app can send the
// agent to sign in again without dropping what is on screen.
import type { ApiErrorBody } from "./types";

/** An error answer of the API: the HTTP status plus the stable `code` of its JSON body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type Fetcher = (input: string, init: RequestInit) => Promise<Response>;

/** A JSON client bound to one origin (the page's own in the app; a test's fake elsewhere). */
export class ApiClient {
  private csrf = "";
  private readonly expiredListeners = new Set<() => void>();

  constructor(private readonly fetcher: Fetcher = (input, init) => fetch(input, init)) {}

  /** The CSRF token of the current session (from sign-in or GET /api/v1/session). */
  setCsrfToken(token: string): void {
    this.csrf = token;
  }

  /** Calls `listener` whenever a request is answered 401; returns the unsubscribe. */
  onSessionExpired(listener: () => void): () => void {
    this.expiredListeners.add(listener);
    return () => this.expiredListeners.delete(listener);
  }

  get<T>(path: string, query?: Record<string, string | undefined>): Promise<T> {
    return this.request<T>("GET", withQuery(path, query));
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>("POST", path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>("PUT", path, body);
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>("PATCH", path, body);
  }

  delete<T = void>(path: string): Promise<T> {
    return this.request<T>("DELETE", path);
  }

  /**
   * Sends one request and parses the JSON answer. Resolves to `undefined` for 204.
   * Rejects with ApiError for any 4xx/5xx (code `network` when the server cannot be reached).
   */
  async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (method !== "GET" && this.csrf) headers["X-CSRF-Token"] = this.csrf;
    let response: Response;
    try {
      response = await this.fetcher(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: "same-origin",
      });
    } catch (e) {
      throw new ApiError(0, "network", e instanceof Error ? e.message : String(e));
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    const parsed: unknown = text ? safeParse(text) : undefined;
    if (!response.ok) {
      const err = (parsed as Partial<ApiErrorBody> | undefined)?.error;
      if (response.status === 401 && !(method === "POST" && path === "/api/v1/session")) {
        this.expiredListeners.forEach((l) => l());
      }
      throw new ApiError(response.status, err?.code ?? "http_" + response.status, err?.message ?? response.statusText);
    }
    return parsed as T;
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `path?k=v&…` with the defined values of `query`, percent-encoded. */
export function withQuery(path: string, query?: Record<string, string | undefined>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The app's client. */
export const api = new ApiClient();
