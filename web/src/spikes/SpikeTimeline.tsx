// The spikes of the dashboard's period on its time axis (time runs from the right in Hebrew),
// overlapping ones in separate lanes, ongoing ones reaching to now; and the same spikes as a
// list in time order — start and end, kind, series and observed against expected — which is
// what the keyboard and screen readers use. Either opens a spike's explanation.
import { useMemo } from "react";
import type { SpikeAlert } from "../api/types";
import type { Period } from "../dashboard/periods";
import { formatCalendarDay, formatClock, formatDateTime, formatTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { useAccounts } from "../state/accounts";
import { failureText } from "../settings/listening_rules";
import { kindText, observedText, seriesText } from "./series";
import { layoutTimeline, timelineTicks } from "./timeline";

export interface SpikeTimelineProps {
  alerts: readonly SpikeAlert[] | null;
  error: unknown;
  period: Period;
  now: number;
  selectedId: string | null;
  onSelect: (alert: SpikeAlert) => void;
}

const kLanePx = 22;

export function SpikeTimeline({ alerts, error, period, now, selectedId, onSelect }: SpikeTimelineProps) {
  const i18n = useI18n();
  const { t, lang, timeZone } = i18n;
  const accounts = useAccounts();
  const timeline = useMemo(() => layoutTimeline(alerts ?? [], period, now), [alerts, period, now]);
  const ticks = useMemo(() => timelineTicks(period, timeZone), [period, timeZone]);

  const span = (a: SpikeAlert) =>
    a.ended_at === null
      ? t("spike.ongoingSince", { from: formatTime(a.started_at, i18n, now) })
      : t("spike.span", { from: formatTime(a.started_at, i18n, now), to: formatTime(a.ended_at, i18n, now) });
  const describe = (a: SpikeAlert) => `${kindText(a.kind, t)}: ${seriesText(a.series, accounts, t)}, ${span(a)}. ${observedText(a, lang, t)}`;

  return (
    <section className="chart-card spike-timeline" aria-labelledby="spikes-title" data-testid="spike-timeline">
      <h2 id="spikes-title">{t("spike.timeline.title")}</h2>
      {error && alerts === null ? (
        <p className="error" role="alert">
          {t("spike.loadError", { message: failureText(error, t("error.network")) })}
        </p>
      ) : alerts === null ? (
        <p className="muted">{t("dashboard.loading")}</p>
      ) : timeline.items.length === 0 ? (
        <p className="muted" data-testid="spike-none">
          {t("spike.timeline.none")}
        </p>
      ) : (
        <>
          {/* The axis is for the eye; the list below carries the same spikes for everyone. */}
          <div className="timeline-axis" aria-hidden="true">
            <div className="timeline-lanes" style={{ height: `${timeline.lanes * kLanePx + 4}px` }}>
              {timeline.items.map((item) => (
                <button
                  type="button"
                  tabIndex={-1}
                  key={item.alert.id}
                  className={`timeline-bar spike-${item.alert.kind}${item.ongoing ? " ongoing" : ""}${item.alert.id === selectedId ? " selected" : ""}`}
                  style={{ insetInlineStart: `${item.offset * 100}%`, width: `${item.width * 100}%`, top: `${item.lane * kLanePx}px` }}
                  title={describe(item.alert)}
                  onClick={() => onSelect(item.alert)}
                  data-bar={item.alert.id}
                />
              ))}
            </div>
            <div className="timeline-ticks">
              {ticks.map((tick) => (
                <span
                  key={tick.ms}
                  className={`timeline-tick${tick.at < 0.03 ? " at-start" : tick.at > 0.97 ? " at-end" : ""}`}
                  style={{ insetInlineStart: `${tick.at * 100}%` }}
                >
                  {tick.kind === "day" ? formatCalendarDay(tick.date, lang) : formatClock(tick.ms, i18n)}
                </span>
              ))}
            </div>
          </div>
          <ol className="spike-list" data-testid="spike-list">
            {timeline.items.map(({ alert, ongoing }) => (
              <li key={alert.id} className={alert.id === selectedId ? "selected" : ""} data-alert={alert.id}>
                <span className={`spike-kind spike-${alert.kind}`}>{kindText(alert.kind, t)}</span>
                <bdi className="spike-series">{seriesText(alert.series, accounts, t)}</bdi>
                <time dateTime={new Date(alert.started_at).toISOString()} title={formatDateTime(alert.started_at, i18n)}>
                  {span(alert)}
                </time>
                <span className="spike-observed">{observedText(alert, lang, t)}</span>
                {ongoing ? <span className="spike-ongoing">{t("spike.ongoing")}</span> : null}
                <button type="button" className="link" onClick={() => onSelect(alert)} aria-pressed={alert.id === selectedId} data-testid="spike-open">
                  {t("spike.why")}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
