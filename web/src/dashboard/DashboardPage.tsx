// The supervisors' dashboard (`/dashboard`, for roles holding view_metrics): the service
// figures of a period in the viewer's time zone against the previous period, cases and first
// response by day, a breakdown by a chosen dimension, and the cases behind any of them; the
// period's spikes on a timeline, each with its explanation (`?alert=<id>` opens one).
import { useCallback, useMemo, useState } from "react";
import type { MetricsHours } from "../api/types";
import { formatCalendarDay, formatDaySpan } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { useNow } from "../common/use_now";
import { useLive } from "../state/live";
import { alertHref, navigate, useRoute } from "../state/router";
import { useMe } from "../state/session";
import { SpikeExplanationPanel } from "../spikes/SpikeExplanationPanel";
import { SpikeTimeline } from "../spikes/SpikeTimeline";
import { useSpikes } from "../spikes/use_spikes";
import { failureText } from "../settings/listening_rules";
import { BreakdownPanel } from "./BreakdownPanel";
import { breakdownRows, type BreakdownRow, type Dimension } from "./breakdown";
import { DailyChart } from "./DailyChart";
import { dailySeries, type DayPoint } from "./daily_series";
import { DrillDownPanel } from "./DrillDownPanel";
import { canViewMetrics, metricPath, type MetricsScope } from "./metrics_query";
import { MetricTiles } from "./MetricTiles";
import { addDays, localDateOf, periodDays, periodOf, previousPeriod, zonedInstant, type PeriodChoice } from "./periods";
import { PeriodPicker } from "./PeriodPicker";
import { buildTiles, type Tile } from "./tiles";
import { useMetric } from "./use_metric";

/** The page as the app routes to it: a notice for roles without view_metrics. */
export function DashboardPage() {
  const me = useMe();
  const { t } = useI18n();
  if (!canViewMetrics(me.role)) {
    return (
      <section className="page dashboard">
        <h1>{t("dashboard.title")}</h1>
        <p className="notice">{t("dashboard.notAllowed")}</p>
      </section>
    );
  }
  return <Dashboard />;
}

interface DrillTarget {
  title: string;
  scope: MetricsScope;
}

