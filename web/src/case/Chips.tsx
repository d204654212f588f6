// What the server understood of a message or case: language, sentiment, intent, sensitivity,
// the listening rules it matched and its triage (priority with the reasons that set it).
// Shown only when the server provides them; the understanding itself is the server's (the web
// app never guesses). Agents correct a wrong sentiment or intent in place (LabelFix).
import { useState } from "react";
import type { Case, Message } from "../api/types";
import { api } from "../api/client";
import { useI18n } from "../i18n/i18n";
import { isMessageKey } from "../i18n/messages";

export const SENTIMENTS = ["negative", "neutral", "positive"] as const;
export const INTENTS = ["complaint", "question", "request", "praise", "other", "spam"] as const;

/** The optional understanding fields a message may carry. */
export interface Understanding {
  language?: string;
  sentiment?: string;
  intent?: string;
  sensitivity?: string[];
  rules?: string[];
  priority?: string;
  reasons?: string[];
  corrected?: string[];
}

/** Reads the understanding fields of `m`, tolerating their absence or unexpected shapes. */
export function understandingOf(m: Message): Understanding {
  const raw = m as Record<string, unknown>;
  const str = (k: string) => (typeof raw[k] === "string" && raw[k] ? (raw[k] as string) : undefined);
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined);
  const triage = (raw["triage"] ?? {}) as Record<string, unknown>;
  return {
    language: str("language") ?? str("lang"),
    sentiment: str("sentiment"),
    intent: str("intent"),
    sensitivity: strings(raw["sensitivity"]),
    rules: strings(raw["rules"]),
    priority: typeof triage["priority"] === "string" ? (triage["priority"] as string) : undefined,
    reasons: strings(triage["reasons"]),
    corrected: strings(raw["corrected"]),
  };
}

export function MessageChips({ message }: { message: Message }) {
  const { t } = useI18n();
  const [u, setU] = useState(() => understandingOf(message));
  // A label as the agent reads it: translated when we know the name, else as the server sent it.
  const label = (family: string, value: string) => {
    const key = `${family}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };
  const chips: Array<[string, string, string?]> = [];
  if (u.language && u.language !== "und") chips.push(["lang", t("chip.lang", { value: u.language })]);
  if (u.sentiment) chips.push([`sentiment-${u.sentiment}`, t("chip.sentiment", { value: label("sentiment", u.sentiment) })]);
  if (u.intent) chips.push(["intent", t("chip.intent", { value: label("intent", u.intent) })]);
  for (const s of u.sensitivity ?? []) chips.push(["sensitive", t("chip.sensitive", { value: label("topic", s) })]);
  for (const r of u.rules ?? []) chips.push(["rule", t("chip.rule", { value: r })]);
  if (u.priority && u.priority !== "normal") {
    const why = (u.reasons ?? []).map((r) => label("reason", r)).join(", ");
    chips.push([`priority-${u.priority}`, t("chip.triage", { value: label("priority", u.priority) }), why]);
  }
  if (chips.length === 0) return null;
  return (
    <span className="chips">
      {chips.map(([cls, text, title]) => (
        <span key={text} className={`chip chip-${cls}`} title={title}>
          {text}
        </span>
      ))}
      {u.sentiment && u.intent && message.id ? <LabelFix messageId={message.id} understanding={u} onFixed={setU} /> : null}
    </span>
  );
}

/** Lets an agent correct the sentiment or intent of message `messageId` (kept as a training example). */
export function LabelFix({ messageId, understanding, onFixed }: { messageId: string; understanding: Understanding; onFixed: (u: Understanding) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState(false);
  const fix = async (task: "sentiment" | "intent", value: string) => {
    setError(false);
    try {
      const fixed = await api.post<Message>(`/api/v1/messages/${encodeURIComponent(messageId)}/labels`, { task, label: value });
      onFixed({ ...understanding, ...understandingOf(fixed) });
      setOpen(false);
    } catch {
      setError(true);
    }
  };
  if (!open) {
    return (
      <button type="button" className="link label-fix" onClick={() => setOpen(true)} title={t("label.fixHint")}>
        {t("label.fix")}
      </button>
    );
  }
  return (
    <span className="label-fix-form">
      <select aria-label={t("label.sentiment")} value={understanding.sentiment} onChange={(e) => void fix("sentiment", e.target.value)}>
        {SENTIMENTS.map((s) => (
          <option key={s} value={s}>
            {t(`sentiment.${s}`)}
          </option>
        ))}
      </select>
      <select aria-label={t("label.intent")} value={understanding.intent} onChange={(e) => void fix("intent", e.target.value)}>
        {INTENTS.map((i) => (
          <option key={i} value={i}>
            {t(`intent.${i}`)}
          </option>
        ))}
      </select>
      {error ? <span className="error">{t("label.failed")}</span> : null}
    </span>
  );
}

export function PriorityChip({ kase }: { kase: Case }) {
  const { t } = useI18n();
  const p = kase.priority ?? "normal";
  return <span className={`chip chip-priority-${p}`}>{t(`priority.${p}`)}</span>;
}
