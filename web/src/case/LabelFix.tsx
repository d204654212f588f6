// The agent's correction of what was understood of a message: its language, sentiment, intent
// and sensitive topics. Saving sends one POST /api/v1/messages/{id}/labels per changed task
// (each kept as a training example) and shows the insight the server answers with.
import { useState, type FormEvent } from "react";
import { api, ApiError } from "../api/client";
import type { LabelTask, MessageInsight } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { languageName } from "../i18n/format";
import { changedLabels, draftOf, INTENTS, isLanguageCode, languageChoices, SENTIMENTS, TOPICS, type LabelDraft } from "./label_corrections";
import { understandingOf, type Understanding } from "./understanding";

interface LabelFixProps {
  messageId: string;
  understanding: Understanding;
  onFixed: (u: Understanding) => void;
}

/**
 * A "Fix labels" link that opens the correction form for message `messageId`. `onFixed` gets
 * the understanding as the server reads it after each saved correction.
 */
export function LabelFix(props: LabelFixProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (open) return <LabelFixForm {...props} onClose={() => setOpen(false)} />;
  return (
    <button type="button" className="link label-fix" onClick={() => setOpen(true)} title={t("label.fixHint")}>
      {t("label.fix")}
    </button>
  );
}

const kTaskName: Record<LabelTask, "label.language" | "label.sentiment" | "label.intent" | "label.sensitivity"> = {
  language: "label.language",
  sentiment: "label.sentiment",
  intent: "label.intent",
  sensitivity: "label.sensitivity",
};

function LabelFixForm({ messageId, understanding, onFixed, onClose }: LabelFixProps & { onClose: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<LabelDraft>(() => draftOf(understanding));
  const [otherLanguage, setOtherLanguage] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ task: LabelTask; reason: string } | null>(null);
  const languageOk = !otherLanguage || isLanguageCode(draft.language);
  const edit = (change: Partial<LabelDraft>) => setDraft((d) => ({ ...d, ...change }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!languageOk || busy) return;
    setFailure(null);
    setBusy(true);
    // Saved one by one, each from the insight the previous one returned, so a failure keeps the
    // ones before it and a second try sends only what is still different.
    let now = understanding;
    for (const c of changedLabels(understanding, draft)) {
      try {
        const fixed = await api.post<MessageInsight>(`/api/v1/messages/${encodeURIComponent(messageId)}/labels`, c);
        now = { ...now, ...understandingOf(fixed) };
        onFixed(now);
      } catch (err) {
        setFailure({ task: c.task, reason: err instanceof ApiError ? err.message : String(err) });
        setBusy(false);
        return;
      }
    }
    setBusy(false);
    onClose();
  };

  return (
    <form className="label-fix-form" onSubmit={(e) => void save(e)}>
      <LanguageField
        current={understanding.language}
        value={draft.language}
        other={otherLanguage}
        onChange={(language, other) => {
          setOtherLanguage(other);
          edit({ language });
        }}
      />
      <select aria-label={t("label.sentiment")} value={draft.sentiment} onChange={(e) => edit({ sentiment: e.target.value })}>
        {SENTIMENTS.map((s) => (
          <option key={s} value={s}>
            {t(`sentiment.${s}`)}
          </option>
        ))}
      </select>
      <select aria-label={t("label.intent")} value={draft.intent} onChange={(e) => edit({ intent: e.target.value })}>
        {INTENTS.map((i) => (
          <option key={i} value={i}>
            {t(`intent.${i}`)}
          </option>
        ))}
      </select>
      <TopicChecks value={draft.topics} onChange={(topics) => edit({ topics })} />
      <span className="label-fix-actions">
        <button type="submit" disabled={busy || !languageOk}>
          {busy ? t("label.saving") : t("label.save")}
        </button>
        <button type="button" className="link" onClick={onClose}>
          {t("label.cancel")}
        </button>
      </span>
      {failure ? (
        <span className="error" role="alert">
          {t("label.failed", { task: t(kTaskName[failure.task]) })} <bdi>{failure.reason}</bdi>
        </span>
      ) : null}
    </form>
  );
}

const kOther = "*other"; // the select's value for "other…", which no language code can equal

/**
 * The language: a select of the common languages (named in the agent's language) and
 * "other…", which opens a field for any code, checked as the server checks it.
 */
function LanguageField({ current, value, other, onChange }: { current?: string; value: string; other: boolean; onChange: (language: string, other: boolean) => void }) {
  const { t, lang } = useI18n();
  const choices = languageChoices(current);
  const invalid = other && !isLanguageCode(value);
  return (
    <span className="label-fix-language">
      <select
        aria-label={t("label.language")}
        value={other ? kOther : value}
        onChange={(e) => (e.target.value === kOther ? onChange("", true) : onChange(e.target.value, false))}
      >
        {value === "" && !other ? <option value="">{t("label.languageUnknown")}</option> : null}
        {choices.map((code) => (
          <option key={code} value={code}>
            {languageName(code, lang)}
          </option>
        ))}
        <option value={kOther}>{t("label.languageOther")}</option>
      </select>
      {other ? (
        <>
          <input
            className="label-fix-code"
            aria-label={t("label.languageCode")}
            aria-invalid={invalid}
            dir="ltr"
            size={4}
            maxLength={3}
            autoFocus
            value={value}
            onChange={(e) => onChange(e.target.value.trim(), true)}
            title={t("label.languageCodeHint")}
          />
          {invalid && value !== "" ? <span className="error">{t("label.languageCodeHint")}</span> : null}
        </>
      ) : null}
    </span>
  );
}

/** The five sensitive topics as checkboxes; `value` and the list given to `onChange` are in TOPICS order. */
function TopicChecks({ value, onChange }: { value: string[]; onChange: (topics: string[]) => void }) {
  const { t } = useI18n();
  const toggle = (topic: string, on: boolean) => onChange(TOPICS.filter((x) => (x === topic ? on : value.includes(x))));
  return (
    <fieldset className="label-fix-topics">
      <legend>{t("label.sensitivity")}</legend>
      {TOPICS.map((topic) => (
        <label key={topic}>
          <input type="checkbox" checked={value.includes(topic)} onChange={(e) => toggle(topic, e.target.checked)} />
          {t(`topic.${topic}`)}
        </label>
      ))}
    </fieldset>
  );
}
