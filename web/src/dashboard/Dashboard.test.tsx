import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Dashboard } from "./DashboardPage";
import { PageProviders } from "../test_support/page_providers";

// A canvas cannot draw here: the chart stands in as its labels, each clickable like a bar.
vi.mock("react-chartjs-2", () => ({
  Chart: (props: { data: { labels?: string[] }; options: { onClick: (e: null, el: { index: number }[]) => void }; "aria-label": string }) => (
    <div role="img" aria-label={props["aria-label"]} data-testid="chart">
      {(props.data.labels ?? []).map((label, index) => (
        <button key={label} type="button" data-bar={index} onClick={() => props.options.onClick(null, [{ index }])}>
          {label}
        </button>
      ))}
    </div>
  ),
}));

const kZone = "Asia/Jerusalem";
const kNow = Date.UTC(2026, 10, 23, 12, 20); // Monday 14:20 in Jerusalem
const kWeekFrom = Date.UTC(2026, 10, 16, 22); // 17 November, local midnight
const kToday = Date.UTC(2026, 10, 22, 22);

let requests: URL[] = [];

const kSpikeDetail = {
  id: "4",
  series: "rule:boycott",
  kind: "volume",
  started_at: kToday + 9 * 3_600_000,
  ended_at: kToday + 10 * 3_600_000,
  observed: 31,
  expected: 2.5,
  score: 11.3,
  explanation: {
    messages: 31,
    negative: 24,
    top_terms: [{ term: "חרם", count: 19, lift: 41 }],
    sources: [{ platform: "x", account_id: "1500000000000000001", count: 31 }],
    top_authors: [{ platform: "x", handle: "noa_news", name: "נועה", followers: 48_200, count: 2 }],
    samples: [{ id: "881", case_id: "302", platform: "x", author_handle: "noa_news", author_name: "נועה", author_followers: 48_200, created_at: kToday + 9 * 3_600_000, text: "קוראת לכולם להחרים את קנטינה" }],
  },
};
const { explanation: _unused, ...kSpike } = kSpikeDetail;
const kSpikes = [
  { ...kSpike, id: "5", series: "account:x:1500000000000000001", kind: "negative_share", started_at: kToday + 11 * 3_600_000, ended_at: null, observed: 12, expected: 3 },
  kSpike,
  { ...kSpike, id: "1", started_at: kWeekFrom - 86_400_000, ended_at: kWeekFrom - 80_000_000 }, // before the period
];

function summary(median: number, cases: number) {
  return [
    {
      group: "",
      label: "",
      count: cases,
      first_response: { count: cases, median_s: median, p90_s: median * 3 },
      response_rate: { rate: 0.9 },
      sla: { compliance: 0.8 },
      resolution: { median_s: 7_200 },
      repeat_complaints: { rate: 0.1 },
      sentiment: { positive_per_negative: 2 },
      volume: { count: cases },
    },
  ];
}

function answer(url: URL): unknown {
  const p = url.searchParams;
  switch (url.pathname) {
    case "/api/v1/users":
      return { items: [{ id: "7", display_name: "דנה כהן" }] };
    case "/api/v1/teams":
      return { items: [{ id: "3", name: "צוות X" }] };
    case "/api/v1/metrics/summary":
      if (p.get("group_by") === "platform") {
        return [
          { ...summary(300, 2)[0], group: "facebook", label: "facebook", volume: { count: 2 } },
          { ...summary(600, 10)[0], group: "x", label: "x", volume: { count: 10 } },
        ];
      }
      return Number(p.get("from")) === kWeekFrom ? summary(480, 12) : summary(600, 10);
    case "/api/v1/alerts":
      return { items: kSpikes };
    case "/api/v1/alerts/4":
      return kSpikeDetail;
    case "/api/v1/settings":
      return { channels: [{ platform: "x", account_id: "1500000000000000001", handle: "kantina_il", name: "", api_base: "", can_reply: true }] };
    case "/api/v1/metrics/first-response":
      return [{ group: "", label: "", count: 3, from: kToday, to: kNow, cases: 4, median_s: 720 }];
    case "/api/v1/metrics/cases":
      return p.get("cursor")
        ? { items: [{ case_id: "42", opened_at: kToday + 7_200_000, platform: "x", team: "3", agent: "", first_response_sla: "none", sentiment: null }], next_cursor: null }
        : {
            items: [{ case_id: "41", opened_at: kToday + 3_600_000, platform: "x", team: "3", agent: "7", first_response_s: 720, first_response_sla: "breached", sentiment: "negative" }],
            next_cursor: "1795395600000:41",
          };
    default:
      return undefined;
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(kNow);
  localStorage.setItem("feedroom.lang", "he");
  localStorage.setItem("feedroom.timeZone", kZone);
  requests = [];
  vi.stubGlobal("fetch", async (input: string) => {
    const url = new URL(input, "http://feedroom.test");
    requests.push(url);
    const body = answer(url);
    return body === undefined ? new Response('{"error":{"code":"not_found","message":"none"}}', { status: 404 }) : new Response(JSON.stringify(body));
  });
});

afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
  vi.useRealTimers();
  vi.unstubAllGlobals();
});


const casesRequests = () => requests.filter((u) => u.pathname === "/api/v1/metrics/cases");

describe("Dashboard", () => {
  it("shows the last 7 days in Hebrew against the 7 before, a shorter first response in green", async () => {
    render(<Dashboard />, { wrapper: PageProviders });
    const median = await screen.findByText("8 דק׳");
    const tile = median.closest("button") as HTMLElement;
    expect(tile.dataset.tile).toBe("frMedian");
    expect(within(tile).getByText("ירידה של 20%, שיפור").closest(".trend")?.className).toBe("trend trend-better");
    expect(within(tile).getByText("קודם: 10 דק׳")).toBeTruthy();
    const volume = screen.getAllByTestId("tile-value").map((v) => v.textContent);
    expect(volume.at(-1)).toBe("12");
    expect(screen.getByTestId("dashboard-period").textContent).toBe("17 בנוב׳ – 23 בנוב׳, בהשוואה ל־10 בנוב׳ – 16 בנוב׳");
    const charts = await screen.findAllByTestId("chart");
    expect(charts[0]?.getAttribute("aria-label")).toContain("23 בנוב׳: 4 פניות, חציון מענה ראשון 12 דק׳");
    expect(charts[0]?.getAttribute("aria-label")).toContain("22 בנוב׳: 0 פניות, חציון מענה ראשון —");
    const week = requests.find((u) => u.pathname === "/api/v1/metrics/first-response");
    expect(Object.fromEntries(week?.searchParams ?? [])).toEqual({ from: String(kWeekFrom), to: String(kNow), tz: kZone, interval: "day" });
  });

  it("opens the cases of a clicked day, pages with more, links each case and the CSV", async () => {
    render(<Dashboard />, { wrapper: PageProviders });
    const daily = await screen.findByTestId("daily-chart");
    fireEvent.click(within(within(daily).getByTestId("chart")).getByText("23 בנוב׳"));
    const drill = await screen.findByTestId("drill");
    expect(within(drill).getByRole("heading").textContent).toBe("הפניות: 23 בנוב׳");
    const link = await within(drill).findByRole("link", { name: "פתיחת פנייה 41" });
    expect(link.getAttribute("href")).toBe("/?queue=all&case=41");
    const row = link.closest("tr") as HTMLElement;
    expect(within(row).getByText("צוות X")).toBeTruthy();
    expect(within(row).getByText("דנה כהן")).toBeTruthy();
    expect(within(row).getByText("באיחור")).toBeTruthy();
    expect(within(row).getByText("שלילי")).toBeTruthy();
    expect(Object.fromEntries(casesRequests()[0]?.searchParams ?? [])).toEqual({ from: String(kToday), to: String(kNow), tz: kZone, limit: "50" });
    expect(within(drill).getByTestId("drill-csv").getAttribute("href")).toBe(`/api/v1/metrics/cases.csv?from=${kToday}&to=${kNow}&tz=Asia%2FJerusalem`);

    fireEvent.click(within(drill).getByTestId("drill-more"));
    await within(drill).findByRole("link", { name: "פתיחת פנייה 42" });
    expect(casesRequests()[1]?.searchParams.get("cursor")).toBe("1795395600000:41");
    expect(within(drill).queryByTestId("drill-more")).toBeNull();
    expect(within(drill).getByText("מוצגות 2 פניות")).toBeTruthy();
  });

  it("opens a group's cases from the breakdown, and a tile's over the whole period", async () => {
    render(<Dashboard />, { wrapper: PageProviders });
    const breakdown = await screen.findByTestId("breakdown");
    const first = await within(breakdown).findByText("X", { selector: "bdi" });
    expect(first.closest("tr")?.getAttribute("data-group")).toBe("x"); // most cases first
    fireEvent.click(within(first.closest("tr") as HTMLElement).getByText("הצגת הפניות"));
    const drill = await screen.findByTestId("drill");
    expect(within(drill).getByRole("heading").textContent).toBe("הפניות: רשת X");
    expect(within(drill).getByTestId("drill-csv").getAttribute("href")).toBe(
      `/api/v1/metrics/cases.csv?from=${kWeekFrom}&to=${kNow}&tz=Asia%2FJerusalem&group_by=platform&group=x`,
    );

    fireEvent.click(screen.getByText("8 דק׳"));
    await waitFor(() => expect(within(screen.getByTestId("drill")).getByRole("heading").textContent).toBe("הפניות: מענה ראשון, חציון, 17 בנוב׳ – 23 בנוב׳"));
    expect(casesRequests().at(-1)?.searchParams.has("group_by")).toBe(false);
  });

  it("asks for business hours and a shorter period when chosen", async () => {
    render(<Dashboard />, { wrapper: PageProviders });
    await screen.findByText("8 דק׳");
    fireEvent.click(screen.getByLabelText("שעות פעילות"));
    fireEvent.click(screen.getByText("היום"));
    await waitFor(() =>
      expect(requests.some((u) => u.pathname === "/api/v1/metrics/summary" && u.searchParams.get("from") === String(kToday) && u.searchParams.get("hours") === "business")).toBe(true),
    );
    expect(screen.getByTestId("dashboard-period").textContent).toBe("23 בנוב׳, בהשוואה ל־22 בנוב׳");
  });
});

