// Test-only: stands in for the server behind `fetch` in component tests. Each request is
// recorded and answered by `answer` from its key — "METHOD /path?query" as the app asked, or
// "METHOD /path" when `byPath` — and its JSON body; no answer is a 404 with the API's error
// shape. Call from beforeEach; vi.unstubAllGlobals() undoes it.
import { vi } from "vitest";

export type FakeCall = { method: string; url: string; body: unknown };
export type FakeAnswer = (key: string, body: unknown) => [number, unknown] | undefined;

export function stubFetch(answer: FakeAnswer, record: (call: FakeCall) => void, byPath = false) {
  vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? "GET";
    const body = init.body ? JSON.parse(init.body as string) : undefined;
    record({ method, url, body });
    const path = byPath ? new URL(url, "http://feedroom.test").pathname : url;
    const [status, json] = answer(`${method} ${path}`, body) ?? [404, { error: { code: "not_found", message: "none" } }];
    return new Response(status === 204 ? null : JSON.stringify(json), { status });
  });
}
