import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { kMessages, type MessageKey } from "../i18n/messages";
import {
  canManageListening,
  checkDraft,
  codeSpans,
  failureText,
  isValidRuleId,
  kEmptyDraft,
  parseRuleMessage,
  placeRuleError,
  queryPieces,
  ruleRequest,
  splitAtColumn,
  withRule,
} from "./listening_rules";

describe("isValidRuleId", () => {
  it("accepts 1 to 64 of A-Z a-z 0-9 _ . - like the server", () => {
    for (const id of ["a", "brand", "delivery.he", "Refunds-2024_v2", "x".repeat(64), "..", "-"]) {
      expect(isValidRuleId(id), id).toBe(true);
    }
  });

  it("refuses empty, too long, spaces, Hebrew, accents and other punctuation", () => {
    for (const id of ["", "x".repeat(65), "has space", "קנטינה", "café", "a/b", "a:b", "a\nb", " a"]) {
      expect(isValidRuleId(id), id).toBe(false);
    }
  });
});

describe("canManageListening", () => {
  it("is for supervisors and admins; agents read only", () => {
    expect(canManageListening("supervisor")).toBe(true);
    expect(canManageListening("admin")).toBe(true);
    expect(canManageListening("agent")).toBe(false);
    expect(canManageListening(undefined)).toBe(false);
  });
});

describe("checkDraft", () => {
  it("flags a bad id and an empty query", () => {
    expect(checkDraft({ ...kEmptyDraft, id: "bad id", query: "  " }, [], true)).toEqual({
      id: "listening.error.idInvalid",
      query: "listening.error.queryEmpty",
    });
  });

  it("refuses adding over an existing id, but not editing it", () => {
    const draft = { ...kEmptyDraft, id: "brand", query: "cantina" };
    expect(checkDraft(draft, ["brand"], true)).toEqual({ id: "listening.error.idTaken" });
    expect(checkDraft(draft, ["brand"], false)).toEqual({});
  });
});

describe("ruleRequest", () => {
  it("puts the whole rule at its percent-encoded id, the query as written", () => {
    const request = ruleRequest({ id: "delivery.he", query: " משלוח NEAR/3 איחור ", action: "escalate", team: "Hebrew desk", enabled: false });
    expect(request).toEqual({
      path: "/api/v1/listening/rules/delivery.he",
      body: { query: " משלוח NEAR/3 איחור ", action: "escalate", team: "Hebrew desk", enabled: false },
    });
    expect(ruleRequest({ ...kEmptyDraft, id: "a b" }).path).toBe("/api/v1/listening/rules/a%20b");
  });

  it("sends no team for a rule that only tags", () => {
    expect(ruleRequest({ id: "brand", query: "cantina", action: "tag", team: "Hebrew desk", enabled: true }).body.team).toBe("");
  });
});

describe("parseRuleMessage", () => {
  it("reads the rule id, the column and the reason", () => {
    expect(parseRuleMessage("rule refunds: column 12: expected ')'")).toEqual({ ruleId: "refunds", column: 12, reason: "expected ')'" });
    expect(parseRuleMessage("column 3: NEAR/51: the distance must be 1 to 50 words")).toEqual({
      column: 3,
      reason: "NEAR/51: the distance must be 1 to 50 words",
    });
    expect(parseRuleMessage("rule a.b-c: column 1: 'קנטינה😀' mixes letters and emoji: write them as two terms")).toEqual({
      ruleId: "a.b-c",
      column: 1,
      reason: "'קנטינה😀' mixes letters and emoji: write them as two terms",
    });
  });

  it("leaves the column out when the message names none", () => {
    expect(parseRuleMessage("rule big: the query is 5000 bytes long; at most 4096 are allowed")).toEqual({
      ruleId: "big",
      reason: "the query is 5000 bytes long; at most 4096 are allowed",
    });
    expect(parseRuleMessage("something else: column 4: later")).toEqual({ reason: "something else: column 4: later" });
    expect(parseRuleMessage("column 0: nonsense").column).toBeUndefined();
  });
});

describe("placeRuleError", () => {
  it("puts a bad query at the query with its column", () => {
    expect(placeRuleError("refunds", "invalid_rule", "rule refunds: column 9: expected ')'")).toEqual({
      field: "query",
      message: "rule refunds: column 9: expected ')'",
      column: 9,
    });
    expect(placeRuleError("big", "invalid_rule", "rule big: the query is 5000 bytes long; at most 4096 are allowed")).toEqual({
      field: "query",
      message: "rule big: the query is 5000 bytes long; at most 4096 are allowed",
    });
  });

  it("does not mark this query for another rule's column", () => {
    expect(placeRuleError("brand", "invalid_rule", "rule old: column 2: expected ')'")).toEqual({
      field: "form",
      message: "rule old: column 2: expected ')'",
    });
  });

  it("puts the other refusals at their fields", () => {
    expect(placeRuleError("x", "invalid_rule_id", "m").field).toBe("id");
    expect(placeRuleError("x", "unknown_team", "no team is named Ghosts").field).toBe("team");
    expect(placeRuleError("x", "invalid_action", "m").field).toBe("action");
    expect(placeRuleError("x", "forbidden", "m").field).toBe("form");
  });
});

