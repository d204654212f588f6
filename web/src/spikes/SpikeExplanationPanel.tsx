// Why a spike happened (`GET /api/v1/alerts/{id}`): what spiked and when, how many messages and
// how negative, the words far more common than the week before, the accounts they came to, the
// most-followed writers and sample messages, each linked to its case. The dashboard opens it
// for `?alert=<id>`, the link that spike notices, webhooks and e-mails carry.
import { useEffect, useRef, useState } from "react";
import { api, ApiError } from "../api/client";
import { isSpikeEvent } from "../api/live_events";
import type { SpikeDetail } from "../api/types";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { useAccounts } from "../state/accounts";
import { useLiveEvents } from "../state/live";
import { inboxHref, navigate } from "../state/router";
import { failureText } from "../settings/listening_rules";
import { explanationView } from "./explanation";
import { kindText, observedText, seriesText } from "./series";

export interface SpikeExplanationPanelProps {
  alertId: string;
  onClose: () => void;
}

export function SpikeExplanationPanel({ alertId, onClose }: SpikeExplanationPanelProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const accounts = useAccounts();
  const [detail, setDetail] = useState<SpikeDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    api
      .get<SpikeDetail>(`/api/v1/alerts/${encodeURIComponent(alertId)}`)
      .then((d) => !cancelled && setDetail(d))
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [alertId, reloadKey]);
  useEffect(() => {
    setDetail(null);
    heading.current?.focus();
  }, [alertId]);
  // Its end (or a start this page missed) reads the spike again, with its final window.
  useLiveEvents((e) => {
    if (isSpikeEvent(e) && e.spike.id === alertId) setReloadKey((k) => k + 1);
  });

  const view = detail ? explanationView(detail, accounts, lang, t) : null;
  const notFound = error instanceof ApiError && error.status === 404;
  const caseLink = (caseId: string) => {
    const href = inboxHref("all", caseId);
    return (
      <a
        href={href}
        aria-label={t("drill.open", { id: caseId })}
        onClick={(e) => {
          e.preventDefault();
          navigate(href);
        }}
      >
        #{caseId}
      </a>
    );
  };

  return (
    <aside className="drill spike-explanation" aria-labelledby="spike-title" data-testid="spike-explanation" data-alert={alertId} onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <header className="drill-head">
        <h2 id="spike-title" ref={heading} tabIndex={-1}>
          {detail ? (
            <>
              {kindText(detail.kind, t)}: <bdi>{seriesText(detail.series, accounts, t)}</bdi>
            </>
          ) : (
            t("spike.explain.title")
          )}
        </h2>
        <button type="button" onClick={onClose} data-testid="spike-close">
          {t("drill.close")}
        </button>
      </header>
      {error ? (
        <p className={notFound ? "muted" : "error"} role="alert">
          {notFound ? t("spike.explain.notFound") : t("spike.loadError", { message: failureText(error, t("error.network")) })}
        </p>
      ) : null}
      {!detail || !view ? (
        error ? null : <p className="muted">{t("dashboard.loading")}</p>
      ) : (
        <>
          <p className="spike-when">
            {detail.ended_at === null
              ? t("spike.explain.ongoing", { from: formatDateTime(detail.started_at, i18n) })
              : t("spike.explain.ended", { from: formatDateTime(detail.started_at, i18n), to: formatDateTime(detail.ended_at, i18n) })}
          </p>
          <p>
            {observedText(detail, lang, t)} · <span data-testid="spike-headline">{view.headline}</span>
          </p>

          <section aria-labelledby="spike-terms-title">
            <h3 id="spike-terms-title">{t("spike.explain.terms")}</h3>
            {view.terms.length === 0 ? (
              <p className="muted">{t("spike.explain.noTerms")}</p>
            ) : (
              <table className="grid spike-terms" data-testid="spike-terms">
                <thead>
                  <tr>
                    <th scope="col">{t("spike.explain.term")}</th>
                    <th scope="col">{t("spike.explain.count")}</th>
                    <th scope="col">{t("spike.explain.lift")}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.terms.map((term) => (
                    <tr key={term.term}>
                      <th scope="row">
                        <bdi dir="auto">{term.term}</bdi>
                      </th>
                      <td>{term.count}</td>
                      <td>{term.lift || t("dashboard.noValue")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section aria-labelledby="spike-sources-title">
            <h3 id="spike-sources-title">{t("spike.explain.sources")}</h3>
            {view.sources.length === 0 ? (
              <p className="muted">{t("dashboard.noValue")}</p>
            ) : (
              <ul className="spike-sources" data-testid="spike-sources">
                {view.sources.map((s) => (
                  <li key={s.key}>
                    {s.platform} <bdi>{s.account}</bdi>: {t("spike.explain.messages", { count: s.count })}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="spike-authors-title">
            <h3 id="spike-authors-title">{t("spike.explain.authors")}</h3>
            {view.authors.length === 0 ? (
              <p className="muted">{t("dashboard.noValue")}</p>
            ) : (
              <ul className="spike-authors" data-testid="spike-authors">
                {view.authors.map((a) => (
                  <li key={a.key}>
                    <bdi className="msg-author">{a.name}</bdi> {a.handle ? <bdi dir="ltr">{a.handle}</bdi> : null} ({a.platform}) · {a.followers} ·{" "}
                    {t("spike.explain.messages", { count: a.count })}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="spike-samples-title">
            <h3 id="spike-samples-title">{t("spike.explain.samples")}</h3>
            {view.samples.length === 0 ? (
              <p className="muted">{t("dashboard.noValue")}</p>
            ) : (
              <ul className="spike-samples" data-testid="spike-samples">
                {view.samples.map((s) => (
                  <li key={s.id} className="msg inbound" data-message={s.id}>
                    <div className="msg-head">
                      <bdi className="msg-author">{s.author}</bdi>
                      {s.handle ? <bdi dir="ltr">{s.handle}</bdi> : null}
                      <span>{s.platform}</span>
                      <span>{s.followers}</span>
                      <time>{formatDateTime(s.createdAt, i18n)}</time>
                      {s.caseId ? caseLink(s.caseId) : <span className="muted">{t("spike.explain.noCase")}</span>}
                    </div>
                    <p className="msg-text" dir="auto">
                      {s.text}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </aside>
  );
}
