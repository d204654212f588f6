// Recurring complaint topics for supervisors (`/topics`): the topics of a period in the
// viewer's time zone, most complaints first, each with its change against the period before,
// its trend per day, its words and example complaints, the cases behind it (the dashboard's
// drill-down, with CSV), sending it to the product team, and copying it as a GitHub or Jira
// issue. A server without topics yet shows an empty state.
import { useCallback, useMemo, useState } from "react";
import { api } from "../api/client";
import type { Topic, TopicSent } from "../api/types";
import { DrillDownPanel } from "../dashboard/DrillDownPanel";
import { canViewMetrics, type MetricsScope } from "../dashboard/metrics_query";
import { localDateOf, periodDays, periodOf, previousPeriod, type PeriodChoice, type PeriodDay } from "../dashboard/periods";
import { PeriodPicker } from "../dashboard/PeriodPicker";
import { formatCount, formatDateTime, formatDaySpan } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { useLive } from "../state/live";
import { inboxHref, navigate } from "../state/router";
import { useMe } from "../state/session";
import { failureText } from "../settings/listening_rules";
import { platformName } from "../spikes/series";
import { TopicSparkline } from "./TopicSparkline";
import {
  issueText,
  sendFailure,
  sortTopics,
  topicChange,
  topicIssuePath,
  topicSendPath,
  topicsPath,
  trendPoints,
  type IssueFormat,
  type TopicsScope,
} from "./topics";
import { useTopics } from "./use_topics";

export function TopicsPage() {
  const me = useMe();
  const { t } = useI18n();
  if (!canViewMetrics(me.role)) {
    return (
      <section className="page topics">
        <h1>{t("topics.title")}</h1>
        <p className="notice">{t("topics.notAllowed")}</p>
      </section>
    );
  }
  return <Topics />;
}

interface DrillTarget {
  title: string;
  scope: MetricsScope;
}

export function Topics() {
  const { lang, timeZone, t } = useI18n();
  const { epoch } = useLive();
  const [choice, setChoice] = useState<PeriodChoice>({ kind: "last7" });
  const [now, setNow] = useState(() => Date.now());
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const period = useMemo(() => periodOf(choice, now, timeZone), [choice, now, timeZone]);
  const previous = useMemo(() => previousPeriod(period, timeZone), [period, timeZone]);
  const days = useMemo(() => periodDays(period, timeZone), [period, timeZone]);
  const scope = useMemo(() => ({ from: period.from, to: period.to, timeZone }), [period, timeZone]);
  const topics = useTopics(topicsPath(scope), `${epoch}:${now}`);
  const sorted = useMemo(() => (topics.items ? sortTopics(topics.items, lang) : null), [topics.items, lang]);

  const choose = (next: PeriodChoice) => {
    setChoice(next);
    setNow(Date.now());
    setDrill(null);
  };
  const onCases = useCallback(
    (topic: Topic) =>
      setDrill({ title: t("topics.drill", { name: `\u2068${topic.name}\u2069` }), scope: { from: period.from, to: period.to, timeZone, groupBy: "topic", group: topic.id } }),
    [t, period, timeZone],
  );

  return (
    <section className={drill ? "page dashboard topics drilling" : "page dashboard topics"} data-testid="topics">
      <div className="dashboard-main">
        <div className="page-head">
          <h1>{t("topics.title")}</h1>
          <button type="button" onClick={() => setNow(Date.now())}>
            {t("dashboard.refresh")}
          </button>
        </div>
        <p className="muted">{t("topics.intro")}</p>
        <div className="dashboard-controls">
          <PeriodPicker choice={choice} today={localDateOf(now, timeZone)} onChoose={choose} />
        </div>
        <p className="muted" data-testid="topics-period">
          {t("dashboard.showing", { period: formatDaySpan(period.first, period.last, lang), previous: formatDaySpan(previous.first, previous.last, lang) })}
        </p>
        {topics.error ? (
          <p className="error" role="alert">
            {t("topics.loadError", { message: failureText(topics.error, t("error.network")) })}
          </p>
        ) : topics.unavailable ? (
          <p className="notice" data-testid="topics-unavailable">
            {t("topics.unavailable")}
          </p>
        ) : sorted === null ? (
          <p className="muted">{t("dashboard.loading")}</p>
        ) : sorted.length === 0 ? (
          <p className="muted" data-testid="topics-empty">
            {t("topics.empty")}
          </p>
        ) : (
          <ol className="topic-list" data-testid="topic-list">
            {sorted.map((topic) => (
              <TopicCard key={topic.id} topic={topic} days={days} scope={scope} onCases={onCases} />
            ))}
          </ol>
        )}
      </div>
      {drill ? <DrillDownPanel title={drill.title} scope={drill.scope} onClose={() => setDrill(null)} /> : null}
    </section>
  );
}

type Outcome = { kind: "ok" | "error"; text: string } | null;

interface TopicCardProps {
  topic: Topic;
  days: readonly PeriodDay[];
  /** The period shown: sending and copying are about it. */
  scope: TopicsScope;
  onCases: (topic: Topic) => void;
}

