// One listening rule in the table: its id, query, action, team and whether it is enabled.
// Supervisors and admins can switch it on or off, edit it (the page swaps the row for the
// form) and delete it after confirming; agents see the same row read-only.
import { useState } from "react";
import type { ListeningRule } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { draftOf, failureText, isolated, type RuleDraft } from "./listening_rules";
import { RuleQueryText } from "./RuleQueryText";

export interface ListeningRuleRowProps {
  rule: ListeningRule;
  canManage: boolean;
  onEdit: () => void;
  /** Stores a changed rule; rejects with ApiError when the server refuses it. */
  onSave: (draft: RuleDraft) => Promise<unknown>;
  /** Deletes the rule; rejects with ApiError when the server refuses. */
  onDelete: () => Promise<void>;
}

export function ListeningRuleRow({ rule, canManage, onEdit, onSave, onDelete }: ListeningRuleRowProps) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState("");
  const question = t("listening.confirmDelete", { id: isolated(rule.id) });

  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    setFailure("");
    work()
      .catch((e: unknown) => setFailure(failureText(e, t("error.network"))))
      .finally(() => {
        setBusy(false);
        setConfirming(false);
      });
  };

  return (
    <tr className={rule.enabled ? "rule-row" : "rule-row disabled"} data-rule={rule.id}>
      <td>
        <bdi dir="ltr">{rule.id}</bdi>
      </td>
      <td className="rule-query-cell">
        <RuleQueryText query={rule.query} />
      </td>
      <td>{t(rule.action === "escalate" ? "listening.action.escalate" : "listening.action.tag")}</td>
      <td>{rule.action !== "escalate" ? "—" : rule.team ? <bdi>{rule.team}</bdi> : t("listening.teamRouting")}</td>
      <td>
        <input
          type="checkbox"
          checked={rule.enabled}
          disabled={!canManage || busy}
          aria-label={t("listening.enabledOf", { id: isolated(rule.id) })}
          onChange={(e) => {
            const enabled = e.target.checked;
            run(() => onSave({ ...draftOf(rule), enabled }));
          }}
          data-testid="rule-enabled"
        />
      </td>
      {canManage ? (
        <td className="rule-actions">
          {confirming ? (
            <span role="group" aria-label={question}>
              <span>{question}</span>{" "}
              <button type="button" className="danger" disabled={busy} onClick={() => run(onDelete)} data-testid="rule-delete-yes">
                {t("listening.confirmYes")}
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
                {t("listening.cancel")}
              </button>
            </span>
          ) : (
            <>
              <button type="button" className="link" disabled={busy} onClick={onEdit} data-testid="rule-edit-open">
                {t("listening.edit")}
              </button>
              <button type="button" className="link" disabled={busy} onClick={() => setConfirming(true)} data-testid="rule-delete">
                {t("listening.delete")}
              </button>
            </>
          )}
          {failure ? (
            <p className="error" role="alert">
              <bdi dir="auto">{failure}</bdi>
            </p>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
