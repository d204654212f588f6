import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReactNode } from "react";
import type { CaseDetail, Crisis, CrisisSummary } from "../api/types";
import { Composer } from "../case/Composer";
import { I18nProvider } from "../i18n/i18n";
import { CrisisProvider } from "../state/crisis";
import { DirectoryProvider } from "../state/directory";
import { LiveProvider } from "../state/live";
import { SessionProvider, useSession } from "../state/session";
import { CrisisBanner } from "./CrisisBanner";
import { CrisisPanel } from "./CrisisPage";
import { stubFetch, type FakeCall } from "../test_support/fake_fetch";

let calls: FakeCall[] = [];
let answers: Record<string, (body: unknown) => [number, unknown]> = {};

const kStatement = "אנחנו בודקים את הדיווחים ונעדכן כאן בהקדם.";
const kCrisis: Crisis = {
  id: "7",
  name: "חרם קנטינה",
  terms: ["חרם", "להחרים"],
  rule_ids: ["boycott"],
  holding_statement: kStatement,
  raise_to: "urgent",
  started_by: "2",
  spike_id: null,
  started_at: Date.UTC(2026, 10, 23, 10),
  ended_at: null,
  ended_by: null,
  running: true,
};
const kSummary: CrisisSummary = {
  cases: 12,
  messages: 40,
  negative: 30,
  replies_sent: 9,
  cases_answered: 8,
  median_first_reply_s: 754,
  peak_hour: Date.UTC(2026, 10, 23, 12),
  peak_hour_messages: 17,
  duration_s: 7_520,
};

beforeEach(() => {
  localStorage.setItem("feedroom.lang", "he");
  localStorage.setItem("feedroom.timeZone", "Asia/Jerusalem");
  calls = [];
  answers = {
    "GET /api/v1/session": () => [200, { user: { id: "2", username: "ronit", display_name: "רונית אלון", role: "supervisor" }, csrf_token: "t", expires_at: 0 }],
    "GET /api/v1/users": () => [200, { items: [{ id: "2", display_name: "רונית אלון" }] }],
    "GET /api/v1/teams": () => [200, { items: [] }],
    "GET /api/v1/listening/rules": () => [
      200,
      {
        rules: [
          { id: "boycott", query: "(קנטינה OR cantina) חרם", action: "tag", team: "", enabled: true },
          { id: "brand", query: "קנטינה", action: "tag", team: "", enabled: true },
        ],
      },
    ],
    "GET /api/v1/crises": () => [200, { items: [] }],
    "GET /api/v1/crisis": () => [200, { crisis: null }],
  };
  stubFetch((key, body) => answers[key]?.(body), (call) => calls.push(call));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** What the app shows only once signed in (the shell). */
function SignedIn({ children }: { children: ReactNode }) {
  return useSession().state.status === "signed_in" ? <>{children}</> : null;
}

function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <SessionProvider>
        <LiveProvider paused>
          <DirectoryProvider>
            <CrisisProvider>{children}</CrisisProvider>
          </DirectoryProvider>
        </LiveProvider>
      </SessionProvider>
    </I18nProvider>
  );
}

const writes = () => calls.filter((c) => c.method !== "GET");

