// The pure side of the listening rules screen: who may change rules, checking a rule before it
// is sent, the PUT request it becomes, and reading the server's refusal (which field it is
// about, and the column of the query it points at). docs/listening.md describes the language.
import { ApiError } from "../api/client";
import type { ListeningRule, ListeningRuleInput, Role, RuleAction } from "../api/types";

/** A rule as the form holds it while it is being written. */
export interface RuleDraft {
  id: string;
  query: string;
  action: RuleAction;
  team: string;
  enabled: boolean;
}

/** The form field an error belongs to; "form" when it belongs to none. */
export type RuleField = "id" | "query" | "action" | "team" | "form";

/**
 * A reason a save failed, placed at its field. `message` is the server's text (or, for a
 * check made here, a message key's text filled by the caller); `column` (1-based, in code
 * points of the query that was sent) is set only when the server named a column of *this*
 * rule's query.
 */
export interface RuleError {
  field: RuleField;
  message: string;
  column?: number;
}

/** The message keys of the checks made before sending (see `checkDraft`). */
export type DraftProblem = "listening.error.idInvalid" | "listening.error.idTaken" | "listening.error.queryEmpty";

const kRuleId = /^[A-Za-z0-9_.-]{1,64}$/;

/** An empty rule for the "add" form: tags, enabled, routing picks the team. */
export const kEmptyDraft: RuleDraft = { id: "", query: "", action: "tag", team: "", enabled: true };

/**
 * True for roles holding `manage_listening` (supervisors and admins; domain/permissions.cc).
 * Agents may read the rules but not change them.
 */
export function canManageListening(role: Role | undefined): boolean {
  return role === "supervisor" || role === "admin";
}

/**
 * True if `id` is a rule id the server accepts: 1 to 64 of A-Z a-z 0-9 '_' '.' '-'
 * (mirrors IsValidRuleId in src/domain/listen/listening_rule.cc).
 */
export function isValidRuleId(id: string): boolean {
  return kRuleId.test(id);
}

/** The draft of an existing rule, for editing it in place. */
export function draftOf(rule: ListeningRule): RuleDraft {
  return { id: rule.id, query: rule.query, action: rule.action, team: rule.team, enabled: rule.enabled };
}

/**
 * What is wrong with `draft` before it is sent, per field (empty when nothing is). `isNew`
 * says it is an addition, whose id must not be taken by one of `existingIds` — a PUT to a
 * taken id would silently replace that rule. The query itself is left to the server, which
 * owns the language.
 */
export function checkDraft(
  draft: RuleDraft,
  existingIds: readonly string[],
  isNew: boolean,
): Partial<Record<RuleField, DraftProblem>> {
  const problems: Partial<Record<RuleField, DraftProblem>> = {};
  if (!isValidRuleId(draft.id)) problems.id = "listening.error.idInvalid";
  else if (isNew && existingIds.includes(draft.id)) problems.id = "listening.error.idTaken";
  if (draft.query.trim() === "") problems.query = "listening.error.queryEmpty";
  return problems;
}

/**
 * The request that stores `draft`: `PUT /api/v1/listening/rules/{id}` (id percent-encoded)
 * with the whole rule, since PUT replaces. A `tag` rule opens no case, so it carries no team.
 * The query goes as written, so a column the server names is a column of the text on screen.
 */
export function ruleRequest(draft: RuleDraft): { path: string; body: ListeningRuleInput } {
  return {
    path: `/api/v1/listening/rules/${encodeURIComponent(draft.id)}`,
    body: {
      query: draft.query,
      action: draft.action,
      team: draft.action === "escalate" ? draft.team : "",
      enabled: draft.enabled,
    },
  };
}

/**
 * Reads a rule compiler message: "rule ID: column N: reason", "column N: reason", or either
 * without the column (e.g. "rule ID: the query is 5000 bytes long; …"). Returns the rule id
 * and column when present (the column is 1-based, counted in code points) and the reason
 * that follows them.
 */
export function parseRuleMessage(message: string): { ruleId?: string; column?: number; reason: string } {
  const match = /^(?:rule ([A-Za-z0-9_.-]{1,64}): )?(?:column (\d+): )?([\s\S]*)$/.exec(message);
  const result: { ruleId?: string; column?: number; reason: string } = { reason: match?.[3] ?? message };
  if (match?.[1]) result.ruleId = match[1];
  if (match?.[2]) {
    const column = Number(match[2]);
    if (column >= 1) result.column = column;
  }
  return result;
}