describe("splitAtColumn", () => {
  it("cuts at a 1-based column", () => {
    expect(splitAtColumn("((refund", 3)).toEqual({ before: "((", at: "r", after: "efund" });
    expect(splitAtColumn("abc", 1)).toEqual({ before: "", at: "a", after: "bc" });
  });

  it("counts code points, as the server does: Hebrew letters and an emoji are one column each", () => {
    expect(splitAtColumn("קנטינה (", 8)).toEqual({ before: "קנטינה ", at: "(", after: "" });
    expect(splitAtColumn("😡 cantina)", 10)).toEqual({ before: "😡 cantina", at: ")", after: "" });
  });

  it("marks just past the end for errors at the end of the query, and clamps beyond", () => {
    expect(splitAtColumn("a AND", 6)).toEqual({ before: "a AND", at: "", after: "" });
    expect(splitAtColumn("a AND", 99)).toEqual({ before: "a AND", at: "", after: "" });
    expect(splitAtColumn("a AND", 0)).toEqual({ before: "", at: "a", after: " AND" });
  });
});

describe("withRule", () => {
  it("replaces a rule by id or adds it, in id order", () => {
    const rule = (id: string, query = "q") => ({ id, query, action: "tag" as const, team: "", enabled: true });
    expect(withRule([rule("a"), rule("c")], rule("b")).map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(withRule([rule("a"), rule("b")], rule("a", "new"))).toEqual([rule("a", "new"), rule("b")]);
  });
});

describe("failureText", () => {
  it("shows the server's message, or the offline text when it cannot be reached", () => {
    expect(failureText(new ApiError(403, "forbidden", "not allowed"), "offline")).toBe("not allowed");
    expect(failureText(new ApiError(0, "network", "Failed to fetch"), "offline")).toBe("offline");
    expect(failureText(new Error("boom"), "offline")).toBe("boom");
  });
});

describe("codeSpans", () => {
  it("cuts at backticks into plain and code pieces", () => {
    expect(codeSpans("use `lang:he` or `@kantina`.")).toEqual([
      { code: false, text: "use " },
      { code: true, text: "lang:he" },
      { code: false, text: " or " },
      { code: true, text: "@kantina" },
      { code: false, text: "." },
    ]);
    expect(codeSpans("`AND`")).toEqual([{ code: true, text: "AND" }]);
    expect(codeSpans("a ` b")).toEqual([{ code: false, text: "a ` b" }]);
  });

  it("finds the help's code pieces paired in both languages", () => {
    const keys = (Object.keys(kMessages.en) as MessageKey[]).filter((k) => k.startsWith("listening.help."));
    for (const key of keys) {
      for (const lang of ["en", "he"] as const) {
        expect(kMessages[lang][key].split("`").length % 2, `${lang} ${key}`).toBe(1);
      }
    }
  });
});

describe("queryPieces", () => {
  it("cuts at white space, counting starts in code points", () => {
    expect(queryPieces("(משלוח OR שליח) (מאחר 😡)")).toEqual([
      { text: "(משלוח", start: 0, space: false },
      { text: " ", start: 6, space: true },
      { text: "OR", start: 7, space: false },
      { text: " ", start: 9, space: true },
      { text: "שליח)", start: 10, space: false },
      { text: " ", start: 15, space: true },
      { text: "(מאחר", start: 16, space: false },
      { text: " ", start: 21, space: true },
      { text: "😡)", start: 22, space: false },
    ]);
  });

  it("keeps a quoted phrase whole, and צה\"ל one word", () => {
    expect(queryPieces('("לא הגיע" OR צה"ל)').map((p) => p.text)).toEqual(['("לא הגיע"', " ", "OR", " ", 'צה"ל)']);
    expect(queryPieces('"Cantina Café" NEAR/3 refund').map((p) => p.text)).toEqual(['"Cantina Café"', " ", "NEAR/3", " ", "refund"]);
    expect(queryPieces('a "unclosed phrase').map((p) => p.text)).toEqual(["a", " ", '"unclosed phrase']);
    expect(queryPieces("")).toEqual([]);
  });
});
