import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Topic } from "../api/types";
import { Topics } from "./TopicsPage";
import { stubFetch } from "../test_support/fake_fetch";
import { PageProviders } from "../test_support/page_providers";

// A canvas cannot draw here: the sparkline stands in as its description.
vi.mock("react-chartjs-2", () => ({
  Chart: (props: { "aria-label": string }) => <div role="img" aria-label={props["aria-label"]} data-testid="chart" />,
}));

const kZone = "Asia/Jerusalem";
const kNow = Date.UTC(2026, 10, 23, 12, 20);
const kWeekFrom = Date.UTC(2026, 10, 16, 22);

const kTopics: Topic[] = [
  {
    id: "9",
    name: "מחיר · יקר",
    terms: ["מחיר", "יקר"],
    count: 8,
    previous_count: 10,
    trend: [{ day: "2026-11-22", count: 8 }],
    examples: [],
    first_seen: Date.UTC(2026, 10, 10, 9),
    last_seen: Date.UTC(2026, 10, 22, 9),
    sent_to_product_at: null,
    link: null,
  },
  {
    id: "12",
    name: "משלוח · איחור",
    terms: ["משלוח", "איחור"],
    count: 41,
    previous_count: 17,
    trend: [
      { day: "2026-11-20", count: 5 },
      { day: "2026-11-23", count: 9 },
    ],
    examples: [{ message_id: "881", case_id: "302", platform: "x", author_handle: "dana", text: '<img src=x onerror="alert(1)"> המשלוח מאחר שוב', created_at: kNow - 3_600_000 }],
    first_seen: Date.UTC(2026, 9, 1, 9),
    last_seen: kNow - 3_600_000,
    sent_to_product_at: null,
    link: null,
  },
];

type Call = { method: string; url: URL };
let calls: Call[] = [];
let answers: Record<string, () => [number, unknown]> = {};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(kNow);
  localStorage.setItem("feedroom.lang", "he");
  localStorage.setItem("feedroom.timeZone", kZone);
  calls = [];
  answers = {
    "GET /api/v1/topics": () => [200, { items: kTopics }],
    "GET /api/v1/metrics/cases": () => [200, { items: [{ case_id: "302", opened_at: kNow - 3_600_000, platform: "x", team: "", agent: "", first_response_sla: "none", sentiment: "negative" }], next_cursor: null }],
    "GET /api/v1/users": () => [200, { items: [] }],
    "GET /api/v1/teams": () => [200, { items: [] }],
  };
  stubFetch((key) => answers[key]?.(), (call) => calls.push({ method: call.method, url: new URL(call.url, "http://feedroom.test") }), true);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});


const card = async (id: string) => {
  const list = await screen.findByTestId("topic-list");
  return list.querySelector(`[data-topic="${id}"]`) as HTMLElement;
};

