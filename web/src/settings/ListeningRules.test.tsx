import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReactNode } from "react";
import type { ListeningRule } from "../api/types";
import { I18nProvider } from "../i18n/i18n";
import { ListeningRules } from "./ListeningRulesPage";
import { RuleQueryText } from "./RuleQueryText";
import { stubFetch, type FakeCall } from "../test_support/fake_fetch";

let calls: FakeCall[] = [];
let answers: Record<string, (body: unknown) => [number, unknown]> = {};

const kHostile = '<img src=x onerror="alert(1)"> קנטינה';
const kRules: ListeningRule[] = [
  { id: "brand", query: "קנטינה OR cantina", action: "tag", team: "", enabled: true },
  { id: "hostile", query: kHostile, action: "escalate", team: "Hebrew desk", enabled: false },
];

beforeEach(() => {
  localStorage.setItem("feedroom.lang", "en");
  calls = [];
  answers = { "GET /api/v1/listening/rules": () => [200, { rules: kRules }] };
  stubFetch((key, body) => answers[key]?.(body), (call) => calls.push(call));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Providers({ children }: { children: ReactNode }) {
  return <I18nProvider>{children}</I18nProvider>;
}

const writes = () => calls.filter((c) => c.method !== "GET");

describe("ListeningRules", () => {
  it("shows agents the rules read-only, each query as left-to-right text", async () => {
    const { container } = render(<ListeningRules canManage={false} teamNames={[]} reloadKey={0} />, { wrapper: Providers });
    const row = await waitFor(() => {
      const r = container.querySelector('tr[data-rule="hostile"]');
      if (!r) throw new Error("no row yet");
      return r as HTMLElement;
    });
    const query = row.querySelector("bdi.rule-query");
    expect(query?.getAttribute("dir")).toBe("ltr");
    expect(query?.textContent).toBe(kHostile);
    expect(container.querySelector("img")).toBeNull();
    expect(within(row).getByText("Hebrew desk")).toBeTruthy();
    expect(screen.queryByTestId("rule-add")).toBeNull();
    expect(screen.queryByTestId("rule-edit-open")).toBeNull();
    expect(screen.getAllByTestId("rule-enabled").every((box) => (box as HTMLInputElement).disabled)).toBe(true);
  });

  it("refuses a bad id before asking the server", async () => {
    render(<ListeningRules canManage teamNames={[]} reloadKey={0} />, { wrapper: Providers });
    fireEvent.click(await screen.findByTestId("rule-add"));
    fireEvent.change(screen.getByTestId("rule-id"), { target: { value: "has space" } });
    fireEvent.change(screen.getByTestId("rule-query"), { target: { value: "cantina" } });
    fireEvent.click(screen.getByTestId("rule-save"));
    expect(await screen.findByText(/1 to 64 Latin letters/)).toBeTruthy();
    expect(writes()).toEqual([]);
  });

  it("shows the server's reason for a bad query and marks its column", async () => {
    answers["PUT /api/v1/listening/rules/refunds"] = () => [
      400,
      { error: { code: "invalid_rule", message: "rule refunds: column 11: expected ')'" } },
    ];
    render(<ListeningRules canManage teamNames={["Hebrew desk"]} reloadKey={0} />, { wrapper: Providers });
    fireEvent.click(await screen.findByTestId("rule-add"));
    fireEvent.change(screen.getByTestId("rule-id"), { target: { value: "refunds" } });
    fireEvent.change(screen.getByTestId("rule-query"), { target: { value: "(החזר OR x" } });
    fireEvent.change(screen.getByTestId("rule-action"), { target: { value: "escalate" } });
    fireEvent.change(screen.getByTestId("rule-team"), { target: { value: "Hebrew desk" } });
    fireEvent.click(screen.getByTestId("rule-save"));

    expect((await screen.findByText(/expected '\)'/)).closest("[data-field]")?.getAttribute("data-field")).toBe("query");
    expect(writes()).toEqual([
      { method: "PUT", url: "/api/v1/listening/rules/refunds", body: { query: "(החזר OR x", action: "escalate", team: "Hebrew desk", enabled: true } },
    ]);
    const caret = screen.getByTestId("query-caret");
    expect(caret.querySelector("bdi")?.textContent).toBe("(החזר OR x ");
    expect(caret.querySelector("mark")?.className).toContain("at-end");

    // Editing the query drops the stale marker.
    fireEvent.change(screen.getByTestId("rule-query"), { target: { value: "(החזר OR x)" } });
    expect(screen.queryByTestId("query-caret")).toBeNull();
  });

  it("switches a rule off with the whole rule, and deletes only after confirming", async () => {
    answers["PUT /api/v1/listening/rules/brand"] = (body) => [200, { id: "brand", ...(body as object) }];
    answers["DELETE /api/v1/listening/rules/brand"] = () => [204, null];
    const { container } = render(<ListeningRules canManage teamNames={[]} reloadKey={0} />, { wrapper: Providers });
    await screen.findAllByTestId("rule-enabled");
    const row = () => container.querySelector('tr[data-rule="brand"]') as HTMLElement;

    fireEvent.click(within(row()).getByTestId("rule-enabled"));
    await waitFor(() => expect((within(row()).getByTestId("rule-enabled") as HTMLInputElement).checked).toBe(false));
    expect(writes()).toEqual([
      { method: "PUT", url: "/api/v1/listening/rules/brand", body: { query: "קנטינה OR cantina", action: "tag", team: "", enabled: false } },
    ]);

    fireEvent.click(within(row()).getByTestId("rule-delete"));
    expect(writes()).toHaveLength(1);
    fireEvent.click(within(row()).getByTestId("rule-delete-yes"));
    await waitFor(() => expect(container.querySelector('tr[data-rule="brand"]')).toBeNull());
    expect(writes()[1]).toEqual({ method: "DELETE", url: "/api/v1/listening/rules/brand", body: undefined });
  });

  it("edits a rule in place with its id fixed", async () => {
    answers["PUT /api/v1/listening/rules/brand"] = (body) => [200, { id: "brand", ...(body as object) }];
    const { container } = render(<ListeningRules canManage teamNames={[]} reloadKey={0} />, { wrapper: Providers });
    await screen.findAllByTestId("rule-edit-open");
    fireEvent.click(within(container.querySelector('tr[data-rule="brand"]') as HTMLElement).getByTestId("rule-edit-open"));
    const id = screen.getByTestId("rule-id") as HTMLInputElement;
    expect(id.value).toBe("brand");
    expect(id.readOnly).toBe(true);
    fireEvent.change(screen.getByTestId("rule-query"), { target: { value: "#קנטינה OR @kantina" } });
    fireEvent.click(screen.getByTestId("rule-save"));
    await waitFor(() => expect(screen.queryByTestId("rule-edit")).toBeNull());
    expect(container.querySelector('tr[data-rule="brand"] bdi.rule-query')?.textContent).toBe("#קנטינה OR @kantina");
  });
});

describe("RuleQueryText", () => {
  it("isolates each term and marks the code point at the column", () => {
    const { container } = render(<RuleQueryText query="קנטינה NEAR/51 😡 refund" column={8} />);
    const outer = container.querySelector("bdi.rule-query") as HTMLElement;
    expect(outer.getAttribute("dir")).toBe("ltr");
    expect([...outer.querySelectorAll(":scope > bdi")].map((b) => b.textContent)).toEqual(["קנטינה", "NEAR/51", "😡", "refund"]);
    expect(outer.querySelector("mark")?.textContent).toBe("N");
    expect(outer.querySelector("mark")?.parentElement?.textContent).toBe("NEAR/51");
    expect(outer.textContent).toBe("קנטינה NEAR/51 😡 refund");
  });

  it("counts an emoji as one column", () => {
    const { container } = render(<RuleQueryText query="😡 cantina)" column={10} />);
    expect(container.querySelector("mark")?.textContent).toBe(")");
  });
});
