// The crisis banner, on every page of every signed-in user while a crisis runs: its name and
// the holding statement agents may use (the composer puts it into a reply). Supervisors get a
// link to the crisis page. When the crisis ends a quiet notice says so until dismissed.
import { useI18n } from "../i18n/i18n";
import { useCrisis } from "../state/crisis";
import { navigate } from "../state/router";
import { useMe } from "../state/session";
import { canRunCrisis } from "./crisis_form";

export function CrisisBanner() {
  const { t } = useI18n();
  const me = useMe();
  const { running, ended, dismissEnded } = useCrisis();
  const manage = canRunCrisis(me.role);
  const link = (label: string) => (
    <a
      href="/crisis"
      className="crisis-link"
      onClick={(e) => {
        e.preventDefault();
        navigate("/crisis");
      }}
    >
      {label}
    </a>
  );

  return (
    <div aria-live="polite" className="crisis-live">
      {running ? (
        <section className="crisis-banner" aria-labelledby="crisis-banner-title" data-testid="crisis-banner" data-crisis={running.id}>
          <h2 id="crisis-banner-title">
            {t("crisis.banner.title")} <bdi data-testid="crisis-name">{running.name}</bdi>
          </h2>
          {running.holding_statement ? (
            <p className="crisis-statement">
              <span className="crisis-statement-label">{t("crisis.banner.statement")}</span>{" "}
              <bdi dir="auto" data-testid="crisis-statement">
                {running.holding_statement}
              </bdi>
            </p>
          ) : (
            <p className="crisis-statement">{t("crisis.banner.noStatement")}</p>
          )}
          <p className="crisis-note">{t(running.raise_to === "urgent" ? "crisis.banner.noteUrgent" : "crisis.banner.noteHigh")}</p>
          {manage ? link(t("crisis.banner.manage")) : null}
        </section>
      ) : ended ? (
        <section className="crisis-ended" aria-label={t("crisis.banner.endedLabel")} data-testid="crisis-ended">
          <p>{t("crisis.banner.ended", { name: `\u2068${ended.crisis.name}\u2069` })}</p>
          {manage ? link(t("crisis.banner.summary")) : null}
          <button type="button" className="link" onClick={dismissEnded}>
            {t("crisis.banner.dismiss")}
          </button>
        </section>
      ) : null}
    </div>
  );
}