/**
 * Places a refusal of `PUT …/rules/{ruleId}` (its error `code` and `message`) at its field:
 * `invalid_rule` at the query — with the column when the message names one of this rule's
 * query (the whole rule set is compiled, so it could name another rule) —, `invalid_rule_id`
 * at the id, `unknown_team` at the team, `invalid_action` at the action, anything else at
 * the form. The message is kept whole.
 */
export function placeRuleError(ruleId: string, code: string, message: string): RuleError {
  switch (code) {
    case "invalid_rule": {
      const parsed = parseRuleMessage(message);
      if (parsed.ruleId !== undefined && parsed.ruleId !== ruleId) return { field: "form", message };
      return parsed.column === undefined ? { field: "query", message } : { field: "query", message, column: parsed.column };
    }
    case "invalid_rule_id":
      return { field: "id", message };
    case "unknown_team":
      return { field: "team", message };
    case "invalid_action":
      return { field: "action", message };
    default:
      return { field: "form", message };
  }
}

/**
 * `query` cut around the code point at 1-based `column`: the text before it, that code point
 * ("" when the column is just past the end, as for "found the end of the query") and the
 * rest. A column beyond the end is clamped to just past it. Code points, not UTF-16 units,
 * as the server counts them: an emoji is one column.
 */
export function splitAtColumn(query: string, column: number): { before: string; at: string; after: string } {
  const points = Array.from(query);
  const index = Math.min(Math.max(Math.floor(column), 1), points.length + 1) - 1;
  return {
    before: points.slice(0, index).join(""),
    at: points[index] ?? "",
    after: points.slice(index + 1).join(""),
  };
}

/** `rules` with `rule` in place of the one with its id, or added; kept in id order. */
export function withRule(rules: readonly ListeningRule[], rule: ListeningRule): ListeningRule[] {
  const rest = rules.filter((r) => r.id !== rule.id);
  return [...rest, rule].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The text to show for a failed request: the server's message for an API error, `offline`
 * when the server could not be reached, else the error as text.
 */
export function failureText(error: unknown, offline: string): string {
  if (error instanceof ApiError) return error.code === "network" ? offline : error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * `text` wrapped in Unicode's first-strong isolate (U+2068 … U+2069), for a value such as a
 * rule id placed inside a translated sentence: it keeps its own direction and does not drag
 * the punctuation around it into the wrong place in Hebrew.
 */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * `text` cut into plain and code pieces at backticks ("use `lang:he` here" → plain "use ",
 * code "lang:he", plain " here"), so the help can show rule syntax inside a translated
 * sentence as isolated left-to-right code. Empty pieces are dropped; an unpaired backtick
 * leaves the rest plain.
 */
export function codeSpans(text: string): Array<{ code: boolean; text: string }> {
  const parts = text.split("`");
  if (parts.length % 2 === 0) {
    const last = parts.pop() ?? "";
    parts[parts.length - 1] += "`" + last;
  }
  return parts.map((part, i) => ({ code: i % 2 === 1, text: part })).filter((piece) => piece.text !== "");
}

/** A piece of a query as displayed: a run of white space, or a term with what is glued to it. */
export interface QueryPiece {
  text: string;
  /** Where it starts in the query, 0-based, in code points. */
  start: number;
  space: boolean;
}

/**
 * `query` cut for display into white-space runs and the terms between them; a quoted phrase
 * (with any '(' before it and what is glued after its closing quote) stays one piece, as
 * does an unclosed one to the end. Shown as one left-to-right isolate per piece, the terms
 * keep their written order in either layout: plain bidi text would reorder a run such as
 * `שליח) (מאחר` as if it were one Hebrew phrase.
 */
export function queryPieces(query: string): QueryPiece[] {
  const points = Array.from(query);
  const isSpace = (i: number) => /\s/u.test(points[i] ?? "");
  const pieces: QueryPiece[] = [];
  let i = 0;
  while (i < points.length) {
    const start = i;
    const space = isSpace(i);
    if (space) {
      while (i < points.length && isSpace(i)) i++;
    } else {
      while (i < points.length && !isSpace(i)) {
        if (points[i] === '"' && points.slice(start, i).every((p) => p === "(")) {
          const close = points.indexOf('"', i + 1);
          i = close < 0 ? points.length : close + 1;
        } else {
          i++;
        }
      }
    }
    pieces.push({ text: points.slice(start, i).join(""), start, space });
  }
  return pieces;
}
