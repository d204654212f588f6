// The spike timeline: which spikes of the list fall in a period, in time order, where each
// sits on the period's time axis (as shares of it, so the stylesheet lays them out in either
// direction), in lanes so overlapping spikes do not hide each other; the axis's ticks; and how
// a live `spike.*` event changes the list.
import type { SpikeAlert } from "../api/types";
import { addDays, localDateOf, zonedInstant, type Period } from "../dashboard/periods";

export interface TimelineItem<A extends SpikeAlert = SpikeAlert> {
  alert: A;
  /** Where the spike starts and how long it is, as shares (0..1) of the period from its start. */
  offset: number;
  width: number;
  /** 0-based row; spikes that overlap in time never share one. */
  lane: number;
  /** True while it lasts (no end yet). */
  ongoing: boolean;
}

export interface Timeline<A extends SpikeAlert = SpikeAlert> {
  items: TimelineItem<A>[];
  lanes: number;
}

/** The narrowest a spike is drawn, as a share of the axis, so a short one stays clickable. */
export const kMinWidth = 0.006;

/** The end of `alert` for drawing: its end, or `now` while it lasts. */
function endOf(alert: SpikeAlert, now: number): number {
  return alert.ended_at ?? Math.max(now, alert.started_at);
}

/** The spikes of `alerts` that overlap [from, to), oldest first (then by id). */
export function alertsIn<A extends SpikeAlert>(alerts: readonly A[], from: number, to: number, now: number): A[] {
  return alerts
    .filter((a) => a.started_at < to && endOf(a, now) >= from)
    .sort((a, b) => a.started_at - b.started_at || Number(a.id) - Number(b.id) || a.id.localeCompare(b.id));
}

/** The spikes of `period` placed on its axis, in lanes (the first free one, oldest first). */
export function layoutTimeline<A extends SpikeAlert>(alerts: readonly A[], period: Pick<Period, "from" | "to">, now: number): Timeline<A> {
  const span = Math.max(1, period.to - period.from);
  const laneEnds: number[] = []; // per lane, where its last item ends (share of the axis)
  const items = alertsIn(alerts, period.from, period.to, now).map((alert) => {
    const start = Math.max(0, (alert.started_at - period.from) / span);
    const end = Math.min(1, (endOf(alert, now) - period.from) / span);
    const width = Math.max(kMinWidth, end - start);
    const offset = Math.min(start, 1 - width);
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= offset);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(0);
    }
    laneEnds[lane] = offset + width;
    return { alert, offset, width, lane, ongoing: alert.ended_at === null };
  });
  return { items, lanes: laneEnds.length };
}

export interface Tick {
  /** Share of the axis (0..1) from the period's start. */
  at: number;
  /** A local date ("YYYY-MM-DD") for day ticks, or the instant for hour ticks. */
  date: string;
  ms: number;
  kind: "day" | "hour";
}

/**
 * Ticks for the axis of `period` in `timeZone`: local midnights for periods of more than a
 * day (at most about 8, evenly skipped), else every 3 local hours.
 */
export function timelineTicks(period: Pick<Period, "from" | "to" | "first" | "last" | "days">, timeZone: string): Tick[] {
  const span = Math.max(1, period.to - period.from);
  const ticks: Tick[] = [];
  if (period.days > 1) {
    const every = Math.max(1, Math.ceil(period.days / 8));
    for (let i = 0, date = period.first; i < period.days; i += every, date = addDays(date, every)) {
      const ms = zonedInstant(date, timeZone);
      if (ms >= period.from && ms < period.to) ticks.push({ at: (ms - period.from) / span, date, ms, kind: "day" });
    }
    return ticks;
  }
  for (let hour = 0; hour < 24; hour += 3) {
    const ms = zonedInstant(period.first, timeZone, hour * 3_600_000);
    if (ms >= period.from && ms <= period.to) ticks.push({ at: (ms - period.from) / span, date: localDateOf(ms, timeZone), ms, kind: "hour" });
  }
  return ticks;
}

/**
 * The list after a live `spike.started` or `spike.ended` carrying `spike`: a new spike is added,
 * a known one takes the event's figures. An end keeps what the list knew of the start (the
 * server sends an ended spike's `started_at` as 0) and only sets `ended_at`; the end of a spike
 * the list does not know is left for the caller to read. Latest first.
 */
export function withSpike<A extends SpikeAlert>(list: readonly A[], spike: A, ended: boolean): A[] {
  const known = list.find((a) => a.id === spike.id);
  if (ended && !known && !spike.started_at) return [...list]; // the caller reads it from the API
  let next: A;
  if (ended && known) next = { ...known, ended_at: spike.ended_at ?? known.ended_at };
  else if (known) next = { ...known, ...spike, started_at: spike.started_at || known.started_at };
  else next = spike;
  return [next, ...list.filter((a) => a.id !== spike.id)].sort((a, b) => b.started_at - a.started_at || Number(b.id) - Number(a.id));
}
