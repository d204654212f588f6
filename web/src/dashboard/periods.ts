// The dashboard's periods, in the viewer's time zone: today, the last 7 or 30 days, or chosen
// dates; the previous period of the same number of local days to compare with; and the local
// days a period covers, one bar each. Pure functions over Unix milliseconds and IANA zones.

/** A local calendar date, "YYYY-MM-DD". */
export type LocalDate = string;

export type PeriodChoice =
  | { kind: "today" }
  | { kind: "last7" }
  | { kind: "last30" }
  | { kind: "custom"; first: LocalDate; last: LocalDate };

/** [from, to) in Unix ms, covering the local days first..last (`to` is `now` when that is sooner). */
export interface Period {
  from: number;
  to: number;
  first: LocalDate;
  last: LocalDate;
  /** How many local days first..last counts. */
  days: number;
}

/** One local day of a period, cut to the period's ends. */
export interface PeriodDay {
  date: LocalDate;
  from: number;
  to: number;
}

/** The longest custom period, in days (the server allows 1000 daily intervals). */
export const kMaxCustomDays = 366;

const kDayMs = 86_400_000;
const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    partsFormats.set(timeZone, f);
  }
  return f;
}

interface WallTime {
  date: LocalDate;
  /** Milliseconds since the local midnight, by the clock on the wall. */
  clockMs: number;
}

function wallTime(ms: number, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of partsFormat(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const clockMs = ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000 + (ms % 1000 + 1000) % 1000;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, clockMs };
}

/** The local date of instant `ms` in `timeZone`. */
export function localDateOf(ms: number, timeZone: string): LocalDate {
  return wallTime(ms, timeZone).date;
}

function utcOfDate(date: LocalDate): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** `date` moved by `days` calendar days (negative: back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(utcOfDate(date) + days * kDayMs).toISOString().slice(0, 10);
}

// The number of calendar days from `a` to `b` (negative when `b` is earlier).
function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((utcOfDate(b) - utcOfDate(a)) / kDayMs);
}

/**
 * The instant the wall clock of `timeZone` reads `clockMs` after midnight on `date`. A time a
 * daylight-saving jump skips is read with the offset from before the jump.
 */
export function zonedInstant(date: LocalDate, timeZone: string, clockMs = 0): number {
  const wall = utcOfDate(date) + clockMs; // the wall time as if it were UTC
  const offsetAt = (ms: number) => {
    const w = wallTime(ms, timeZone);
    return utcOfDate(w.date) + w.clockMs - ms;
  };
  const reads = (ms: number) => offsetAt(ms) === wall - ms;
  const first = wall - offsetAt(wall);
  if (reads(first)) return first;
  const second = wall - offsetAt(first);
  if (reads(second)) return second;
  return Math.max(first, second); // in a skipped hour: the later candidate used the earlier offset
}

/** The period `choice` means at `now` in `timeZone`. Custom dates are inclusive. */
export function periodOf(choice: PeriodChoice, now: number, timeZone: string): Period {
  const today = localDateOf(now, timeZone);
  const [first, last] =
    choice.kind === "custom"
      ? [choice.first, choice.last]
      : [addDays(today, choice.kind === "today" ? 0 : choice.kind === "last7" ? -6 : -29), today];
  return {
    from: zonedInstant(first, timeZone),
    to: Math.min(zonedInstant(addDays(last, 1), timeZone), now),
    first,
    last,
    days: daysBetween(first, last) + 1,
  };
}

/**
 * The period before `p` with as many local days, ending where `p` starts, at the same wall-
 * clock time as `p` ends: today until 14:20 compares with yesterday until 14:20, and the last
 * 7 days with the 7 days before them.
 */
export function previousPeriod(p: Period, timeZone: string): Period {
  const first = addDays(p.first, -p.days);
  const end = wallTime(p.to, timeZone);
  return {
    from: zonedInstant(first, timeZone),
    to: zonedInstant(addDays(end.date, -p.days), timeZone, end.clockMs),
    first,
    last: addDays(p.last, -p.days),
    days: p.days,
  };
}

/** The local days of `p` that have begun, each cut to the period's ends. */
export function periodDays(p: Period, timeZone: string): PeriodDay[] {
  const days: PeriodDay[] = [];
  for (let date = p.first; daysBetween(date, p.last) >= 0; date = addDays(date, 1)) {
    const from = Math.max(zonedInstant(date, timeZone), p.from);
    const to = Math.min(zonedInstant(addDays(date, 1), timeZone), p.to);
    if (from < to) days.push({ date, from, to });
  }
  return days;
}

export type CustomProblem = "missing" | "order" | "future" | "tooLong";

const kDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Why custom dates `first`..`last` cannot be shown on `today`, or null when they can. */
export function customProblem(first: LocalDate, last: LocalDate, today: LocalDate): CustomProblem | null {
  if (!kDatePattern.test(first) || !kDatePattern.test(last)) return "missing";
  if (daysBetween(first, last) < 0) return "order";
  if (daysBetween(today, first) > 0) return "future";
  if (daysBetween(first, last) + 1 > kMaxCustomDays) return "tooLong";
  return null;
}
