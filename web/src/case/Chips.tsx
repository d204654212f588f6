// What the server understood of a message or case: language, sentiment, intent, sensitivity
// and priority. Shown only when the server provides them; the understanding itself is the
// server's (the web app never guesses).
import type { Case, Message } from "../api/types";
import { useI18n } from "../i18n/i18n";

/** The optional understanding fields a message may carry. */
export interface Understanding {
  language?: string;
  sentiment?: string;
  intent?: string;
  sensitivity?: string[];
}

/** Reads the understanding fields of `m`, tolerating their absence or unexpected shapes. */
export function understandingOf(m: Message): Understanding {
  const raw = m as Record<string, unknown>;
  const str = (k: string) => (typeof raw[k] === "string" && raw[k] ? (raw[k] as string) : undefined);
  const list = raw["sensitivity"];
  return {
    language: str("language") ?? str("lang"),
    sentiment: str("sentiment"),
    intent: str("intent"),
    sensitivity: Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : undefined,
  };
}

export function MessageChips({ message }: { message: Message }) {
  const { t } = useI18n();
  const u = understandingOf(message);
  const chips: Array<[string, string]> = [];
  if (u.language) chips.push(["lang", t("chip.lang", { value: u.language })]);
  if (u.sentiment) chips.push([`sentiment-${u.sentiment}`, t("chip.sentiment", { value: u.sentiment })]);
  if (u.intent) chips.push(["intent", t("chip.intent", { value: u.intent })]);
  for (const s of u.sensitivity ?? []) chips.push(["sensitive", t("chip.sensitive", { value: s })]);
  if (chips.length === 0) return null;
  return (
    <span className="chips">
      {chips.map(([cls, text]) => (
        <span key={text} className={`chip chip-${cls}`}>
          {text}
        </span>
      ))}
    </span>
  );
}

export function PriorityChip({ kase }: { kase: Case }) {
  const { t } = useI18n();
  const p = kase.priority ?? "normal";
  return <span className={`chip chip-priority-${p}`}>{t(`priority.${p}`)}</span>;
}
