// The form that adds a listening rule or edits one in place. It checks the id and that there
// is a query before sending; the server checks the rest, and its refusal is shown next to
// the field it is about — for a query, with the column it names marked under the query.
import { useId, useState, type FormEvent } from "react";
import { ApiError } from "../api/client";
import type { RuleAction } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { checkDraft, failureText, placeRuleError, type RuleDraft, type RuleError, type RuleField } from "./listening_rules";
import { QueryCaret } from "./QueryCaret";

type Errors = Partial<Record<RuleField, RuleError>>;

export interface ListeningRuleFormProps {
  initial: RuleDraft;
  /** Adding (the id is chosen here) rather than editing (the id is fixed). */
  isNew: boolean;
  /** Ids already in use, so an addition does not silently replace one. */
  existingIds: readonly string[];
  /** The directory's team names, for escalating rules. */
  teamNames: readonly string[];
  /** Stores the rule; rejects with ApiError when the server refuses it. */
  onSave: (draft: RuleDraft) => Promise<unknown>;
  /** Called after a successful save, and on cancel. */
  onDone: () => void;
}

export function ListeningRuleForm({ initial, isNew, existingIds, teamNames, onSave, onDone }: ListeningRuleFormProps) {
  const { t } = useI18n();
  const uid = useId();
  const [draft, setDraft] = useState<RuleDraft>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [sentQuery, setSentQuery] = useState("");
  const [busy, setBusy] = useState(false);

  const change = (field: Exclude<RuleField, "form">, patch: Partial<RuleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((prev) => {
      const next = { ...prev };
      delete next[field];
      delete next.form;
      return next;
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = checkDraft(draft, existingIds, isNew);
    const found: Errors = {};
    for (const [field, key] of Object.entries(problems) as Array<[RuleField, NonNullable<(typeof problems)[RuleField]>]>) {
      found[field] = { field, message: t(key) };
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setSentQuery(draft.query);
    onSave(draft)
      .then(onDone)
      .catch((err: unknown) => {
        const placed =
          err instanceof ApiError && err.code !== "network"
            ? placeRuleError(draft.id, err.code, err.message)
            : { field: "form" as const, message: failureText(err, t("error.network")) };
        setErrors({ [placed.field]: placed });
      })
      .finally(() => setBusy(false));
  };

  const teams = draft.team && !teamNames.includes(draft.team) ? [draft.team, ...teamNames] : teamNames;
  const described = (field: RuleField) => (errors[field] ? `${uid}-${field}` : undefined);

  return (
    <form className="rule-form" onSubmit={submit} noValidate data-testid={isNew ? "rule-new" : "rule-edit"}>
      <label>
        {t("listening.id")}
        <input
          dir="ltr"
          value={draft.id}
          readOnly={!isNew}
          maxLength={64}
          spellCheck={false}
          autoComplete="off"
          placeholder={t("listening.idHint")}
          aria-invalid={errors.id ? true : undefined}
          aria-describedby={described("id")}
          onChange={(e) => change("id", { id: e.target.value })}
          data-testid="rule-id"
        />
      </label>
      <FieldError id={`${uid}-id`} error={errors.id} />
      <label className="rule-query-field">
        {t("listening.query")}
        <textarea
          dir="ltr"
          rows={2}
          value={draft.query}
          spellCheck={false}
          aria-invalid={errors.query ? true : undefined}
          aria-describedby={described("query")}
          onChange={(e) => change("query", { query: e.target.value })}
          data-testid="rule-query"
        />
      </label>
      {errors.query?.column ? <QueryCaret query={sentQuery} column={errors.query.column} /> : null}
      <FieldError id={`${uid}-query`} error={errors.query} />
      <div className="rule-form-row">
        <label>
          {t("listening.action")}
          <select
            value={draft.action}
            aria-describedby={described("action")}
            onChange={(e) => change("action", { action: e.target.value as RuleAction })}
            data-testid="rule-action"
          >
            <option value="tag">{t("listening.action.tag")}</option>
            <option value="escalate">{t("listening.action.escalate")}</option>
          </select>
        </label>
        {draft.action === "escalate" ? (
          <label>
            {t("listening.team")}
            <select
              value={draft.team}
              aria-invalid={errors.team ? true : undefined}
              aria-describedby={described("team")}
              onChange={(e) => change("team", { team: e.target.value })}
              data-testid="rule-team"
            >
              <option value="">{t("listening.teamRouting")}</option>
              {teams.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft((d) => ({ ...d, enabled: e.target.checked }))} />
          {t("listening.enabled")}
        </label>
      </div>
      <FieldError id={`${uid}-action`} error={errors.action} />
      <FieldError id={`${uid}-team`} error={errors.team} />
      <FieldError id={`${uid}-form`} error={errors.form} />
      <div className="rule-form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="rule-save">
          {busy ? t("listening.saving") : t("listening.save")}
        </button>
        <button type="button" onClick={onDone} disabled={busy}>
          {t("listening.cancel")}
        </button>
      </div>
    </form>
  );
}

/** One field's error, as text (the server's message may quote Hebrew and Latin alike). */
function FieldError({ id, error }: { id: string; error: RuleError | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="field-error error" role="alert" data-field={error.field}>
      <bdi dir="auto">{error.message}</bdi>
    </p>
  );
}