/** The dashboard itself. */
export function Dashboard() {
  const { lang, timeZone, t } = useI18n();
  const { epoch } = useLive();
  const [choice, setChoice] = useState<PeriodChoice>({ kind: "last7" });
  const [now, setNow] = useState(() => Date.now());
  const [hours, setHours] = useState<MetricsHours>("calendar");
  const [dimension, setDimension] = useState<Dimension>("platform");
  const [drill, setDrillState] = useState<DrillTarget | null>(null);
  const alertId = useRoute().params.get("alert");
  const spikes = useSpikes();
  const clock = useNow(60_000);

  // One side panel at a time: the cases behind a figure, or a spike's explanation (in the URL).
  const setDrill = useCallback((target: DrillTarget | null) => {
    setDrillState(target);
    if (target && new URLSearchParams(window.location.search).has("alert")) navigate("/dashboard", true);
  }, []);
  const openAlert = useCallback((id: string) => {
    setDrillState(null);
    navigate(alertHref(id));
  }, []);
  const closeAlert = useCallback(() => navigate("/dashboard"), []);

  const period = useMemo(() => periodOf(choice, now, timeZone), [choice, now, timeZone]);
  const previous = useMemo(() => previousPeriod(period, timeZone), [period, timeZone]);
  const scope = useMemo<MetricsScope>(() => ({ from: period.from, to: period.to, timeZone }), [period, timeZone]);
  const reloadKey = `${epoch}:${now}`;
  // The timeline keeps up with the clock: spikes that start after the figures were read still
  // land on it, up to the end of the period's last day.
  const timelinePeriod = useMemo(
    () => ({ ...period, to: Math.max(period.to, Math.min(zonedInstant(addDays(period.last, 1), timeZone), clock)) }),
    [period, clock, timeZone],
  );

  const summary = useMetric(metricPath("summary", scope, { hours }), reloadKey);
  const before = useMetric(metricPath("summary", { from: previous.from, to: previous.to, timeZone }, { hours }), reloadKey);
  const daily = useMetric(metricPath("first-response", scope, { interval: "day", hours }), reloadKey);
  const groups = useMetric(metricPath("summary", { ...scope, groupBy: dimension }, { hours }), reloadKey);

  const tiles = useMemo(
    () => (summary.items && before.items ? buildTiles(summary.items[0], before.items[0]) : null),
    [summary.items, before.items],
  );
  const points = useMemo(
    () => (daily.items ? dailySeries(periodDays(period, timeZone), daily.items, timeZone) : null),
    [daily.items, period, timeZone],
  );
  const rows = useMemo(() => (groups.items ? breakdownRows(groups.items, dimension, lang, t) : null), [groups.items, dimension, lang, t]);
  const error = summary.error ?? before.error ?? daily.error ?? groups.error;

  const span = formatDaySpan(period.first, period.last, lang);
  const choose = (next: PeriodChoice) => {
    setChoice(next);
    setNow(Date.now());
    setDrillState(null);
  };
  const onTile = (tile: Tile) =>
    setDrill({ title: t("drill.wholePeriod", { what: t(`dashboard.tile.${tile.id}`), period: span }), scope });
  const onDay = useCallback(
    (point: DayPoint) => setDrill({ title: formatCalendarDay(point.day.date, lang), scope: { from: point.day.from, to: point.day.to, timeZone } }),
    [lang, timeZone, setDrill],
  );
  const onGroup = useCallback(
    (row: BreakdownRow) => setDrill({ title: t("drill.group", { dimension: t(`dashboard.dim.${dimension}`), group: row.name }), scope: { ...scope, groupBy: dimension, group: row.group } }),
    [t, dimension, scope, setDrill],
  );

  return (
    <section className={drill || alertId ? "page dashboard drilling" : "page dashboard"} data-testid="dashboard">
      <div className="dashboard-main">
        <div className="page-head">
          <h1>{t("dashboard.title")}</h1>
          <button type="button" onClick={() => setNow(Date.now())} data-testid="dashboard-refresh">
            {t("dashboard.refresh")}
          </button>
        </div>
        <div className="dashboard-controls">
          <PeriodPicker choice={choice} today={localDateOf(now, timeZone)} onChoose={choose} />
          <fieldset className="hours-toggle">
            <legend>{t("dashboard.hours")}</legend>
            {(["calendar", "business"] as const).map((h) => (
              <label key={h}>
                <input type="radio" name="hours" value={h} checked={hours === h} onChange={() => setHours(h)} />
                {t(`dashboard.hours.${h}`)}
              </label>
            ))}
          </fieldset>
        </div>
        <p className="muted" data-testid="dashboard-period">
          {t("dashboard.showing", { period: span, previous: formatDaySpan(previous.first, previous.last, lang) })}
        </p>
        {error ? (
          <p className="error" role="alert">
            {t("dashboard.loadError", { message: failureText(error, t("error.network")) })}
          </p>
        ) : null}
        {tiles ? <MetricTiles tiles={tiles} onSelect={onTile} /> : <p className="muted">{t("dashboard.loading")}</p>}
        <div className="dashboard-charts">
          {points ? <DailyChart points={points} onSelect={onDay} /> : null}
          <BreakdownPanel dimension={dimension} onDimension={setDimension} rows={rows} onSelect={onGroup} />
        </div>
        <SpikeTimeline
          alerts={spikes.alerts}
          error={spikes.error}
          period={timelinePeriod}
          now={Math.max(clock, now)}
          selectedId={alertId}
          onSelect={(a) => openAlert(a.id)}
        />
      </div>
      {alertId ? (
        <SpikeExplanationPanel alertId={alertId} onClose={closeAlert} />
      ) : drill ? (
        <DrillDownPanel title={drill.title} scope={drill.scope} onClose={() => setDrill(null)} />
      ) : null}
    </section>
  );
}
