import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Message } from "../api/types";
import { I18nProvider } from "../i18n/i18n";
import { MessageChips } from "./Chips";

let posted: Array<{ url: string; body: unknown }> = [];

beforeEach(() => {
  localStorage.setItem("feedroom.lang", "he");
  posted = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(init.body as string) : undefined;
    posted.push({ url, body });
    const fixed = { message_id: "10", sentiment: "neutral", intent: "complaint", corrected: ["sentiment"], triage: { priority: "urgent", reasons: [] } };
    return new Response(JSON.stringify(fixed), { status: 200 });
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

describe("MessageChips", () => {
  it("shows what was understood in Hebrew, with the matched rules and why it is urgent", () => {
    render(
      <I18nProvider>
        <MessageChips message={message} />
      </I18nProvider>,
    );
    expect(screen.getByText("סנטימנט: שלילי")).toBeTruthy();
    expect(screen.getByText("כוונה: תלונה")).toBeTruthy();
    expect(screen.getByText("רגיש: בריאות")).toBeTruthy();
    expect(screen.getByText("כלל: food.safety")).toBeTruthy();
    const triage = screen.getByText("דחיפות: דחופה");
    expect(triage.getAttribute("title")).toBe("סיכון בריאותי, תלונה, שלילי");
  });

  it("sends an agent's correction and shows the corrected label", async () => {
    render(
      <I18nProvider>
        <MessageChips message={message} />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByText("תיקון תוויות"));
    await act(async () => {
      fireEvent.change(screen.getByLabelText("סנטימנט"), { target: { value: "neutral" } });
    });
    expect(posted).toEqual([{ url: "/api/v1/messages/10/labels", body: { task: "sentiment", label: "neutral" } }]);
    expect(screen.getByText("סנטימנט: ניטרלי")).toBeTruthy();
    expect(screen.queryByLabelText("סנטימנט")).toBeNull();
  });
});
