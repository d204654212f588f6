import { describe, expect, it } from "vitest";
import { ApiClient, ApiError, withQuery } from "./client";

function fakeServer(status: number, body: unknown) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const client = new ApiClient(async (url, init) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
  return { client, calls };
}

describe("ApiClient", () => {
  it("sends the CSRF token on writes only", async () => {
    const { client, calls } = fakeServer(200, { ok: true });
    client.setCsrfToken("tok");
    await client.get("/api/v1/cases");
    await client.post("/api/v1/cases/1/take");
    const headers = calls.map((c) => (c.init.headers as Record<string, string>)["X-CSRF-Token"]);
    expect(headers).toEqual([undefined, "tok"]);
    expect(calls[1]!.init.method).toBe("POST");
  });

  it("turns an error body into ApiError with its code", async () => {
    const { client } = fakeServer(409, { error: { code: "at_capacity", message: "full" } });
    await expect(client.post("/api/v1/cases/1/take")).rejects.toMatchObject({ status: 409, code: "at_capacity", message: "full" });
  });

  it("tells listeners when a session expires, but not for a failed sign-in", async () => {
    const { client } = fakeServer(401, { error: { code: "unauthenticated", message: "no" } });
    let expired = 0;
    client.onSessionExpired(() => expired++);
    await expect(client.post("/api/v1/session", { username: "a", password: "b" })).rejects.toBeInstanceOf(ApiError);
    expect(expired).toBe(0);
    await expect(client.get("/api/v1/cases")).rejects.toBeInstanceOf(ApiError);
    expect(expired).toBe(1);
  });

  it("resolves 204 to undefined and reports an unreachable server as 'network'", async () => {
    const { client } = fakeServer(204, undefined);
    await expect(client.delete("/api/v1/session")).resolves.toBeUndefined();
    const down = new ApiClient(async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(down.get("/x")).rejects.toMatchObject({ status: 0, code: "network" });
  });
});

describe("withQuery", () => {
  it("encodes defined values only", () => {
    expect(withQuery("/p", { q: "משלוח #1", a: undefined, b: "" })).toBe("/p?q=%D7%9E%D7%A9%D7%9C%D7%95%D7%97+%231");
    expect(withQuery("/p")).toBe("/p");
  });
});
