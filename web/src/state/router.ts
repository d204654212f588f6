// A small client-side router over the History API: the server answers every page path with
// index.html, and the app reads the path and query from `location`.
import { useSyncExternalStore } from "react";

export type Page = "inbox" | "approvals" | "team" | "sla" | "dashboard" | "topics" | "crisis" | "settings" | "listening";

export interface Route {
  page: Page;
  params: URLSearchParams;
}

const kPages: readonly Page[] = ["approvals", "team", "sla", "dashboard", "topics", "crisis", "settings", "listening"];

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

/** Parses a path plus query ("/approvals", "/?queue=mine&case=12"); unknown paths are the inbox. */
export function parseRoute(pathAndQuery: string): Route {
  const url = new URL(pathAndQuery, "http://x");
  const name = url.pathname.replace(/^\/+|\/+$/g, "");
  const page: Page = kPages.includes(name as Page) ? (name as Page) : "inbox";
  return { page, params: url.searchParams };
}

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const current = useSyncExternalStore(subscribe, snapshot, () => "/");
  return parseRoute(current);
}

/** Goes to `pathAndQuery` (adds a history entry unless `replace`). */
export function navigate(pathAndQuery: string, replace = false): void {
  if (pathAndQuery === snapshot()) return;
  if (replace) window.history.replaceState(null, "", pathAndQuery);
  else window.history.pushState(null, "", pathAndQuery);
  listeners.forEach((l) => l());
}

/** The inbox URL for `queue`, with an open case when given. */
export function inboxHref(queue: string, caseId?: string | null, q?: string): string {
  const params = new URLSearchParams();
  params.set("queue", queue);
  if (caseId) params.set("case", caseId);
  if (q) params.set("q", q);
  return `/?${params.toString()}`;
}

/** The dashboard with spike `alertId`'s explanation open (the link alerts by webhook and e-mail carry). */
export function alertHref(alertId: string): string {
  return `/dashboard?alert=${encodeURIComponent(alertId)}`;
}
