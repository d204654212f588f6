// Dates, times and durations in the agent's locale and time zone, through Intl only.
import type { Lang } from "./messages";

const kLocale: Record<Lang, string> = { he: "he-IL", en: "en-GB" };

// Building an Intl formatter costs far more than using one (tenths of a millisecond each,
// many per list row and frame), so each distinct one is built once and kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const languageNames = new Map<Lang, Intl.DisplayNames | null>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

export interface FormatContext {
  lang: Lang;
  timeZone: string;
}

/** "14:05" today, "יום ג׳ 14:05" this week, "3 בנוב׳ 14:05" before: short enough for a list row. */
export function formatTime(ms: number, ctx: FormatContext, now: number = Date.now()): string {
  const date = new Date(ms);
  const locale = kLocale[ctx.lang];
  const sameDay = dayKey(ms, ctx.timeZone) === dayKey(now, ctx.timeZone);
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: "2-digit", minute: "2-digit" }
    : now - ms < 6 * 86_400_000 && ms <= now
      ? { weekday: "short", hour: "2-digit", minute: "2-digit" }
      : { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };
  return dateFormat(locale, { ...options, timeZone: ctx.timeZone, hourCycle: "h23" }).format(date);
}

/** Full date and time, for titles and tooltips. */
export function formatDateTime(ms: number, ctx: FormatContext): string {
  return dateFormat(kLocale[ctx.lang], { dateStyle: "medium", timeStyle: "short", timeZone: ctx.timeZone, hourCycle: "h23" }).format(new Date(ms));
}

function dayKey(ms: number, timeZone: string): string {
  return dateFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(ms));
}

/**
 * A duration as the countdown shows it: "42 דק׳" / "1 hr 5 mins" / "2 days 3 hrs", from the two
 * largest units; negative durations are formatted by their magnitude (the caller says "late").
 */
export function formatDuration(ms: number, lang: Lang): string {
  const total = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const unit = (value: number, u: "day" | "hour" | "minute") =>
    numberFormat(kLocale[lang], { style: "unit", unit: u, unitDisplay: "short" }).format(value);
  if (days > 0) return hours > 0 ? `${unit(days, "day")} ${unit(hours, "hour")}` : unit(days, "day");
  if (hours > 0) return `${unit(hours, "hour")} ${unit(minutes, "minute")}`;
  return unit(minutes, "minute");
}

/**
 * A measured duration given in seconds, as the dashboard shows it: "45 שנ׳" / "45 secs" under a
 * minute, else rounded to the minute and shown like formatDuration ("12 דק׳", "1 hr 5 mins").
 */
export function formatSeconds(seconds: number, lang: Lang): string {
  const magnitude = Math.abs(seconds);
  if (Math.round(magnitude) < 60) {
    return numberFormat(kLocale[lang], { style: "unit", unit: "second", unitDisplay: "short" }).format(Math.round(magnitude));
  }
  return formatDuration(Math.round(magnitude / 60) * 60_000, lang);
}

/** A share 0..1 as a percentage with at most one decimal: 0.925 → "92.5%". */
export function formatPercent(share: number, lang: Lang): string {
  return numberFormat(kLocale[lang], { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/** A plain number with at most `digits` decimals in the locale's digits and separators. */
export function formatDecimal(n: number, lang: Lang, digits = 2): string {
  return numberFormat(kLocale[lang], { maximumFractionDigits: digits }).format(n);
}

/** A calendar date "YYYY-MM-DD" as a short day: "23 בנוב׳" / "23 Nov" (no time zone involved). */
export function formatCalendarDay(date: string, lang: Lang): string {
  const [y, m, d] = date.split("-").map(Number);
  return dateFormat(kLocale[lang], { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

/** Calendar dates first..last as a span, "17 בנוב׳ – 23 בנוב׳", or one day when they are the same. */
export function formatDaySpan(first: string, last: string, lang: Lang): string {
  return first === last ? formatCalendarDay(first, lang) : `${formatCalendarDay(first, lang)} – ${formatCalendarDay(last, lang)}`;
}

/** A count with the locale's grouping ("12,400"); compact above 10,000 ("12K" / "12 אלף"). */
export function formatCount(n: number, lang: Lang): string {
  return numberFormat(kLocale[lang], n >= 10_000 ? { notation: "compact", maximumFractionDigits: 1 } : {}).format(n);
}

/**
 * The name of language `code` ("he", "en") in the agent's language: "Hebrew" / "עברית". Falls
 * back to the code itself when Intl does not know it or cannot name languages.
 */
export function languageName(code: string, lang: Lang): string {
  let names = languageNames.get(lang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([kLocale[lang]], { type: "language", fallback: "code" });
    } catch {
      names = null;
    }
    languageNames.set(lang, names);
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code; // not a well-formed language tag
  }
}

/** The browser's own time zone, the default for a new agent. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** The wall-clock time of `ms` in the viewer's zone, "14:05". */
export function formatClock(ms: number, ctx: FormatContext): string {
  return dateFormat(kLocale[ctx.lang], { hour: "2-digit", minute: "2-digit", timeZone: ctx.timeZone, hourCycle: "h23" }).format(new Date(ms));
}
