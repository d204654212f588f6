import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Message } from "../api/types";
import { I18nProvider } from "../i18n/i18n";
import { MessageChips } from "./Chips";

let posted: Array<{ url: string; body: unknown }> = [];
let refuse: ((body: { task: string; label: string }) => string | null) | null = null;

beforeEach(() => {
  localStorage.setItem("feedroom.lang", "he");
  posted = [];
  refuse = null;
  // A fake server holding message 10's insight: each correction replaces its task's label.
  const insight: Record<string, unknown> = {
    message_id: "10",
    language: "he",
    sentiment: "negative",
    intent: "complaint",
    sensitivity: ["health"],
    rules: ["food.safety"],
    corrected: [],
    triage: { priority: "urgent", reasons: [] },
  };
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(init.body as string) : undefined;
    posted.push({ url, body });
    const why = refuse?.(body);
    if (why) return new Response(JSON.stringify({ error: { code: "invalid_label", message: why } }), { status: 400 });
    insight[body.task] = body.task === "sensitivity" ? (body.label ? body.label.split(",") : []) : body.label;
    insight.corrected = [...(insight.corrected as string[]), body.task];
    return new Response(JSON.stringify(insight), { status: 200 });
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const message = {
  id: "10",
  text: "הילד שלי קיבל הרעלה בקנטינה",
  language: "he",
  sentiment: "negative",
  sentiment_p: 0.93,
  intent: "complaint",
  sensitivity: ["health"],
  rules: ["food.safety"],
  triage: { priority: "urgent", reasons: ["sensitive:health", "intent:complaint", "sentiment:negative"] },
} as Message;

function renderChips() {
  render(
    <I18nProvider>
      <MessageChips message={message} />
    </I18nProvider>,
  );
}

async function save() {
  await act(async () => {
    fireEvent.click(screen.getByText("שמירה"));
  });
}

const checkbox = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

describe("MessageChips", () => {
  it("shows what was understood in Hebrew, with the matched rules and why it is urgent", () => {
    renderChips();
    expect(screen.getByText("שפה: עברית").getAttribute("title")).toBe("he");
    expect(screen.getByText("סנטימנט: שלילי")).toBeTruthy();
    expect(screen.getByText("כוונה: תלונה")).toBeTruthy();
    expect(screen.getByText("רגיש: בריאות")).toBeTruthy();
    expect(screen.getByText("כלל: food.safety")).toBeTruthy();
    const triage = screen.getByText("דחיפות: דחופה");
    expect(triage.getAttribute("title")).toBe("סיכון בריאותי, תלונה, שלילי");
  });

  it("sends an agent's correction and shows the corrected label", async () => {
    renderChips();
    fireEvent.click(screen.getByText("תיקון תוויות"));
    fireEvent.change(screen.getByLabelText("סנטימנט"), { target: { value: "neutral" } });
    await save();
    expect(posted).toEqual([{ url: "/api/v1/messages/10/labels", body: { task: "sentiment", label: "neutral" } }]);
    expect(screen.getByText("סנטימנט: ניטרלי")).toBeTruthy();
    expect(screen.queryByLabelText("סנטימנט")).toBeNull();
  });
});

describe("LabelFix", () => {
  it("offers the languages by their Hebrew names and the topics as they stand, right to left", () => {
    renderChips();
    fireEvent.click(screen.getByText("תיקון תוויות"));
    expect(document.documentElement.dir).toBe("rtl");
    const language = screen.getByLabelText("שפה") as HTMLSelectElement;
    expect(language.value).toBe("he");
    expect([...language.options].map((o) => o.text)).toEqual(["עברית", "אנגלית", "ערבית", "רוסית", "צרפתית", "ספרדית", "אחרת…"]);
    expect(screen.getByText("נושאים רגישים")).toBeTruthy();
    expect(checkbox("בריאות").checked).toBe(true);
    expect(["משפטי", "בטיחות", "אפליה", "חרם"].map((n) => checkbox(n).checked)).toEqual([false, false, false, false]);
  });

  it("sends only the changed tasks, the topics as a whole list in the server's order", async () => {
    renderChips();
    fireEvent.click(screen.getByText("תיקון תוויות"));
    fireEvent.change(screen.getByLabelText("שפה"), { target: { value: "ar" } });
    fireEvent.click(checkbox("חרם"));
    fireEvent.click(checkbox("משפטי"));
    await save();
    expect(posted.map((p) => p.body)).toEqual([
      { task: "language", label: "ar" },
      { task: "sensitivity", label: "health,legal,boycott" },
    ]);
    expect(screen.getByText("שפה: ערבית")).toBeTruthy();
    expect(screen.getByText("רגיש: משפטי")).toBeTruthy();
    expect(screen.getByText("רגיש: חרם")).toBeTruthy();
    expect(screen.queryByLabelText("שפה")).toBeNull();
  });

  it("sends an empty list when every topic is cleared, and nothing when nothing changed", async () => {
    renderChips();
    fireEvent.click(screen.getByText("תיקון תוויות"));
    await save();
    expect(posted).toEqual([]);
    fireEvent.click(screen.getByText("תיקון תוויות"));
    fireEvent.click(checkbox("בריאות"));
    await save();
    expect(posted.map((p) => p.body)).toEqual([{ task: "sensitivity", label: "" }]);
    expect(screen.queryByText("רגיש: בריאות")).toBeNull();
  });

  it("takes another language's code, checked like the server checks it", async () => {
    renderChips();
    fireEvent.click(screen.getByText("תיקון תוויות"));
    fireEvent.change(screen.getByLabelText("שפה"), { target: { value: "*other" } });
    const code = screen.getByLabelText("קוד שפה") as HTMLInputElement;
    expect(code.getAttribute("dir")).toBe("ltr");
    expect((screen.getByText("שמירה") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(code, { target: { value: "DE" } });
    expect(screen.getByText("שתיים או שלוש אותיות לטיניות קטנות, למשל de")).toBeTruthy();
    expect((screen.getByText("שמירה") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(code, { target: { value: "de" } });
    await save();
    expect(posted.map((p) => p.body)).toEqual([{ task: "language", label: "de" }]);
    expect(screen.getByText("שפה: גרמנית")).toBeTruthy();
  });

  it("shows the server's refusal, keeps what was saved and sends only the rest again", async () => {
    refuse = (body) => (body.task === "intent" ? "task must be language, sentiment, intent or sensitivity" : null);
    renderChips();
    fireEvent.click(screen.getByText("תיקון תוויות"));
    fireEvent.change(screen.getByLabelText("סנטימנט"), { target: { value: "positive" } });
    fireEvent.change(screen.getByLabelText("כוונה"), { target: { value: "praise" } });
    await save();
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toBe("שמירת התיקון (כוונה) נכשלה: task must be language, sentiment, intent or sensitivity");
    expect(alert.querySelector("bdi")?.textContent).toBe("task must be language, sentiment, intent or sensitivity");
    expect(screen.getByText("סנטימנט: חיובי")).toBeTruthy();
    expect(screen.getByLabelText("כוונה")).toBeTruthy();
    refuse = null;
    posted = [];
    await save();
    expect(posted.map((p) => p.body)).toEqual([{ task: "intent", label: "praise" }]);
    expect(screen.getByText("כוונה: מחמאה")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
