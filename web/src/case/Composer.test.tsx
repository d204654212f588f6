import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReactNode } from "react";
import type { CaseDetail } from "../api/types";
import { I18nProvider } from "../i18n/i18n";
import { SessionProvider } from "../state/session";
import { Composer } from "./Composer";
import { stubFetch, type FakeCall } from "../test_support/fake_fetch";

let calls: FakeCall[] = [];
let answers: Record<string, (body: unknown) => [number, unknown]> = {};

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  localStorage.setItem("feedroom.lang", "en");
  calls = [];
  answers = {};
  stubFetch((key, body) => answers[key]?.(body), (call) => calls.push(call));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <SessionProvider>{children}</SessionProvider>
    </I18nProvider>
  );
}

const kase = { id: "12", status: "open", platform: "x", account_id: "a", customer_id: "7", opened_at: 1, last_activity_at: 1, message_count: 1 } as CaseDetail;

describe("Composer", () => {
  it("asks the server to review the draft and shows why it needs approval", async () => {
    answers["POST /api/v1/cases/12/replies/check"] = () => [
      200,
      {
        capability: { verdict: "allowed" },
        final_text: "Sorry to hear, we are on it ^DK",
        signed: true,
        warnings: [],
        approval_reasons: [{ code: "sensitive:health", message: "mentions food poisoning" }],
      },
    ];
    render(<Composer detail={kase} canSend onSent={() => undefined} />, { wrapper: Providers });
    fireEvent.change(screen.getByPlaceholderText(/own words/), { target: { value: "Sorry to hear, we are on it" } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(400);
    });
    const check = calls.find((c) => c.url.endsWith("/replies/check"));
    expect(check?.body).toEqual({ route: "public_reply", text: "Sorry to hear, we are on it" });
    expect((await screen.findByTestId("needs-approval")).textContent).toMatch(/food poisoning/);
    expect(screen.getByText(/\^DK/)).toBeTruthy();
  });

  it("keeps Send disabled while the server says the reply cannot go, and says why", async () => {
    answers["POST /api/v1/cases/12/replies/check"] = () => [
      200,
      { capability: { verdict: "denied", code: "x_not_summoned", message: "X allows replies only to posts that mention you" }, warnings: [], approval_reasons: [] },
    ];
    render(<Composer detail={kase} canSend onSent={() => undefined} />, { wrapper: Providers });
    fireEvent.change(screen.getByPlaceholderText(/own words/), { target: { value: "hello" } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(400);
    });
    expect((await screen.findByText(/only to posts that mention you/)).className).toBe("denied");
    expect((screen.getByTestId("send") as HTMLButtonElement).disabled).toBe(true);
  });

  it("saves the draft on the server after a pause in typing", async () => {
    answers["PUT /api/v1/cases/12/draft"] = (body) => [200, body];
    render(<Composer detail={kase} canSend onSent={() => undefined} />, { wrapper: Providers });
    fireEvent.change(screen.getByPlaceholderText(/own words/), { target: { value: "טיוטה" } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(800);
    });
    const put = calls.find((c) => c.method === "PUT" && c.url.endsWith("/draft"));
    expect(put?.body).toMatchObject({ route: "public_reply", text: "טיוטה" });
  });

  it("tells an agent who does not hold the case to take it", () => {
    render(<Composer detail={kase} canSend={false} onSent={() => undefined} />, { wrapper: Providers });
    expect(screen.getByTestId("composer").textContent).toMatch(/Take the case/);
    expect(screen.queryByRole("textbox")).toBeNull();
  });
});
