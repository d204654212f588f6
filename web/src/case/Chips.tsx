// What the server understood of a message or case: language, sentiment, intent, sensitivity,
// the listening rules it matched and its triage (priority with the reasons that set it).
// Shown only when the server provides them; the understanding itself is the server's (the web
// app never guesses). Agents correct a wrong language, sentiment, intent or set of sensitive
// topics in place (LabelFix).
import { useState } from "react";
import type { Case, Message } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { languageName } from "../i18n/format";
import { isMessageKey } from "../i18n/messages";
import { LabelFix } from "./LabelFix";
import { understandingOf } from "./understanding";

export function MessageChips({ message }: { message: Message }) {
  const { t, lang } = useI18n();
  const [u, setU] = useState(() => understandingOf(message));
  // A label as the agent reads it: translated when we know the name, else as the server sent it.
  const label = (family: string, value: string) => {
    const key = `${family}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };
  const chips: Array<[string, string, string?]> = [];
  if (u.language && u.language !== "und") chips.push(["lang", t("chip.lang", { value: languageName(u.language, lang) }), u.language]);
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
    <>
      <span className="chips">
        {chips.map(([cls, text, title]) => (
          <span key={text} className={`chip chip-${cls}`} title={title}>
            {text}
          </span>
        ))}
      </span>
      {u.sentiment && u.intent && message.id ? <LabelFix messageId={message.id} understanding={u} onFixed={setU} /> : null}
    </>
  );
}

export function PriorityChip({ kase }: { kase: Case }) {
  const { t } = useI18n();
  const p = kase.priority ?? "normal";
  return <span className={`chip chip-priority-${p}`}>{t(`priority.${p}`)}</span>;
}
