// A spike's series and kind in words: `account:<platform>:<id>` is a brand account (named by
// its handle or Page name from the settings when known), `rule:<id>` a listening rule.
import type { ChannelAccount, SpikeAlert } from "../api/types";
import { formatCount, formatDecimal } from "../i18n/format";
import { isMessageKey, type Lang, type MessageKey } from "../i18n/messages";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export type SeriesRef =
  | { kind: "account"; platform: string; accountId: string }
  | { kind: "rule"; ruleId: string }
  | { kind: "other"; name: string };

/** Reads a series name; anything else (a later server's topic series) is "other". */
export function parseSeries(series: string): SeriesRef {
  const account = /^account:([^:]+):(.+)$/.exec(series);
  if (account) return { kind: "account", platform: account[1]!, accountId: account[2]! };
  const rule = /^rule:(.+)$/.exec(series);
  if (rule) return { kind: "rule", ruleId: rule[1]! };
  return { kind: "other", name: series };
}

/** A platform's name in the viewer's language ("פייסבוק"), or its code when unknown. */
export function platformName(platform: string, t: Translate): string {
  const key = `platform.${platform}`;
  return isMessageKey(key) ? t(key) : platform;
}

/** How account `accountId` of `platform` reads: "@kantina_il", a Page's name, or its id. */
export function accountName(platform: string, accountId: string, accounts: readonly ChannelAccount[]): string {
  const found = accounts.find((a) => a.platform === platform && a.account_id === accountId);
  if (found?.handle) return `@${found.handle}`;
  if (found?.name) return found.name;
  return accountId;
}

/** The series in words: "X account @kantina_il", "Listening rule boycott". */
export function seriesText(series: string, accounts: readonly ChannelAccount[], t: Translate): string {
  const ref = parseSeries(series);
  switch (ref.kind) {
    case "account":
      return t("spike.series.account", { platform: platformName(ref.platform, t), account: accountName(ref.platform, ref.accountId, accounts) });
    case "rule":
      return t("spike.series.rule", { rule: ref.ruleId });
    case "other":
      return ref.name;
  }
}

/** The kind in words: "More messages than usual" / "Unusually negative". */
export function kindText(kind: SpikeAlert["kind"], t: Translate): string {
  return t(kind === "negative_share" ? "spike.kind.negative_share" : "spike.kind.volume");
}

/**
 * What was observed against what was expected: "31 messages in 5 minutes, about 2.5 expected"
 * (volume), "24 negative in 30 minutes, about 6 expected" (negative share); "usually none"
 * when the baseline rounds to nothing.
 */
export function observedText(alert: Pick<SpikeAlert, "kind" | "observed" | "expected">, lang: Lang, t: Translate): string {
  const params = { observed: formatCount(alert.observed, lang), expected: formatDecimal(alert.expected, lang, 1) };
  const none = alert.expected < 0.05;
  if (alert.kind === "negative_share") return t(none ? "spike.observed.negative_share.none" : "spike.observed.negative_share", params);
  return t(none ? "spike.observed.volume.none" : "spike.observed.volume", params);
}