describe("Dashboard spikes", () => {
  it("lists the period's spikes in time order, in words, and opens one's explanation", async () => {
    window.history.replaceState(null, "", "/dashboard");
    render(<Dashboard />, { wrapper: PageProviders });
    const list = await screen.findByTestId("spike-list");
    const rows = within(list).getAllByRole("listitem");
    expect(rows.map((r) => r.getAttribute("data-alert"))).toEqual(["4", "5"]);
    expect(rows[0]?.textContent).toContain("יותר הודעות מהרגיל");
    expect(rows[0]?.textContent).toContain("כלל האזנה boycott");
    expect(rows[0]?.textContent).toContain("31 הודעות ב־5 דקות, במקום כ־2.5");
    expect(rows[1]?.textContent).toContain("שלילי במיוחד");
    await waitFor(() => expect(rows[1]?.textContent).toContain("X @kantina_il"));
    expect(rows[1]?.textContent).toContain("נמשך");
    expect(screen.getByTestId("spike-timeline").querySelectorAll(".timeline-bar").length).toBe(2);

    fireEvent.click(within(rows[0] as HTMLElement).getByTestId("spike-open"));
    const panel = await screen.findByTestId("spike-explanation");
    expect(window.location.pathname + window.location.search).toBe("/dashboard?alert=4");
    expect(await within(panel).findByTestId("spike-headline")).toBeTruthy();
    expect(within(panel).getByTestId("spike-headline").textContent).toBe("31 הודעות, 24 מהן שליליות (77.4%)");
    const term = within(within(panel).getByTestId("spike-terms")).getByText("חרם").closest("tr") as HTMLElement;
    expect([...term.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["19", "×41"]);
    expect(within(panel).getByTestId("spike-authors").textContent).toContain("48.2K");
    const sample = within(panel).getByRole("link", { name: "פתיחת פנייה 302" });
    expect(sample.getAttribute("href")).toBe("/?queue=all&case=302");
    expect(within(panel).getByText("קוראת לכולם להחרים את קנטינה").getAttribute("dir")).toBe("auto");

    fireEvent.click(within(panel).getByTestId("spike-close"));
    await waitFor(() => expect(screen.queryByTestId("spike-explanation")).toBeNull());
    expect(window.location.search).toBe("");
  });

  it("opens the explanation of ?alert=<id> when the page loads with it, as alerts link to it", async () => {
    window.history.replaceState(null, "", "/dashboard?alert=4");
    render(<Dashboard />, { wrapper: PageProviders });
    const panel = await screen.findByTestId("spike-explanation");
    await within(panel).findByTestId("spike-terms");
    expect(requests.some((u) => u.pathname === "/api/v1/alerts/4")).toBe(true);
  });

  it("says so when the linked spike does not exist", async () => {
    window.history.replaceState(null, "", "/dashboard?alert=99");
    render(<Dashboard />, { wrapper: PageProviders });
    const panel = await screen.findByTestId("spike-explanation");
    expect((await within(panel).findByRole("alert")).textContent).toBe("אין זינוק כזה.");
  });
});
