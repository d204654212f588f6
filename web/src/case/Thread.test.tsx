import { render, screen, cleanup } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { CaseDetail, Reply } from "../api/types";
import { Thread, isWebLink, threadEntries } from "./Thread";
import { PageProviders } from "../test_support/page_providers";

afterEach(cleanup);


const hostile = '<img src=x onerror="window.pwned=1">';
const detail = {
  id: "1",
  status: "open",
  platform: "facebook",
  account_id: "p",
  customer_id: "7",
  opened_at: 1,
  last_activity_at: 3,
  message_count: 2,
  customers: [{ id: "fb1", customer_id: "7", name: "<b>Mallory</b>" }],
  messages: [
    { id: "10", text: hostile, author: { id: "fb1" }, created_at: 1, visibility: "public", platform: "facebook", is_outbound: false },
    { id: "11", text: "הפרטים נשלחו בפרטי", created_at: 3, visibility: "private", platform: "facebook", is_outbound: true },
  ],
} as CaseDetail;

describe("Thread", () => {
  it("renders customer text and names as text, never as HTML", () => {
    const { container } = render(<Thread detail={detail} replies={[]} />, { wrapper: PageProviders });
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(screen.getByText("<b>Mallory</b>")).toBeTruthy();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it("marks public and private messages and gives every text dir=auto", () => {
    const { container } = render(<Thread detail={detail} replies={[]} />, { wrapper: PageProviders });
    const items = [...container.querySelectorAll("li.msg")];
    expect(items.map((li) => li.getAttribute("data-visibility"))).toEqual(["public", "private"]);
    expect([...container.querySelectorAll(".msg-text")].every((el) => el.getAttribute("dir") === "auto")).toBe(true);
  });

  it("marks an overheard forum post and links its page safely, never a script URL", () => {
    const forum = {
      ...detail,
      platform: "rss",
      messages: [
        {
          id: "20",
          text: "הרעלת מזון אחרי ארוחה בקנטינה?",
          author: { id: "forum.demo:ruti" },
          created_at: 1,
          visibility: "public",
          platform: "rss",
          is_outbound: false,
          overheard: true,
          attachments: [
            { type: "link", url: "https://forum.example/t/1" },
            { type: "link", url: "javascript:alert(1)" },
          ],
        },
      ],
    } as CaseDetail;
    const { container } = render(<Thread detail={forum} replies={[]} />, { wrapper: PageProviders });
    const links = [...container.querySelectorAll("a.attachment")];
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://forum.example/t/1"]);
    expect(links[0]?.getAttribute("rel")).toBe("noopener noreferrer");
    expect(container.querySelectorAll(".mark").length).toBe(1);
    expect(isWebLink({ type: "photo", url: "https://x/p.jpg" })).toBe(false);
  });
});

describe("threadEntries", () => {
  it("shows replies still on their way and hides those whose echo is in the thread", () => {
    const replies = [
      { id: "r1", status: "sent", echo_message_id: "11", created_at: 2 },
      { id: "r2", status: "awaiting_approval", created_at: 4 },
      { id: "r3", status: "failed", created_at: 0 },
      { id: "r4", status: "sent", echo_message_id: null, created_at: 5 },
    ] as Reply[];
    const entries = threadEntries(detail.messages!, replies);
    expect(entries.map((e) => ("message" in e ? `m${e.message.id}` : e.reply.id))).toEqual(["r3", "m10", "m11", "r2", "r4"]);
  });
});
