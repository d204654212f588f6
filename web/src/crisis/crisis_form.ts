// The pure side of the crisis form: terms typed as a list, checking a crisis before it is sent
// with the server's own limits (domain/crisis/crisis.h), the body it becomes, and reading the
// server's refusal (which field it is about).
import { ApiError } from "../api/client";
import type { Crisis, CrisisRaiseTo, CrisisSpec, Role } from "../api/types";
import type { MessageKey } from "../i18n/messages";

/** The server's limits: the name and the statement in UTF-8 bytes, the number of terms. */
export const kMaxNameBytes = 200;
export const kMaxTerms = 50;
export const kMaxStatementBytes = 2000;

/** A crisis as the form holds it while it is written. */
export interface CrisisDraft {
  name: string;
  terms: string[];
  /** What is typed in the term box and not yet added to `terms`. */
  termInput: string;
  ruleIds: string[];
  statement: string;
  raiseTo: CrisisRaiseTo;
}

export const kEmptyCrisisDraft: CrisisDraft = { name: "", terms: [], termInput: "", ruleIds: [], statement: "", raiseTo: "high" };

/** The form field a problem belongs to; "form" when it belongs to none. */
export type CrisisField = "name" | "terms" | "rules" | "statement" | "raiseTo" | "form";

/** A reason the crisis cannot be sent: a message key with its parameters, or the server's text. */
export interface CrisisProblem {
  field: CrisisField;
  key?: MessageKey;
  params?: Record<string, string | number>;
  /** The server's own message, when no key says it better. */
  message?: string;
}

/** True for roles holding `run_crisis` (supervisors and admins; domain/permissions.cc). */
export function canRunCrisis(role: Role | undefined): boolean {
  return role === "supervisor" || role === "admin";
}

/** The length of `s` in UTF-8 bytes, as the server counts its limits. */
export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/**
 * The terms in `text`: one per line or between commas (the server refuses a term holding
 * either), trimmed, inner spaces collapsed, empty ones dropped.
 */
export function splitTerms(text: string): string[] {
  return text
    .split(/[,\n\r،]+/)
    .map((t) => t.replace(/\s+/g, " ").trim())
    .filter((t) => t !== "");
}

/** `terms` with the terms of `text` added at the end, each once (ignoring case). */
export function addTerms(terms: readonly string[], text: string): string[] {
  const out = [...terms];
  const seen = new Set(out.map((t) => t.toLocaleLowerCase()));
  for (const term of splitTerms(text)) {
    const key = term.toLocaleLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(term);
    }
  }
  return out;
}

/** True if `term` has a letter or a digit to match (a term of punctuation matches nothing). */
export function hasWord(term: string): boolean {
  return /[\p{L}\p{N}]/u.test(term);
}

/** The body of `POST /api/v1/crises` (and of the PATCH) for `draft`; a pending term is included. */
export function crisisSpecOf(draft: CrisisDraft): Required<CrisisSpec> {
  return {
    name: draft.name.trim(),
    terms: addTerms(draft.terms, draft.termInput),
    rule_ids: [...draft.ruleIds],
    holding_statement: draft.statement.trim(),
    raise_to: draft.raiseTo,
  };
}

/** The draft for changing a running crisis. */
export function draftOfCrisis(crisis: Crisis): CrisisDraft {
  return {
    name: crisis.name,
    terms: [...crisis.terms],
    termInput: "",
    ruleIds: [...crisis.rule_ids],
    statement: crisis.holding_statement,
    raiseTo: crisis.raise_to,
  };
}

/** Why `draft` cannot be sent, with the server's limits; empty when it can. */
export function checkCrisisDraft(draft: CrisisDraft): CrisisProblem[] {
  const spec = crisisSpecOf(draft);
  const problems: CrisisProblem[] = [];
  if (!spec.name) problems.push({ field: "name", key: "crisis.error.nameRequired" });
  else if (utf8Length(spec.name) > kMaxNameBytes) problems.push({ field: "name", key: "crisis.error.nameTooLong", params: { max: kMaxNameBytes } });
  if (spec.terms.length > kMaxTerms) problems.push({ field: "terms", key: "crisis.error.tooManyTerms", params: { max: kMaxTerms } });
  const wordless = spec.terms.find((t) => !hasWord(t));
  if (wordless !== undefined) problems.push({ field: "terms", key: "crisis.error.termWithoutWords", params: { term: wordless } });
  if (utf8Length(spec.holding_statement) > kMaxStatementBytes) {
    problems.push({ field: "statement", key: "crisis.error.statementTooLong", params: { max: kMaxStatementBytes } });
  }
  return problems;
}

/** True when a crisis of `draft` would be about every message (no term and no rule). */
export function isAboutEverything(draft: CrisisDraft): boolean {
  return crisisSpecOf(draft).terms.length === 0 && draft.ruleIds.length === 0;
}

const kServerReasons: Record<string, { field: CrisisField; key: MessageKey }> = {
  name_required: { field: "name", key: "crisis.error.nameRequired" },
  name_too_long: { field: "name", key: "crisis.error.nameTooLong" },
  too_many_terms: { field: "terms", key: "crisis.error.tooManyTerms" },
  term_line_break: { field: "terms", key: "crisis.error.termLineBreak" },
  statement_too_long: { field: "statement", key: "crisis.error.statementTooLong" },
  raise_to: { field: "raiseTo", key: "crisis.error.raiseTo" },
  crisis_running: { field: "form", key: "crisis.error.running" },
  crisis_ended: { field: "form", key: "crisis.error.ended" },
};

/** Where the server's refusal `error` belongs and what it says (its own text when no key fits). */
export function crisisProblemOf(error: unknown): CrisisProblem {
  if (error instanceof ApiError) {
    if (error.code === "network") return { field: "form", key: "error.network" };
    const known = kServerReasons[error.code];
    if (known) return { ...known, params: { max: known.field === "name" ? kMaxNameBytes : known.field === "terms" ? kMaxTerms : kMaxStatementBytes } };
    // term_without_words names the term in its message; invalid_utf8 and others say it best.
    return { field: error.code === "term_without_words" ? "terms" : "form", message: error.message };
  }
  return { field: "form", message: error instanceof Error ? error.message : String(error) };
}
