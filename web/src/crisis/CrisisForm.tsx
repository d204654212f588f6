// Starting or changing a crisis: its name, the terms it is about (typed as a list), the
// listening rules it is about, the holding statement agents may use, and the priority its
// cases are raised to. Checked here with the server's limits before it is sent; the server's
// refusal is shown at its field.
import { useId, useState } from "react";
import type { CrisisSpec, ListeningRule } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { failureText } from "../settings/listening_rules";
import { RuleQueryText } from "../settings/RuleQueryText";
import {
  addTerms,
  checkCrisisDraft,
  crisisProblemOf,
  crisisSpecOf,
  isAboutEverything,
  kMaxStatementBytes,
  utf8Length,
  type CrisisDraft,
  type CrisisField,
  type CrisisProblem,
} from "./crisis_form";

export interface CrisisFormProps {
  initial: CrisisDraft;
  /** The listening rules to pick from; null while they load. */
  rules: ListeningRule[] | null;
  rulesError: unknown;
  submitLabel: string;
  /** Sends the crisis; rejects with the server's refusal. */
  onSubmit: (spec: Required<CrisisSpec>) => Promise<void>;
  onCancel?: () => void;
  testId: string;
}

export function CrisisForm({ initial, rules, rulesError, submitLabel, onSubmit, onCancel, testId }: CrisisFormProps) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<CrisisDraft>(initial);
  const [problems, setProblems] = useState<CrisisProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<CrisisDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems([]);
  };
  const text = (p: CrisisProblem) => (p.key ? t(p.key, p.params) : (p.message ?? ""));
  const at = (field: CrisisField) => problems.filter((p) => p.field === field);
  const errorId = (field: CrisisField) => `${id}-${field}-error`;
  const fieldError = (field: CrisisField) =>
    at(field).length ? (
      <p className="error field-error" id={errorId(field)} role="alert">
        {at(field).map(text).join(" ")}
      </p>
    ) : null;
  const invalid = (field: CrisisField) => (at(field).length ? { "aria-invalid": true as const, "aria-describedby": errorId(field) } : {});

  const addPending = () => {
    if (!draft.termInput.trim()) return;
    set({ terms: addTerms(draft.terms, draft.termInput), termInput: "" });
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const found = checkCrisisDraft(draft);
    if (found.length) {
      setProblems(found);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(crisisSpecOf(draft));
    } catch (err) {
      const problem = crisisProblemOf(err);
      setProblems([problem.key || problem.message ? problem : { field: "form", message: failureText(err, t("error.network")) }]);
    } finally {
      setBusy(false);
    }
  };

  const statementBytes = utf8Length(draft.statement.trim());

  return (
    <form className="crisis-form" onSubmit={submit} data-testid={testId} noValidate>
      <label className="crisis-field">
        <span>{t("crisis.form.name")}</span>
        <input dir="auto" value={draft.name} onChange={(e) => set({ name: e.target.value })} required {...invalid("name")} data-testid="crisis-form-name" />
      </label>
      {fieldError("name")}

      <fieldset className="crisis-terms">
        <legend>{t("crisis.form.terms")}</legend>
        <p className="muted hint" id={`${id}-terms-hint`}>
          {t("crisis.form.termsHint")}
        </p>
        {draft.terms.length ? (
          <ul className="term-list" aria-label={t("crisis.form.termList")} data-testid="crisis-term-list">
            {draft.terms.map((term) => (
              <li key={term} className="term-chip">
                <bdi dir="auto">{term}</bdi>
                <button
                  type="button"
                  className="link"
                  aria-label={t("crisis.form.removeTerm", { term })}
                  onClick={() => set({ terms: draft.terms.filter((x) => x !== term) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="term-add">
          <input
            dir="auto"
            aria-label={t("crisis.form.newTerm")}
            aria-describedby={`${id}-terms-hint`}
            value={draft.termInput}
            onChange={(e) => set({ termInput: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                addPending();
              }
            }}
            {...invalid("terms")}
            data-testid="crisis-form-term"
          />
          <button type="button" onClick={addPending} disabled={!draft.termInput.trim()} data-testid="crisis-form-add-term">
            {t("crisis.form.addTerm")}
          </button>
        </div>
        {fieldError("terms")}
      </fieldset>

      <fieldset className="crisis-rules">
        <legend>{t("crisis.form.rules")}</legend>
        {rulesError ? (
          <p className="error">{t("listening.loadError", { message: failureText(rulesError, t("error.network")) })}</p>
        ) : rules === null ? (
          <p className="muted">{t("listening.loading")}</p>
        ) : rules.length === 0 ? (
          <p className="muted">{t("listening.empty")}</p>
        ) : (
          <ul className="rule-picks">
            {rules.map((rule) => (
              <li key={rule.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={draft.ruleIds.includes(rule.id)}
                    onChange={(e) => set({ ruleIds: e.target.checked ? [...draft.ruleIds, rule.id] : draft.ruleIds.filter((r) => r !== rule.id) })}
                    data-rule={rule.id}
                  />
                  <bdi dir="ltr" className="rule-id">
                    {rule.id}
                  </bdi>
                  <span className="muted">
                    <RuleQueryText query={rule.query} />
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {/* A rule the crisis names that the server no longer has is kept, and shown. */}
        {draft.ruleIds.filter((r) => rules && !rules.some((x) => x.id === r)).map((r) => (
          <label key={r} className="rule-missing">
            <input type="checkbox" checked onChange={() => set({ ruleIds: draft.ruleIds.filter((x) => x !== r) })} />
            <bdi dir="ltr">{r}</bdi> <span className="muted">{t("crisis.form.ruleGone")}</span>
          </label>
        ))}
      </fieldset>
      {isAboutEverything(draft) ? (
        <p className="notice" data-testid="crisis-everything">
          {t("crisis.form.everything")}
        </p>
      ) : null}

      <label className="crisis-field">
        <span>{t("crisis.form.statement")}</span>
        <textarea dir="auto" rows={3} value={draft.statement} onChange={(e) => set({ statement: e.target.value })} {...invalid("statement")} data-testid="crisis-form-statement" />
      </label>
      <p className={statementBytes > kMaxStatementBytes ? "muted hint over" : "muted hint"}>
        {t("crisis.form.statementHint", { used: statementBytes, max: kMaxStatementBytes })}
      </p>
      {fieldError("statement")}

      <fieldset className="crisis-raise" {...invalid("raiseTo")}>
        <legend>{t("crisis.form.raiseTo")}</legend>
        {(["high", "urgent"] as const).map((p) => (
          <label key={p}>
            <input type="radio" name={`${id}-raise`} value={p} checked={draft.raiseTo === p} onChange={() => set({ raiseTo: p })} data-raise={p} />
            {t(`priority.${p}`)}
          </label>
        ))}
      </fieldset>
      {fieldError("raiseTo")}
      {fieldError("form")}

      <div className="crisis-form-actions">
        <button type="submit" className="danger" disabled={busy} data-testid="crisis-form-submit">
          {busy ? t("crisis.form.sending") : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} disabled={busy}>
            {t("crisis.form.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
