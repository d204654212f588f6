// The notice a supervisor gets on any page when a spike starts: what spiked and by how much,
// with a link to its explanation on the dashboard (the same link alerts by webhook and e-mail
// carry) and a way to dismiss it.
import type { SpikeAlert } from "../api/types";
import { formatClock } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { useAccounts } from "../state/accounts";
import { alertHref, navigate } from "../state/router";
import { kindText, observedText, seriesText } from "./series";

export function SpikeToasts({ notices, onDismiss }: { notices: readonly SpikeAlert[]; onDismiss: (id: string) => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const accounts = useAccounts();
  return (
    <div className="toasts" aria-live="polite">
      {notices.map((alert) => (
        <section key={alert.id} className={`toast spike-toast spike-${alert.kind}`} aria-label={t("spike.notice")} data-testid="spike-toast" data-alert={alert.id}>
          <p className="toast-title">
            <strong>{t("spike.toast.title", { kind: kindText(alert.kind, t) })}</strong>{" "}
            <bdi>{seriesText(alert.series, accounts, t)}</bdi>
          </p>
          <p className="toast-body">
            {observedText(alert, lang, t)} · {t("spike.since", { time: formatClock(alert.started_at, i18n) })}
          </p>
          <div className="toast-actions">
            <a
              href={alertHref(alert.id)}
              className="button"
              onClick={(e) => {
                e.preventDefault();
                onDismiss(alert.id);
                navigate(alertHref(alert.id));
              }}
              data-testid="spike-toast-open"
            >
              {t("spike.toast.open")}
            </a>
            <button type="button" className="link" onClick={() => onDismiss(alert.id)}>
              {t("spike.toast.dismiss")}
            </button>
          </div>
        </section>
      ))}
    </div>
  );
}