describe("the crisis panel", () => {
  it("starts a crisis: terms typed as a list, a rule picked, the statement and urgent priority", async () => {
    answers["POST /api/v1/crises"] = (body) => [201, { ...kCrisis, ...(body as object) }];
    render(<CrisisPanel />, { wrapper: Providers });
    const form = await screen.findByTestId("crisis-start-form");
    expect(within(form).getByTestId("crisis-everything")).toBeTruthy(); // no term and no rule yet
    fireEvent.change(within(form).getByTestId("crisis-form-name"), { target: { value: "חרם קנטינה" } });
    fireEvent.change(within(form).getByTestId("crisis-form-term"), { target: { value: "חרם, להחרים" } });
    fireEvent.keyDown(within(form).getByTestId("crisis-form-term"), { key: "Enter" });
    expect(within(within(form).getByTestId("crisis-term-list")).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["חרם×", "להחרים×"]);
    fireEvent.click(within(form).getByRole("button", { name: "הסרת להחרים" }));
    fireEvent.change(within(form).getByTestId("crisis-form-term"), { target: { value: "boycott" } });
    fireEvent.click(await within(form).findByRole("checkbox", { name: /boycott/ }));
    fireEvent.change(within(form).getByTestId("crisis-form-statement"), { target: { value: kStatement } });
    fireEvent.click(within(form).getByLabelText("דחופה"));
    expect(within(form).queryByTestId("crisis-everything")).toBeNull();
    fireEvent.click(within(form).getByTestId("crisis-form-submit"));

    await screen.findByTestId("crisis-running");
    expect(writes()).toEqual([
      {
        method: "POST",
        url: "/api/v1/crises",
        body: { name: "חרם קנטינה", terms: ["חרם", "boycott"], rule_ids: ["boycott"], holding_statement: kStatement, raise_to: "urgent" },
      },
    ]);
  });

  it("checks the form before sending, and shows the server's refusal", async () => {
    answers["POST /api/v1/crises"] = () => [409, { error: { code: "crisis_running", message: "a crisis is running" } }];
    render(<CrisisPanel />, { wrapper: Providers });
    const form = await screen.findByTestId("crisis-start-form");
    fireEvent.click(within(form).getByTestId("crisis-form-submit"));
    expect((await within(form).findByRole("alert")).textContent).toBe("יש לתת למשבר שם.");
    expect(within(form).getByTestId("crisis-form-name").getAttribute("aria-invalid")).toBe("true");
    expect(writes()).toEqual([]);
    fireEvent.change(within(form).getByTestId("crisis-form-name"), { target: { value: "x" } });
    fireEvent.click(within(form).getByTestId("crisis-form-submit"));
    expect((await within(form).findByRole("alert")).textContent).toBe("משבר אחר כבר פעיל; יש לשנות או לסיים אותו קודם.");
  });

  it("shows the running crisis, changes it, ends it after a confirmation and shows its summary", async () => {
    let current: Crisis = kCrisis;
    answers["GET /api/v1/crisis"] = () => [200, { crisis: current }];
    answers["GET /api/v1/crises/7"] = () => [200, { ...current, summary: { ...kSummary, duration_s: 600 } }];
    answers["PATCH /api/v1/crises/7"] = (body) => {
      current = { ...current, ...(body as object) };
      return [200, current];
    };
    answers["POST /api/v1/crises/7/end"] = () => [200, { ...current, ended_at: current.started_at + 7_520_000, ended_by: "2", running: false, summary: kSummary }];
    render(<CrisisPanel />, { wrapper: Providers });
    const card = await screen.findByTestId("crisis-running");
    expect(within(card).getByRole("heading", { level: 2 }).textContent).toBe("פעיל עכשיו: חרם קנטינה");
    expect(within(card).getByText(/על ידי/).textContent).toContain("רונית אלון");
    const soFar = await within(card).findByTestId("crisis-live-summary");
    expect(within(soFar).getByText("10 דק׳")).toBeTruthy();

    fireEvent.click(within(card).getByTestId("crisis-edit"));
    const edit = await screen.findByTestId("crisis-edit-form");
    fireEvent.change(within(edit).getByTestId("crisis-form-statement"), { target: { value: "עדכון: בודקים" } });
    fireEvent.click(within(edit).getByTestId("crisis-form-submit"));
    await screen.findByTestId("crisis-running");
    expect(writes()[0]).toEqual({
      method: "PATCH",
      url: "/api/v1/crises/7",
      body: { name: "חרם קנטינה", terms: ["חרם", "להחרים"], rule_ids: ["boycott"], holding_statement: "עדכון: בודקים", raise_to: "urgent" },
    });

    fireEvent.click(screen.getByTestId("crisis-end"));
    fireEvent.click(screen.getByTestId("crisis-end-confirm"));
    const ended = await screen.findByTestId("crisis-ended-summary");
    expect(within(ended).getByRole("heading").textContent).toBe("המשבר \u2068חרם קנטינה\u2069 הסתיים");
    const facts = Object.fromEntries(within(ended).getAllByRole("term").map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(facts).toMatchObject({ משך: "שעתיים 5 דק׳", "פניות קשורות": "12", "הודעות שליליות": "30 (75%)", "פניות שנענו": "8 מתוך 12 (66.7%)" });
    expect(await screen.findByTestId("crisis-start-form")).toBeTruthy();
  });

  it("lists earlier crises and reads a summary on demand", async () => {
    const past = { ...kCrisis, id: "3", name: "הרעלה", ended_at: kCrisis.started_at + 3_600_000, ended_by: "2", running: false };
    answers["GET /api/v1/crises"] = () => [200, { items: [past] }];
    answers["GET /api/v1/crises/3"] = () => [200, { ...past, summary: kSummary }];
    render(<CrisisPanel />, { wrapper: Providers });
    const item = (await screen.findByTestId("crisis-history")).querySelector('[data-crisis="3"]') as HTMLElement;
    expect(within(item).getByText(/אחרי 1 שעה/)).toBeTruthy();
    fireEvent.click(within(item).getByTestId("crisis-past-toggle"));
    await within(item).findByText("8 מתוך 12 (66.7%)");
  });
});

describe("the banner and the composer", () => {
  const kase = { id: "12", status: "open", platform: "x", account_id: "a", customer_id: "7", opened_at: 1, last_activity_at: 1, message_count: 1 } as CaseDetail;

  it("shows everyone the running crisis and its holding statement, and puts the statement into a reply at the cursor", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    answers["GET /api/v1/crisis"] = () => [200, { crisis: kCrisis }];
    answers["GET /api/v1/cases/12/draft"] = () => [200, { route: "public_reply", text: "שלום יעל, " }];
    answers["PUT /api/v1/cases/12/draft"] = (body) => [200, body];
    render(
      <SignedIn>
        <CrisisBanner />
        <Composer detail={kase} canSend onSent={() => undefined} />
      </SignedIn>,
      { wrapper: Providers },
    );
    const banner = await screen.findByTestId("crisis-banner");
    expect(within(banner).getByTestId("crisis-name").textContent).toBe("חרם קנטינה");
    expect(within(banner).getByTestId("crisis-statement").textContent).toBe(kStatement);
    expect(within(banner).getByText(/לעדיפות דחופה/)).toBeTruthy();
    expect(within(banner).getByRole("link", { name: "ניהול המשבר" }).getAttribute("href")).toBe("/crisis");

    const box = (await screen.findByDisplayValue("שלום יעל,")) as HTMLTextAreaElement;
    fireEvent.focus(box);
    box.setSelectionRange(5, 5);
    fireEvent.click(screen.getByTestId("insert-holding"));
    expect(box.value).toBe(`שלום ${kStatement} יעל, `);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(800);
    });
    await waitFor(() => expect(calls.some((c) => c.method === "PUT" && (c.body as { text?: string }).text === `שלום ${kStatement} יעל, `)).toBe(true));
  });

  it("offers nothing to insert when no crisis runs", async () => {
    render(<Composer detail={kase} canSend onSent={() => undefined} />, { wrapper: Providers });
    await screen.findByTestId("composer");
    await waitFor(() => expect(calls.some((c) => c.url === "/api/v1/crisis")).toBe(true));
    expect(screen.queryByTestId("insert-holding")).toBeNull();
    expect(screen.queryByTestId("crisis-banner")).toBeNull();
  });
});
