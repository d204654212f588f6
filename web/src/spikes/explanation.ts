// A spike's explanation as the supervisor reads it: how many messages and how negative, the
// words far more common than the week before (with their counts and how many times more
// common), the accounts the messages came to, the most-followed writers and sample messages,
// oldest first, each with its case when it has one.
import type { ChannelAccount, SpikeDetail } from "../api/types";
import { formatCount, formatDecimal, formatPercent } from "../i18n/format";
import type { Lang, MessageKey } from "../i18n/messages";
import { accountName, platformName } from "./series";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface TermRow {
  term: string;
  count: string;
  /** "×41", "×2.5"; "" when the server gave no finite ratio. */
  lift: string;
}

export interface SourceRow {
  key: string;
  platform: string;
  account: string;
  count: string;
}

export interface AuthorRow {
  key: string;
  platform: string;
  name: string;
  handle: string;
  followers: string;
  count: string;
}

export interface SampleRow {
  id: string;
  caseId: string | null;
  platform: string;
  author: string;
  handle: string;
  followers: string;
  createdAt: number;
  text: string;
}

export interface ExplanationView {
  /** "31 messages, 24 of them negative (77%)". */
  headline: string;
  terms: TermRow[];
  sources: SourceRow[];
  authors: AuthorRow[];
  samples: SampleRow[];
}

/** How many times more common a term is: "×41" (whole above 10), "×2.5". */
export function liftText(lift: number, lang: Lang): string {
  if (!Number.isFinite(lift) || lift <= 0) return "";
  return `×${formatDecimal(lift, lang, lift >= 10 ? 0 : 1)}`;
}

/** A writer's audience: "48.2K followers", or "—" when the platform does not say. */
export function followersText(followers: number | null, lang: Lang, t: Translate): string {
  return followers === null ? t("dashboard.noValue") : t("customer.followers", { count: formatCount(followers, lang) });
}

/** The view of `detail`'s explanation in `lang`, naming accounts from `accounts`. */
export function explanationView(detail: SpikeDetail, accounts: readonly ChannelAccount[], lang: Lang, t: Translate): ExplanationView {
  const e = detail.explanation;
  const headline =
    e.messages > 0
      ? t("spike.explain.headline", { messages: formatCount(e.messages, lang), negative: formatCount(e.negative, lang), share: formatPercent(e.negative / e.messages, lang) })
      : t("spike.explain.noMessages");
  return {
    headline,
    terms: e.top_terms.map((term) => ({ term: term.term, count: formatCount(term.count, lang), lift: liftText(term.lift, lang) })),
    sources: [...e.sources]
      .sort((a, b) => b.count - a.count)
      .map((s) => ({
        key: `${s.platform}:${s.account_id}`,
        platform: platformName(s.platform, t),
        account: accountName(s.platform, s.account_id, accounts),
        count: formatCount(s.count, lang),
      })),
    authors: e.top_authors.map((a) => ({
      key: `${a.platform}:${a.handle}:${a.name}`,
      platform: platformName(a.platform, t),
      name: a.name || (a.handle ? `@${a.handle}` : ""),
      handle: a.handle && a.name ? `@${a.handle}` : "",
      followers: followersText(a.followers, lang, t),
      count: formatCount(a.count, lang),
    })),
    samples: [...e.samples]
      .sort((a, b) => a.created_at - b.created_at)
      .map((s) => ({
        id: s.id,
        caseId: s.case_id,
        platform: platformName(s.platform, t),
        author: s.author_name || (s.author_handle ? `@${s.author_handle}` : ""),
        handle: s.author_handle && s.author_name ? `@${s.author_handle}` : "",
        followers: followersText(s.author_followers, lang, t),
        createdAt: s.created_at,
        text: s.text,
      })),
  };
}
