// Supervisors' approval queue: each held reply with its case, why it was held, and approve
// (optionally edited, with a note) or reject (with a note for the agent). While a crisis runs,
// every reply on a case about it waits here (reason `crisis`); crisis mode itself is run from
// the crisis page.
import { useCallback, useEffect, useState } from "react";
import { api, ApiError } from "../api/client";
import { isReplyEvent } from "../api/live_events";
import type { Reply } from "../api/types";
import { PlatformIcon } from "../common/PlatformIcon";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { isMessageKey } from "../i18n/messages";
import { useDirectory } from "../state/directory";
import { useLive, useLiveEvents } from "../state/live";
import { inboxHref, navigate } from "../state/router";

export function ApprovalsPage() {
  const { t } = useI18n();
  const { epoch } = useLive();
  const [items, setItems] = useState<Reply[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api
      .get<{ items?: Reply[] }>("/api/v1/approvals")
      .then((r) => setItems(r.items ?? []))
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load, epoch]);

  useLiveEvents((e) => {
    if (!isReplyEvent(e)) return;
    const r = e.reply;
    setItems((list) => {
      const without = list.filter((x) => x.id !== r.id);
      return r.status === "awaiting_approval" ? [...without, r].sort((a, b) => (a.created_at ?? 0) - (b.created_at ?? 0)) : without;
    });
  });

  return (
    <section className="page approvals" data-testid="approvals">
      <header className="page-head">
        <h1>{t("approvals.title")}</h1>
        <a
          className="button"
          href="/crisis"
          onClick={(e) => {
            e.preventDefault();
            navigate("/crisis");
          }}
          data-testid="crisis-link"
        >
          {t("approvals.crisisLink")}
        </a>
      </header>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {items.length === 0 ? <p className="muted">{t("approvals.empty")}</p> : null}
      <ul className="approval-list">
        {items.map((r) => (
          <ApprovalCard key={r.id} reply={r} onDone={(id) => setItems((l) => l.filter((x) => x.id !== id))} onError={setError} />
        ))}
      </ul>
    </section>
  );
}

function ApprovalCard({ reply, onDone, onError }: { reply: Reply; onDone: (id: string) => void; onError: (m: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { nameOf } = useDirectory();
  const [text, setText] = useState(reply.text ?? "");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const id = encodeURIComponent(reply.id ?? "");

  const decide = (verb: "approve" | "reject") => {
    setBusy(true);
    const body = verb === "approve" ? { ...(text !== reply.text ? { text } : {}), ...(note ? { note } : {}) } : { note };
    api
      .post<Reply>(`/api/v1/replies/${id}/${verb}`, body)
      .then(() => onDone(reply.id ?? ""))
      .catch((e: unknown) => onError(e instanceof ApiError ? e.message : String(e)))
      .finally(() => setBusy(false));
  };

  return (
    <li className="approval-card" data-reply-id={reply.id}>
      <div className="msg-head">
        {reply.platform ? <PlatformIcon platform={reply.platform} /> : null}
        <bdi>{t("reply.by", { name: nameOf(reply.author_id) })}</bdi>
        <span>{t(`composer.${reply.route ?? "public_reply"}`)}</span>
        <time>{formatDateTime(reply.created_at ?? 0, i18n)}</time>
        <a
          href={inboxHref("all", reply.case_id)}
          onClick={(e) => {
            e.preventDefault();
            navigate(inboxHref("all", reply.case_id));
          }}
        >
          #{reply.case_id}
        </a>
      </div>
      <p className="reason" data-testid="approval-reason">
        {t("approvals.reason", { reason: reasonText(reply.approval_reason ?? "", t) })}
      </p>
      <label>
        {t("approvals.edit")}
        <textarea dir="auto" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label>
        {t("approvals.note")}
        <input dir="auto" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="actions">
        <button type="button" className="primary" disabled={busy || !text.trim()} onClick={() => decide("approve")} data-testid="approve">
          {t("approvals.approve")}
        </button>
        <button type="button" disabled={busy || !note.trim()} onClick={() => decide("reject")} data-testid="reject">
          {t("approvals.reject")}
        </button>
      </div>
    </li>
  );
}

/** An approval reason in words ("crisis mode", "food poisoning risk"), or its code when unknown. */
function reasonText(code: string, t: ReturnType<typeof useI18n>["t"]): string {
  const key = `reason.${code}`;
  return isMessageKey(key) ? t(key) : code;
}
