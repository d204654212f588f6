// The listening rules screen: every rule, readable by everyone; supervisors and admins (who
// hold manage_listening) also add, edit in place, switch on or off and delete rules. A short
// guide to the rule language closes the page.
import { useState } from "react";
import { useI18n } from "../i18n/i18n";
import { useDirectory } from "../state/directory";
import { useLive } from "../state/live";
import { useMe } from "../state/session";
import { canManageListening, draftOf, failureText, kEmptyDraft } from "./listening_rules";
import { ListeningRuleForm } from "./ListeningRuleForm";
import { ListeningRuleRow } from "./ListeningRuleRow";
import { RuleSyntaxHelp } from "./RuleSyntaxHelp";
import { useListeningRules } from "./use_listening_rules";

/** The page as the app routes to it: the signed-in user's role, the directory's teams. */
export function ListeningRulesPage() {
  const me = useMe();
  const { teams } = useDirectory();
  const { epoch } = useLive();
  const teamNames = teams.map((team) => team.name ?? "").filter((name) => name !== "");
  return <ListeningRules canManage={canManageListening(me.role)} teamNames={teamNames} reloadKey={epoch} />;
}

export interface ListeningRulesProps {
  /** Whether the user may change rules (else everything is read-only). */
  canManage: boolean;
  /** Team names an escalating rule may send its cases to. */
  teamNames: readonly string[];
  /** The rules are loaded again whenever this changes. */
  reloadKey: number;
}

/** The screen itself, free of the app's providers (but for the language). */
export function ListeningRules({ canManage, teamNames, reloadKey }: ListeningRulesProps) {
  const { t } = useI18n();
  const { rules, loadError, save, remove } = useListeningRules(reloadKey);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const ids = (rules ?? []).map((r) => r.id);
  const columns = canManage ? 6 : 5;

  return (
    <section className="page settings listening" data-testid="listening-rules">
      <h1>{t("listening.title")}</h1>
      <p className="muted">{t("listening.intro")}</p>
      {canManage ? null : <p className="notice">{t("listening.readOnly")}</p>}
      {canManage && adding ? (
        <section className="rule-new" aria-label={t("listening.newRule")}>
          <h2>{t("listening.newRule")}</h2>
          <ListeningRuleForm initial={kEmptyDraft} isNew existingIds={ids} teamNames={teamNames} onSave={save} onDone={() => setAdding(false)} />
        </section>
      ) : canManage ? (
        <button type="button" className="primary" onClick={() => setAdding(true)} data-testid="rule-add">
          {t("listening.add")}
        </button>
      ) : null}
      {loadError ? (
        <p className="error" role="alert">
          {t("listening.loadError", { message: failureText(loadError, t("error.network")) })}
        </p>
      ) : rules === null ? (
        <p className="muted">{t("listening.loading")}</p>
      ) : rules.length === 0 ? (
        <p className="muted" data-testid="rules-empty">
          {t("listening.empty")}
        </p>
      ) : (
        <table className="grid rules">
          <thead>
            <tr>
              <th>{t("listening.id")}</th>
              <th>{t("listening.query")}</th>
              <th>{t("listening.action")}</th>
              <th>{t("listening.team")}</th>
              <th>{t("listening.enabled")}</th>
              {canManage ? <th>{t("listening.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) =>
              canManage && editing === rule.id ? (
                <tr key={rule.id} className="rule-editing" data-rule={rule.id}>
                  <td colSpan={columns}>
                    <ListeningRuleForm
                      initial={draftOf(rule)}
                      isNew={false}
                      existingIds={ids}
                      teamNames={teamNames}
                      onSave={save}
                      onDone={() => setEditing(null)}
                    />
                  </td>
                </tr>
              ) : (
                <ListeningRuleRow
                  key={rule.id}
                  rule={rule}
                  canManage={canManage}
                  onEdit={() => setEditing(rule.id)}
                  onSave={save}
                  onDelete={() => remove(rule.id)}
                />
              ),
            )}
          </tbody>
        </table>
      )}
      <RuleSyntaxHelp />
    </section>
  );
}
