// Crisis mode for supervisors (`/crisis`): start a crisis (what it is about, the holding
// statement, the priority its cases are raised to), change the running one, end it and read
// its summary, and the crises before it with theirs. While a crisis runs, the cases about it
// are raised, every reply on them waits for approval, and every screen shows the banner.
import { useCallback, useEffect, useState } from "react";
import { api } from "../api/client";
import { isCrisisEvent } from "../api/live_events";
import type { Crisis, CrisisSpec, CrisisSummary, CrisisWithSummary } from "../api/types";
import { formatDateTime, formatSeconds } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { useCrisis } from "../state/crisis";
import { useDirectory } from "../state/directory";
import { useLive, useLiveEvents } from "../state/live";
import { alertHref, navigate } from "../state/router";
import { useMe } from "../state/session";
import { failureText, isolated } from "../settings/listening_rules";
import { useListeningRules } from "../settings/use_listening_rules";
import { canRunCrisis, draftOfCrisis, kEmptyCrisisDraft } from "./crisis_form";
import { CrisisForm } from "./CrisisForm";
import { CrisisSummaryView } from "./CrisisSummaryView";

export function CrisisPage() {
  const me = useMe();
  const { t } = useI18n();
  if (!canRunCrisis(me.role)) {
    return (
      <section className="page crisis-page">
        <h1>{t("crisis.title")}</h1>
        <p className="notice">{t("crisis.notAllowed")}</p>
      </section>
    );
  }
  return <CrisisPanel />;
}

const path = (id: string) => `/api/v1/crises/${encodeURIComponent(id)}`;

