import { describe, expect, it } from "vitest";
import type { Case, CaseDetail, CaseRowData } from "../api/types";
import { appendPage, applyCase, kEmptyList, setSummary, summaryOf, type QueueContext } from "./case_list_state";
import { kNoFilters } from "./queues";

const now = 1_763_800_000_000;
const ctx: QueueContext = { queue: { kind: "mine" }, filters: kNoFilters, me: "3", now };

function row(id: string, at: number, over: Partial<CaseRowData> = {}): CaseRowData {
  return {
    id,
    status: "open",
    platform: "x",
    account_id: "a",
    customer_id: "c" + id,
    opened_at: at,
    last_activity_at: at,
    message_count: 1,
    assignee_id: "3",
    ...over,
  };
}

describe("applyCase", () => {
  const list = { items: [row("3", 300), row("2", 200), row("1", 100)], cursor: null };

  it("inserts a case that entered the queue at its place by activity", () => {
    const next = applyCase(list, row("9", 250), ctx);
    expect(next.items.map((c) => c.id)).toEqual(["3", "9", "2", "1"]);
  });

  it("moves a listed case when its activity changes and keeps its summary", () => {
    const withSummary = setSummary(
      list,
      "1",
      { id: "c1", platform: "x", platform_user_id: "u", handle: "dana", name: "דנה", followers: 3, verified: false },
      { id: "m", text: "שלום", truncated: false, visibility: "public", kind: "mention", created_at: 1 },
    );
    const next = applyCase(withSummary, row("1", 400), ctx);
    expect(next.items.map((c) => c.id)).toEqual(["1", "3", "2"]);
    expect(next.items[0]!.customer?.name).toBe("דנה");
    expect(next.items[0]!.preview?.text).toBe("שלום");
  });

  it("removes a case that left the queue", () => {
    const next = applyCase(list, row("2", 200, { assignee_id: "4" }), ctx);
    expect(next.items.map((c) => c.id)).toEqual(["3", "1"]);
  });

  it("leaves the state untouched for a case that is neither listed nor belongs", () => {
    expect(applyCase(list, row("7", 999, { assignee_id: "4" }), ctx)).toBe(list);
  });

  it("leaves a case sorting after the last row to later pages while more remain", () => {
    const paged = { ...list, cursor: "next" };
    expect(applyCase(paged, row("0", 50), ctx)).toBe(paged);
    expect(applyCase(list, row("0", 50), ctx).items.map((c) => c.id)).toEqual(["3", "2", "1", "0"]);
  });
});

describe("appendPage", () => {
  it("replaces rows a live event brought in before their page came", () => {
    const live = { items: [row("5", 500)], cursor: "c1" };
    const page = [row("5", 501), row("4", 400)].map((c) => ({ ...c, customer: null, preview: null }));
    const next = appendPage(live, { items: page, next_cursor: null });
    expect(next.items.map((c) => [c.id, c.last_activity_at])).toEqual([
      ["5", 501],
      ["4", 400],
    ]);
    expect(next.cursor).toBeNull();
    expect(appendPage(kEmptyList, { items: [], next_cursor: null }).items).toEqual([]);
  });
});

describe("summaryOf", () => {
  it("takes the case customer and the latest inbound, undeleted message, cut at code points", () => {
    const long = "😀".repeat(250);
    const detail = {
      ...row("1", 1),
      customer_id: "7",
      customers: [{ id: "x1", customer_id: "7", name: "נועה", handle: "noa" }],
      messages: [
        { id: "1", text: "first", is_outbound: false, created_at: 1 },
        { id: "2", text: long, is_outbound: false, created_at: 2 },
        { id: "3", text: "our answer", is_outbound: true, created_at: 3 },
        { id: "4", text: "gone", is_outbound: false, deleted: true, created_at: 4 },
      ],
    } as CaseDetail;
    const { customer, preview } = summaryOf(detail);
    expect(customer).toMatchObject({ id: "7", platform_user_id: "x1", name: "נועה", handle: "noa" });
    expect(preview?.id).toBe("2");
    expect(Array.from(preview!.text)).toHaveLength(200);
    expect(preview!.truncated).toBe(true);
    expect(preview!.text.endsWith("😀")).toBe(true);
  });

  it("is empty for a case without inbound messages", () => {
    expect(summaryOf({ ...row("1", 1), messages: [] } as Case).preview).toBeNull();
  });
});
