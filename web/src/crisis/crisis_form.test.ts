import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import type { Crisis } from "../api/types";
import {
  addTerms,
  canRunCrisis,
  checkCrisisDraft,
  crisisProblemOf,
  crisisSpecOf,
  draftOfCrisis,
  hasWord,
  isAboutEverything,
  kEmptyCrisisDraft,
  splitTerms,
  utf8Length,
} from "./crisis_form";

const draft = (patch: Partial<typeof kEmptyCrisisDraft>) => ({ ...kEmptyCrisisDraft, ...patch });

describe("terms", () => {
  it("splits what is typed at commas and lines, trims and collapses spaces", () => {
    expect(splitTerms(" הרעלה ,  הרעלת   מזון\nfood poisoning\r\n,, ")).toEqual(["הרעלה", "הרעלת מזון", "food poisoning"]);
    expect(splitTerms("   ")).toEqual([]);
  });

  it("adds each new term once, ignoring case, after those already there", () => {
    expect(addTerms(["Boycott", "חרם"], "boycott, להחרים, חרם, Cantina")).toEqual(["Boycott", "חרם", "להחרים", "Cantina"]);
  });

  it("knows a term with a letter or digit in any script from one of punctuation", () => {
    expect([hasWord("חרם"), hasWord("#קנטינה"), hasWord("24/7"), hasWord("!!!"), hasWord("— …")]).toEqual([true, true, true, false, false]);
  });
});

describe("checkCrisisDraft", () => {
  it("needs a name", () => {
    expect(checkCrisisDraft(draft({ name: "  " })).map((p) => [p.field, p.key])).toEqual([["name", "crisis.error.nameRequired"]]);
    expect(checkCrisisDraft(draft({ name: "חרם קנטינה" }))).toEqual([]);
  });

  it("counts the name and the statement in UTF-8 bytes, as the server does", () => {
    expect(utf8Length("חרם")).toBe(6);
    expect(checkCrisisDraft(draft({ name: "א".repeat(100) }))).toEqual([]);
    expect(checkCrisisDraft(draft({ name: "א".repeat(101) }))[0]).toMatchObject({ field: "name", key: "crisis.error.nameTooLong", params: { max: 200 } });
    expect(checkCrisisDraft(draft({ name: "x", statement: "ש".repeat(1001) }))[0]).toMatchObject({ field: "statement", key: "crisis.error.statementTooLong" });
    expect(checkCrisisDraft(draft({ name: "x", statement: "ש".repeat(1000) }))).toEqual([]);
  });

  it("allows 50 terms, counting the one still in the box, and refuses a term without words", () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `term${i}`);
    expect(checkCrisisDraft(draft({ name: "x", terms: fifty }))).toEqual([]);
    expect(checkCrisisDraft(draft({ name: "x", terms: fifty, termInput: "one more" }))[0]).toMatchObject({ field: "terms", key: "crisis.error.tooManyTerms" });
    expect(checkCrisisDraft(draft({ name: "x", terms: ["חרם", "?!"] }))[0]).toMatchObject({ field: "terms", key: "crisis.error.termWithoutWords", params: { term: "?!" } });
  });
});

describe("the request", () => {
  it("sends the trimmed name and statement, every term (the typed one too), the rules and the priority", () => {
    const spec = crisisSpecOf(draft({ name: " חרם ", terms: ["חרם"], termInput: "להחרים, boycott", ruleIds: ["boycott"], statement: " אנחנו בודקים \n", raiseTo: "urgent" }));
    expect(spec).toEqual({ name: "חרם", terms: ["חרם", "להחרים", "boycott"], rule_ids: ["boycott"], holding_statement: "אנחנו בודקים", raise_to: "urgent" });
  });

  it("starts editing from the crisis as it runs, and warns when a crisis would be about everything", () => {
    const crisis = { id: "3", name: "חרם", terms: ["חרם"], rule_ids: ["boycott"], holding_statement: "בודקים", raise_to: "high" } as Crisis;
    expect(draftOfCrisis(crisis)).toEqual({ name: "חרם", terms: ["חרם"], termInput: "", ruleIds: ["boycott"], statement: "בודקים", raiseTo: "high" });
    expect(isAboutEverything(draft({ name: "x" }))).toBe(true);
    expect(isAboutEverything(draft({ name: "x", termInput: "חרם" }))).toBe(false);
    expect(isAboutEverything(draft({ name: "x", ruleIds: ["brand"] }))).toBe(false);
  });

  it("places the server's refusals at their fields", () => {
    expect(crisisProblemOf(new ApiError(409, "crisis_running", "a crisis is running"))).toMatchObject({ field: "form", key: "crisis.error.running" });
    expect(crisisProblemOf(new ApiError(400, "statement_too_long", "…"))).toMatchObject({ field: "statement", key: "crisis.error.statementTooLong" });
    expect(crisisProblemOf(new ApiError(400, "term_without_words", 'the term "--" has no word to match'))).toEqual({
      field: "terms",
      message: 'the term "--" has no word to match',
    });
    expect(crisisProblemOf(new ApiError(0, "network", "x"))).toEqual({ field: "form", key: "error.network" });
    expect(crisisProblemOf(new ApiError(500, "internal", "disk full"))).toEqual({ field: "form", message: "disk full" });
  });

  it("lets supervisors and admins run crisis mode, not agents", () => {
    expect([canRunCrisis("supervisor"), canRunCrisis("admin"), canRunCrisis("agent"), canRunCrisis(undefined)]).toEqual([true, true, false, false]);
  });
});