/** The panel itself (supervisors and admins). */
export function CrisisPanel() {
  const { t } = useI18n();
  const { epoch } = useLive();
  const { running, adopt } = useCrisis();
  const rules = useListeningRules(epoch);
  const [editing, setEditing] = useState(false);
  const [justEnded, setJustEnded] = useState<CrisisWithSummary | null>(null);
  const [past, setPast] = useState<Crisis[] | null>(null);
  const [pastError, setPastError] = useState<unknown>(null);
  const [pastKey, setPastKey] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api
      .get<{ items?: Crisis[] }>("/api/v1/crises")
      .then((answer) => {
        if (cancelled) return;
        setPast(answer.items ?? []);
        setPastError(null);
      })
      .catch((e: unknown) => !cancelled && setPastError(e));
    return () => {
      cancelled = true;
    };
  }, [epoch, pastKey]);
  useLiveEvents((e) => {
    if (isCrisisEvent(e) && e.type !== "crisis.updated") setPastKey((k) => k + 1);
  });
  useEffect(() => {
    if (!running) setEditing(false);
  }, [running]);

  const start = async (spec: Required<CrisisSpec>) => {
    const started = await api.post<Crisis>("/api/v1/crises", spec);
    adopt(started);
    setJustEnded(null);
    setPastKey((k) => k + 1);
  };
  const update = async (spec: Required<CrisisSpec>) => {
    if (!running) return;
    adopt(await api.patch<Crisis>(path(running.id), spec));
    setEditing(false);
  };
  const end = async (crisis: Crisis) => {
    const ended = await api.post<CrisisWithSummary>(`${path(crisis.id)}/end`);
    setJustEnded(ended);
    adopt(ended, ended.summary);
    setPastKey((k) => k + 1);
  };

  const previous = (past ?? []).filter((c) => c.id !== running?.id && c.id !== justEnded?.id);

  return (
    <section className="page crisis-page" data-testid="crisis-page">
      <div className="page-head">
        <h1>{t("crisis.title")}</h1>
      </div>
      <p className="muted crisis-intro">{t("crisis.intro")}</p>

      {justEnded ? (
        <section className="crisis-card" aria-labelledby="crisis-ended-title" data-testid="crisis-ended-summary">
          <h2 id="crisis-ended-title">{t("crisis.endedTitle", { name: isolated(justEnded.name) })}</h2>
          <CrisisTimes crisis={justEnded} />
          <CrisisSummaryView summary={justEnded.summary} testId="crisis-summary" />
        </section>
      ) : null}

      {running ? (
        editing ? (
          <section className="crisis-card" aria-labelledby="crisis-edit-title">
            <h2 id="crisis-edit-title">{t("crisis.editTitle")}</h2>
            <CrisisForm
              key={running.id}
              initial={draftOfCrisis(running)}
              rules={rules.rules}
              rulesError={rules.loadError}
              submitLabel={t("crisis.form.save")}
              onSubmit={update}
              onCancel={() => setEditing(false)}
              testId="crisis-edit-form"
            />
          </section>
        ) : (
          <RunningCrisis crisis={running} onEdit={() => setEditing(true)} onEnd={end} />
        )
      ) : (
        <section className="crisis-card" aria-labelledby="crisis-start-title">
          <h2 id="crisis-start-title">{t("crisis.startTitle")}</h2>
          <CrisisForm
            initial={kEmptyCrisisDraft}
            rules={rules.rules}
            rulesError={rules.loadError}
            submitLabel={t("crisis.form.start")}
            onSubmit={start}
            testId="crisis-start-form"
          />
        </section>
      )}

      <section className="crisis-history" aria-labelledby="crisis-history-title">
        <h2 id="crisis-history-title">{t("crisis.history")}</h2>
        {pastError ? (
          <p className="error" role="alert">
            {t("crisis.loadError", { message: failureText(pastError, t("error.network")) })}
          </p>
        ) : past === null ? (
          <p className="muted">{t("list.loading")}</p>
        ) : previous.length === 0 ? (
          <p className="muted">{t("crisis.noHistory")}</p>
        ) : (
          <ul className="crisis-past" data-testid="crisis-history">
            {previous.map((c) => (
              <PastCrisis key={c.id} crisis={c} />
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

/** When a crisis started and ended (or how long it has run), and who started it. */
function CrisisTimes({ crisis }: { crisis: Crisis }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { nameOf } = useDirectory();
  const starter = crisis.started_by ? t("crisis.startedBy", { name: isolated(nameOf(crisis.started_by)) }) : t("crisis.startedBySpike");
  return (
    <p className="crisis-times">
      <span>{t("crisis.startedAt", { time: formatDateTime(crisis.started_at, i18n) })}</span>
      {crisis.ended_at !== null ? (
        <span>
          {" · "}
          {t("crisis.endedAt", { time: formatDateTime(crisis.ended_at, i18n), duration: formatSeconds((crisis.ended_at - crisis.started_at) / 1000, i18n.lang) })}
        </span>
      ) : null}
      <span>
        {" · "}
        {starter}
      </span>
      {crisis.spike_id ? (
        <>
          {" · "}
          <a
            href={alertHref(crisis.spike_id)}
            onClick={(e) => {
              e.preventDefault();
              navigate(alertHref(crisis.spike_id ?? ""));
            }}
          >
            {t("crisis.theSpike")}
          </a>
        </>
      ) : null}
    </p>
  );
}

/** What a crisis is about: its terms and rules (or everything), the statement and priority. */
function CrisisFacts({ crisis }: { crisis: Crisis }) {
  const { t } = useI18n();
  const everything = crisis.terms.length === 0 && crisis.rule_ids.length === 0;
  return (
    <dl className="crisis-facts">
      <div>
        <dt>{t("crisis.form.terms")}</dt>
        <dd>
          {everything ? (
            t("crisis.aboutEverything")
          ) : crisis.terms.length ? (
            <ul className="term-list">
              {crisis.terms.map((term) => (
                <li key={term} className="term-chip">
                  <bdi dir="auto">{term}</bdi>
                </li>
              ))}
            </ul>
          ) : (
            t("dashboard.noValue")
          )}
        </dd>
      </div>
      {crisis.rule_ids.length ? (
        <div>
          <dt>{t("crisis.form.rules")}</dt>
          <dd>
            <ul className="term-list">
              {crisis.rule_ids.map((r) => (
                <li key={r} className="term-chip">
                  <bdi dir="ltr">{r}</bdi>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t("crisis.form.statement")}</dt>
        <dd dir="auto" className="crisis-statement-text">
          {crisis.holding_statement || t("dashboard.noValue")}
        </dd>
      </div>
      <div>
        <dt>{t("crisis.form.raiseTo")}</dt>
        <dd>{t(`priority.${crisis.raise_to}`)}</dd>
      </div>
    </dl>
  );
}

/** The running crisis: what it is about, its summary so far, change it, end it. */
function RunningCrisis({ crisis, onEdit, onEnd }: { crisis: Crisis; onEdit: () => void; onEnd: (c: Crisis) => Promise<void> }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<CrisisSummary | null>(null);

  const loadSummary = useCallback(() => {
    api
      .get<CrisisWithSummary>(path(crisis.id))
      .then((c) => setSummary(c.summary))
      .catch(() => undefined);
  }, [crisis.id]);
  useEffect(loadSummary, [loadSummary, crisis]);

  const end = async () => {
    setBusy(true);
    setError(null);
    try {
      await onEnd(crisis);
    } catch (e) {
      setError(failureText(e, t("error.network")));
      setBusy(false);
    }
  };

  return (
    <section className="crisis-card running" aria-labelledby="crisis-running-title" data-testid="crisis-running">
      <h2 id="crisis-running-title">
        {t("crisis.runningTitle")} <bdi>{crisis.name}</bdi>
      </h2>
      <CrisisTimes crisis={crisis} />
      <CrisisFacts crisis={crisis} />
      <div className="crisis-actions">
        <button type="button" onClick={onEdit} data-testid="crisis-edit">
          {t("crisis.edit")}
        </button>
        {confirming ? (
          <span className="confirm" role="group" aria-label={t("crisis.end")}>
            <span>{t("crisis.confirmEnd")}</span>
            <button type="button" className="danger" onClick={() => void end()} disabled={busy} data-testid="crisis-end-confirm">
              {t("crisis.endYes")}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
              {t("crisis.form.cancel")}
            </button>
          </span>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)} data-testid="crisis-end">
            {t("crisis.end")}
          </button>
        )}
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <h3>
        {t("crisis.soFar")}{" "}
        <button type="button" className="link" onClick={loadSummary}>
          {t("dashboard.refresh")}
        </button>
      </h3>
      {summary ? <CrisisSummaryView summary={summary} testId="crisis-live-summary" /> : <p className="muted">{t("list.loading")}</p>}
    </section>
  );
}

/** One earlier crisis: when, and its summary on demand. */
function PastCrisis({ crisis }: { crisis: Crisis }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState<CrisisSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const toggle = () => {
    setOpen(!open);
    if (!open && !summary) {
      api
        .get<CrisisWithSummary>(path(crisis.id))
        .then((c) => setSummary(c.summary))
        .catch((e: unknown) => setError(e));
    }
  };
  return (
    <li className="crisis-past-item" data-crisis={crisis.id}>
      <h3>
        <bdi>{crisis.name}</bdi>
      </h3>
      <CrisisTimes crisis={crisis} />
      <button type="button" className="link" aria-expanded={open} onClick={toggle} data-testid="crisis-past-toggle">
        {open ? t("crisis.hideSummary") : t("crisis.showSummary")}
      </button>
      {open ? (
        error ? (
          <p className="error">{failureText(error, t("error.network"))}</p>
        ) : summary ? (
          <>
            <CrisisFacts crisis={crisis} />
            <CrisisSummaryView summary={summary} />
          </>
        ) : (
          <p className="muted">{t("list.loading")}</p>
        )
      ) : null}
    </li>
  );
}