describe("Topics", () => {
  it("lists the week's topics most complaints first, with the change, the trend and examples as text", async () => {
    render(<Topics />, { wrapper: PageProviders });
    const list = await screen.findByTestId("topic-list");
    expect([...list.querySelectorAll("[data-topic]")].map((li) => li.getAttribute("data-topic"))).toEqual(["12", "9"]);
    const first = await card("12");
    expect(within(first).getByTestId("topic-count").textContent).toBe("41 תלונות");
    const change = within(first).getByTestId("topic-change");
    expect(change.className).toBe("trend trend-worse");
    expect(change.textContent).toContain("עלייה של 141.2% לעומת 17 בתקופה הקודמת");
    expect(within(await card("9")).getByTestId("topic-change").className).toBe("trend trend-better");
    expect(within(first).getByRole("img").getAttribute("aria-label")).toBe(
      "תלונות לפי יום: 17 בנוב׳: 0; 18 בנוב׳: 0; 19 בנוב׳: 0; 20 בנוב׳: 5; 21 בנוב׳: 0; 22 בנוב׳: 0; 23 בנוב׳: 9",
    );
    expect(within(first).getByText(/המשלוח מאחר שוב/).textContent).toContain("<img");
    expect(first.querySelector("img")).toBeNull();
    expect(within(first).getByRole("link", { name: "פתיחת פנייה 302" }).getAttribute("href")).toBe("/?queue=all&case=302");
    const asked = calls.find((c) => c.url.pathname === "/api/v1/topics")?.url;
    expect(Object.fromEntries(asked?.searchParams ?? [])).toEqual({ from: String(kWeekFrom), to: String(kNow), tz: kZone });
  });

  it("opens a topic's cases with the dashboard's drill-down and CSV", async () => {
    render(<Topics />, { wrapper: PageProviders });
    fireEvent.click(within(await card("12")).getByTestId("topic-cases"));
    const drill = await screen.findByTestId("drill");
    expect(within(drill).getByRole("heading").textContent).toBe("הפניות: הנושא \u2068משלוח · איחור\u2069");
    await within(drill).findByRole("link", { name: "פתיחת פנייה 302" });
    const asked = calls.find((c) => c.url.pathname === "/api/v1/metrics/cases")?.url;
    expect(Object.fromEntries(asked?.searchParams ?? [])).toEqual({ from: String(kWeekFrom), to: String(kNow), tz: kZone, group_by: "topic", group: "12", limit: "50" });
    expect(within(drill).getByTestId("drill-csv").getAttribute("href")).toBe(
      `/api/v1/metrics/cases.csv?from=${kWeekFrom}&to=${kNow}&tz=Asia%2FJerusalem&group_by=topic&group=12`,
    );
  });

  it("sends a topic to the product team, and says clearly when no webhook is configured", async () => {
    answers["POST /api/v1/topics/12/send"] = () => [409, { error: { code: "product_webhook_not_configured", message: "no product webhook" } }];
    answers["POST /api/v1/topics/9/send"] = () => [200, { delivered: true, sent_at: kNow }];
    render(<Topics />, { wrapper: PageProviders });
    const first = await card("12");
    fireEvent.click(within(first).getByTestId("topic-send"));
    expect((await within(first).findByRole("alert")).textContent).toBe("בשרת הזה לא מוגדר webhook של צוות המוצר. בקשו ממנהל/ת להגדיר אחד.");
    const second = await card("9");
    fireEvent.click(within(second).getByTestId("topic-send"));
    expect((await within(second).findByRole("status")).textContent).toBe("נשלח לצוות המוצר.");
    expect(within(second).getByTestId("topic-sent").textContent).toBe("נשלח לצוות המוצר 23 בנוב׳ 2026, 14:20");
    const sent = calls.find((c) => c.method === "POST" && c.url.pathname === "/api/v1/topics/9/send")?.url;
    expect(Object.fromEntries(sent?.searchParams ?? [])).toEqual({ from: String(kWeekFrom), to: String(kNow), tz: kZone });
  });

  it("copies a topic as a GitHub or Jira issue, or shows it to copy by hand", async () => {
    const issue = { title: "משלוח · איחור", body: "41 complaints", labels: ["customer-care"] };
    answers["GET /api/v1/topics/12/issue"] = () => [200, issue];
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    render(<Topics />, { wrapper: PageProviders });
    const first = await card("12");
    fireEvent.click(within(first).getByTestId("topic-copy-github"));
    expect((await within(first).findByRole("status")).textContent).toBe("ה־issue ל־GitHub הועתק.");
    expect(writeText).toHaveBeenCalledWith(JSON.stringify(issue, null, 2));
    const asked = calls.find((c) => c.url.pathname === "/api/v1/topics/12/issue")?.url;
    expect(Object.fromEntries(asked?.searchParams ?? [])).toEqual({ from: String(kWeekFrom), to: String(kNow), tz: kZone, format: "github" });

    writeText.mockRejectedValueOnce(new Error("denied"));
    fireEvent.click(within(first).getByTestId("topic-copy-jira"));
    const text = (await within(first).findByTestId("topic-issue-text")) as HTMLTextAreaElement;
    expect(text.value).toBe(JSON.stringify(issue, null, 2));
    expect(calls.filter((c) => c.url.pathname === "/api/v1/topics/12/issue").map((c) => c.url.searchParams.get("format"))).toEqual(["github", "jira"]);
  });

  it("shows an empty state, not a failure, on a server without topics", async () => {
    delete answers["GET /api/v1/topics"];
    render(<Topics />, { wrapper: PageProviders });
    expect((await screen.findByTestId("topics-unavailable")).textContent).toBe("השרת הזה עוד לא מוצא נושאים.");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says when the period has no recurring complaint", async () => {
    answers["GET /api/v1/topics"] = () => [200, { items: [] }];
    render(<Topics />, { wrapper: PageProviders });
    await waitFor(() => expect(screen.getByTestId("topics-empty")).toBeTruthy());
  });
});
