// The conversation of a case in the platform's order: the customer's messages and the brand's,
// each marked public or private with its network, and the replies still on their way (held
// for approval, queued, failed) at the time they were written. Every text is rendered as text.
import type { CaseDetail, Customer, Message, Reply } from "../api/types";
import { PlatformIcon } from "../common/PlatformIcon";
import { formatDateTime, formatTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { useDirectory } from "../state/directory";
import { MessageChips } from "./Chips";

type Entry = { at: number; message: Message } | { at: number; reply: Reply };

/**
 * Messages, and the replies whose echo is not among them (held, queued, failed, or sent with
 * the echo not back yet or filed elsewhere), by time (messages first on a tie).
 */
export function threadEntries(messages: Message[], replies: Reply[]): Entry[] {
  const inThread = new Set(messages.map((m) => m.id));
  const pending = replies.filter((r) => !(r.echo_message_id && inThread.has(r.echo_message_id)));
  const entries: Entry[] = [
    ...messages.map((m) => ({ at: m.created_at ?? 0, message: m })),
    ...pending.map((r) => ({ at: r.created_at ?? 0, reply: r })),
  ];
  return entries.sort((a, b) => a.at - b.at || ("message" in a ? -1 : 1) - ("message" in b ? -1 : 1));
}

export function Thread({ detail, replies }: { detail: CaseDetail; replies: Reply[] }) {
  const entries = threadEntries(detail.messages ?? [], replies);
  const customers = new Map((detail.customers ?? []).map((c) => [c.id ?? "", c]));
  return (
    <ol className="thread" data-testid="thread">
      {entries.map((e) =>
        "message" in e ? (
          <MessageItem key={`m${e.message.id}`} message={e.message} author={customers.get(e.message.author?.id ?? "")} />
        ) : (
          <ReplyItem key={`r${e.reply.id}`} reply={e.reply} />
        ),
      )}
    </ol>
  );
}

function MessageItem({ message, author }: { message: Message; author: Customer | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  const who = message.is_outbound
    ? t("case.outbound")
    : author?.name || message.author?.name || (message.author?.handle ? `@${message.author.handle}` : "");
  const visibility = message.visibility ?? "public";
  return (
    <li className={`msg ${message.is_outbound ? "outbound" : "inbound"} ${visibility}`} data-message-id={message.id} data-visibility={visibility}>
      <div className="msg-head">
        {message.platform ? <PlatformIcon platform={message.platform} /> : null}
        <bdi className="msg-author">{who}</bdi>
        {message.author?.handle && !message.is_outbound ? <bdi className="handle">@{message.author.handle}</bdi> : null}
        <span className={`visibility visibility-${visibility}`}>{t(`visibility.${visibility}`)}</span>
        <time dateTime={new Date(message.created_at ?? 0).toISOString()} title={formatDateTime(message.created_at ?? 0, i18n)}>
          {formatTime(message.created_at ?? 0, i18n)}
        </time>
        <MessageChips message={message} />
      </div>
      <div className={`msg-text${message.deleted ? " deleted" : ""}`} dir="auto">
        {message.text}
      </div>
      <div className="msg-foot">
        {message.revisions?.some((r) => r.kind === "edit") ? <span className="mark">{t("case.edited")}</span> : null}
        {message.deleted ? <span className="mark">{t("case.deleted")}</span> : null}
        {message.hidden ? <span className="mark">{t("case.hidden")}</span> : null}
        {message.overheard ? <span className="mark" title={t("case.overheardHint")}>{t("case.overheard")}</span> : null}
        {(message.attachments ?? []).map((a, i) =>
          isWebLink(a) ? (
            <a key={i} className="attachment" href={a.url} target="_blank" rel="noopener noreferrer" dir="ltr">
              {t("case.openSource")}
            </a>
          ) : (
            <span key={i} className="attachment" title={a.url}>
              {t("case.attachment")}: {a.type}
            </span>
          ),
        )}
      </div>
    </li>
  );
}

/** True for a "link" attachment (a feed item's page) with an http(s) URL, shown as a link. */
export function isWebLink(a: { type?: string; url?: string }): boolean {
  return a.type === "link" && /^https?:\/\//i.test(a.url ?? "");
}

function ReplyItem({ reply }: { reply: Reply }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { nameOf } = useDirectory();
  const route = reply.route ?? "public_reply";
  const visibility = route === "public_reply" ? "public" : "private";
  return (
    <li className={`msg outbound reply reply-${reply.status}`} data-reply-id={reply.id} data-reply-status={reply.status} data-visibility={visibility}>
      <div className="msg-head">
        {reply.platform ? <PlatformIcon platform={reply.platform} /> : null}
        <bdi className="msg-author">{t("reply.by", { name: nameOf(reply.author_id) })}</bdi>
        <span className={`visibility visibility-${visibility}`}>{t(`visibility.${visibility}`)}</span>
        <span className={`reply-status status-${reply.status}`}>{t(`reply.${reply.status ?? "queued"}`)}</span>
        <time title={formatDateTime(reply.created_at ?? 0, i18n)}>{formatTime(reply.created_at ?? 0, i18n)}</time>
      </div>
      <div className="msg-text" dir="auto">
        {reply.text}
      </div>
      {reply.review_note ? <div className="msg-foot">{t("reply.note", { note: reply.review_note })}</div> : null}
      {reply.error_text ? <div className="msg-foot error">{reply.error_text}</div> : null}
    </li>
  );
}
