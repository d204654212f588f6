// The labels an agent may give a message, checked as the server checks them
// (src/domain/understanding.cc, IsValidLabel), and the corrections a set of edits amounts to.
import type { LabelCorrection } from "../api/types";
import type { Understanding } from "./understanding";

export const SENTIMENTS = ["negative", "neutral", "positive"] as const;
export const INTENTS = ["complaint", "question", "request", "praise", "other", "spam"] as const;
/** The sensitive topics in the server's order (SensitivityNames), which a sensitivity label keeps. */
export const TOPICS = ["health", "legal", "safety", "discrimination", "boycott"] as const;
/** The languages offered first when correcting a message's language. */
export const COMMON_LANGUAGES = ["he", "en", "ar", "ru", "fr", "es"] as const;

/** True if `code` is a language label the server accepts: two or three lower-case ASCII letters. */
export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2,3}$/.test(code);
}

/**
 * The sensitivity label for `topics`: the known topics among them, each once, in TOPICS order,
 * joined by commas ("" for none). Unknown names are dropped.
 */
export function sensitivityLabel(topics: Iterable<string>): string {
  const chosen = new Set(topics);
  return TOPICS.filter((t) => chosen.has(t)).join(",");
}

/**
 * The language choices to offer for a message currently labelled `current`: COMMON_LANGUAGES,
 * then `current` itself when it is another valid code (not "und", which means unclear).
 */
export function languageChoices(current: string | undefined): string[] {
  const choices: string[] = [...COMMON_LANGUAGES];
  if (current && current !== "und" && isLanguageCode(current) && !choices.includes(current)) choices.push(current);
  return choices;
}

/** What the agent has set in the correction form. `language` "" leaves the language alone. */
export interface LabelDraft {
  language: string;
  sentiment: string;
  intent: string;
  topics: string[];
}

/** The form's starting point: the labels as they are (an unclear or missing language as ""). */
export function draftOf(u: Understanding): LabelDraft {
  return {
    language: u.language && u.language !== "und" ? u.language : "",
    sentiment: u.sentiment ?? "",
    intent: u.intent ?? "",
    topics: TOPICS.filter((t) => u.sensitivity?.includes(t)),
  };
}

/**
 * The corrections that turn `current` into `draft`: one per task whose label differs, in the
 * API's task order (language, sentiment, intent, sensitivity). An empty language, sentiment or
 * intent in the draft is no correction; sensitivity compares canonical labels, so order and
 * repeats do not count as a change. Does not validate (see isLanguageCode).
 */
export function changedLabels(current: Understanding, draft: LabelDraft): LabelCorrection[] {
  const out: LabelCorrection[] = [];
  const single = (task: "language" | "sentiment" | "intent", now: string | undefined, next: string) => {
    if (next !== "" && next !== (now ?? "")) out.push({ task, label: next });
  };
  single("language", current.language, draft.language);
  single("sentiment", current.sentiment, draft.sentiment);
  single("intent", current.intent, draft.intent);
  const topics = sensitivityLabel(draft.topics);
  if (topics !== sensitivityLabel(current.sensitivity ?? [])) out.push({ task: "sensitivity", label: topics });
  return out;
}