function TopicCard({ topic, days, scope, onCases }: TopicCardProps) {
  const i18n = useI18n();
  const { lang, t } = i18n;
  const change = topicChange(topic.count, topic.previous_count, lang, t);
  const points = useMemo(() => trendPoints(topic.trend ?? [], days), [topic.trend, days]);
  const [sentAt, setSentAt] = useState<number | null>(topic.sent_to_product_at ?? null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [manualCopy, setManualCopy] = useState<{ format: IssueFormat; text: string } | null>(null);
  const titleId = `topic-${topic.id}-name`;

  const send = () => {
    setBusy(true);
    setOutcome(null);
    api
      .post<Partial<TopicSent>>(topicSendPath(topic.id, scope))
      .then((answer) => {
        if (answer?.delivered === false) {
          setOutcome({ kind: "error", text: t("topics.send.notDelivered") });
          return;
        }
        setSentAt(answer?.sent_at ?? Date.now());
        setOutcome({ kind: "ok", text: t("topics.send.done") });
      })
      .catch((e: unknown) => setOutcome({ kind: "error", text: sendFailure(e, t) }))
      .finally(() => setBusy(false));
  };

  const copy = async (format: IssueFormat) => {
    setOutcome(null);
    setManualCopy(null);
    let text: string;
    try {
      text = issueText(await api.get<unknown>(topicIssuePath(topic.id, format, scope)));
    } catch (e) {
      setOutcome({ kind: "error", text: failureText(e, t("error.network")) });
      return;
    }
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setOutcome({ kind: "ok", text: t(`topics.copied.${format}`) });
    } catch {
      // No clipboard (a page served over plain HTTP, or permission refused): the text to copy by hand.
      setManualCopy({ format, text });
    }
  };

  return (
    <li className="topic-card" aria-labelledby={titleId} data-topic={topic.id}>
      <div className="topic-head">
        <h2 id={titleId}>
          <bdi dir="auto">{topic.name}</bdi>
        </h2>
        <span className="topic-count" data-testid="topic-count">
          {t("topics.count", { count: formatCount(topic.count, lang) })}
        </span>
        <span className={`trend trend-${change.verdict}`} data-testid="topic-change" data-verdict={change.verdict}>
          <span aria-hidden="true">
            {change.arrow} {change.text}
          </span>
          <span className="visually-hidden">{change.spoken}</span>
        </span>
        <TopicSparkline points={points} />
      </div>
      {topic.terms?.length ? (
        <ul className="term-list" aria-label={t("topics.terms")}>
          {topic.terms.map((term) => (
            <li key={term} className="term-chip">
              <bdi dir="auto">{term}</bdi>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted topic-seen">
        {topic.first_seen ? t("topics.firstSeen", { time: formatDateTime(topic.first_seen, i18n) }) : null}
        {topic.first_seen && topic.last_seen ? " · " : null}
        {topic.last_seen ? t("topics.lastSeen", { time: formatDateTime(topic.last_seen, i18n) }) : null}
        {sentAt ? (
          <>
            {topic.first_seen || topic.last_seen ? " · " : null}
            <span data-testid="topic-sent">{t("topics.sentAt", { time: formatDateTime(sentAt, i18n) })}</span>
          </>
        ) : null}
      </p>
      {topic.examples?.length ? (
        <details className="topic-examples">
          <summary>{t("topics.examples", { count: topic.examples.length })}</summary>
          <ul>
            {topic.examples.map((ex) => (
              <li key={ex.message_id} className="msg inbound">
                <div className="msg-head">
                  {ex.author_handle ? <bdi dir="ltr">@{ex.author_handle}</bdi> : null}
                  <span>{platformName(ex.platform, t)}</span>
                  <time>{formatDateTime(ex.created_at, i18n)}</time>
                  {ex.case_id ? (
                    <a
                      href={inboxHref("all", ex.case_id)}
                      aria-label={t("drill.open", { id: ex.case_id })}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(inboxHref("all", ex.case_id));
                      }}
                    >
                      #{ex.case_id}
                    </a>
                  ) : null}
                </div>
                <p className="msg-text" dir="auto">
                  {ex.text}
                </p>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="topic-actions">
        <button type="button" onClick={() => onCases(topic)} data-testid="topic-cases">
          {t("topics.viewCases")}
        </button>
        <button type="button" onClick={send} disabled={busy} data-testid="topic-send">
          {busy ? t("topics.send.sending") : t("topics.send")}
        </button>
        <button type="button" onClick={() => void copy("github")} data-testid="topic-copy-github">
          {t("topics.copy.github")}
        </button>
        <button type="button" onClick={() => void copy("jira")} data-testid="topic-copy-jira">
          {t("topics.copy.jira")}
        </button>
      </div>
      {outcome ? (
        <p className={outcome.kind === "ok" ? "outcome-ok" : "error"} role={outcome.kind === "ok" ? "status" : "alert"} data-testid="topic-outcome">
          {outcome.text}
        </p>
      ) : null}
      {manualCopy ? (
        <label className="manual-copy">
          <span>{t("topics.copyByHand", { format: t(`topics.format.${manualCopy.format}`) })}</span>
          <textarea readOnly dir="ltr" rows={8} value={manualCopy.text} onFocus={(e) => e.currentTarget.select()} autoFocus data-testid="topic-issue-text" />
        </label>
      ) : null}
    </li>
  );
}
