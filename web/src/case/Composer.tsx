// Writing the answer: the network's own ways to reply, a live length count, the signature as
// it will go out, the server's review of the draft (capability, length, generic wording,
// approval) and sending. Move-to-private writes a short public acknowledgement and the
// details in private as one action. While a crisis runs, its holding statement goes into the
// draft with one button, at the cursor.
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from "react";
import { api, ApiError } from "../api/client";
import type { CaseDetail, DraftReview, Reply, ReplyRoute } from "../api/types";
import { insertStatement } from "../crisis/holding_statement";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { useCrisis } from "../state/crisis";
import { limitFor, loadWeightedCounter, measure, modesFor, privateRouteFor, type ComposerMode } from "./composer_logic";
import { useDraft } from "./use_draft";

export interface ComposerHandle {
  focus: () => void;
}

const kReviewDelayMs = 350;
const kWritingEveryMs = 30_000;

export const Composer = forwardRef<ComposerHandle, { detail: CaseDetail; canSend: boolean; onSent: () => void }>(function Composer(
  { detail, canSend, onSent },
  ref,
) {
  const i18n = useI18n();
  const { t } = i18n;
  const modes = modesFor(detail.platform);
  const { draft, setDraft, status: draftStatus, clear } = useDraft(detail.id, modes[0]!);
  const mode: ComposerMode = modes.includes(draft.route) ? draft.route : modes[0]!;
  const [reviews, setReviews] = useState<{ main?: DraftReview; pub?: DraftReview; priv?: DraftReview }>({});
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: "ok" | "held" | "error"; text: string } | null>(null);
  const [, setCounterReady] = useState(false);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const areas = useRef<Partial<Record<"main" | "pub" | "priv", HTMLTextAreaElement | null>>>({});
  const lastPart = useRef<"main" | "pub" | "priv" | null>(null);
  const lastWriting = useRef(0);
  const { running: crisis } = useCrisis();

  useImperativeHandle(ref, () => ({ focus: () => textArea.current?.focus() }), []);

  useEffect(() => {
    if (detail.platform === "x") void loadWeightedCounter().then(() => setCounterReady(true));
  }, [detail.platform]);

  const parts = useMemo(
    () =>
      mode === "move_to_private"
        ? [
            { key: "pub" as const, route: "public_reply" as ReplyRoute, text: draft.public_text },
            { key: "priv" as const, route: privateRouteFor(detail.platform), text: draft.private_text },
          ]
        : [{ key: "main" as const, route: mode, text: draft.text }],
    [mode, draft, detail.platform],
  );

  // The server's review of each part, a moment after typing stops.
  useEffect(() => {
    if (!canSend) return;
    const handle = setTimeout(() => {
      for (const part of parts) {
        if (!part.text.trim()) {
          setReviews((r) => ({ ...r, [part.key]: undefined }));
          continue;
        }
        api
          .post<DraftReview>(`/api/v1/cases/${encodeURIComponent(detail.id)}/replies/check`, { route: part.route, text: part.text })
          .then((review) => setReviews((r) => ({ ...r, [part.key]: review })))
          .catch(() => undefined);
      }
    }, kReviewDelayMs);
    return () => clearTimeout(handle);
  }, [parts, canSend, detail.id]);

  const change = (patch: Partial<typeof draft>) => {
    setDraft({ ...draft, route: mode, ...patch });
    setOutcome(null);
    const now = Date.now();
    if (now - lastWriting.current > kWritingEveryMs) {
      lastWriting.current = now;
      void api.put(`/api/v1/cases/${encodeURIComponent(detail.id)}/activity`, { activity: "writing" }).catch(() => undefined);
    }
  };

  // The holding statement goes where the agent last wrote (the public part when moving to
  // private: it is what may be said in public), at the cursor, which then follows it.
  const insertHolding = () => {
    if (!crisis?.holding_statement) return;
    const target = parts.find((p) => p.key === lastPart.current) ?? parts[0]!;
    const area = areas.current[target.key];
    const at = area && lastPart.current === target.key ? { start: area.selectionStart, end: area.selectionEnd } : { start: target.text.length, end: target.text.length };
    const { text, caret } = insertStatement(target.text, crisis.holding_statement, at.start, at.end);
    change(target.key === "main" ? { text } : target.key === "pub" ? { public_text: text } : { private_text: text });
    setTimeout(() => {
      area?.focus();
      area?.setSelectionRange(caret, caret);
    }, 0);
  };

  const blocked = parts.some((p) => {
    const review = reviews[p.key];
    return !p.text.trim() || review?.capability?.verdict === "denied" || !!review?.validation;
  });

  const send = async () => {
    if (blocked || sending || !canSend) return;
    setSending(true);
    setOutcome(null);
    const base = `/api/v1/cases/${encodeURIComponent(detail.id)}`;
    try {
      let stored: Reply[];
      if (mode === "move_to_private") {
        const pair = await api.post<{ public: Reply; private: Reply }>(`${base}/move-to-private`, {
          public_text: draft.public_text,
          private_text: draft.private_text,
        });
        stored = [pair.public, pair.private];
      } else {
        stored = [await api.post<Reply>(`${base}/replies`, { route: mode, text: draft.text })];
      }
      clear(mode);
      setReviews({});
      const held = stored.some((r) => r.status === "awaiting_approval");
      setOutcome({ kind: held ? "held" : "ok", text: t(held ? "composer.held" : "composer.sent") });
      onSent();
    } catch (e) {
      setOutcome({ kind: "error", text: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  };

  if (!canSend) {
    return (
      <div className="composer composer-disabled" data-testid="composer">
        <p>{t("composer.notAssignee")}</p>
      </div>
    );
  }

  return (
    <form
      className="composer"
      data-testid="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div className="composer-modes" role="radiogroup" aria-label={t("composer.route")}>
        {modes.map((m) => (
          <label key={m} className={m === mode ? "active" : ""}>
            <input type="radio" name="mode" value={m} checked={m === mode} onChange={() => change({ route: m })} />
            {t(`composer.${m}`)}
          </label>
        ))}
      </div>
      {parts.map((part) => {
        const review = reviews[part.key];
        const limit = limitFor(detail.platform, part.route);
        const counted = review?.final_text ?? part.text;
        const used = measure(counted, limit);
        const over = used - limit.max;
        const label = mode === "move_to_private" ? t(part.key === "pub" ? "composer.publicPart" : "composer.privatePart") : t(`composer.${part.route}`);
        return (
          <div className="composer-part" key={part.key} data-part={part.key}>
            <label className="composer-label">
              <span>{label}</span>
              <textarea
                ref={(el) => {
                  areas.current[part.key] = el;
                  if (part.key !== "priv") textArea.current = el;
                }}
                onFocus={() => (lastPart.current = part.key)}
                dir="auto"
                rows={part.key === "pub" ? 2 : 4}
                value={part.text}
                placeholder={t("composer.placeholder")}
                onKeyDown={onKeyDown}
                onChange={(e) =>
                  change(part.key === "main" ? { text: e.target.value } : part.key === "pub" ? { public_text: e.target.value } : { private_text: e.target.value })
                }
              />
            </label>
            <div className="composer-meta">
              <span className={`counter${over > 0 ? " over" : ""}`} data-testid="counter">
                {over > 0 ? t("composer.over", { over }) : t("composer.count", { used, max: limit.max })}
              </span>
              {review?.final_text && review.signed ? (
                <span className="signature-preview">
                  {t("composer.signature")} <bdi dir="auto">{review.final_text}</bdi>
                </span>
              ) : null}
            </div>
            <ReviewNotes review={review} />
          </div>
        );
      })}
      <div className="composer-actions">
        {crisis?.holding_statement ? (
          <button type="button" className="holding-insert" onClick={insertHolding} data-testid="insert-holding" title={crisis.holding_statement}>
            {t("composer.insertHolding")}
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={blocked || sending} data-testid="send">
          {sending ? t("composer.sending") : t("composer.send")}
        </button>
        <span className="draft-status" data-testid="draft-status">
          {draftStatus === "saving" ? t("composer.draftSaving") : draftStatus === "saved" ? t("composer.draftSaved") : ""}
        </span>
        {outcome ? (
          <span className={`outcome outcome-${outcome.kind}`} role="status" data-testid="outcome">
            {outcome.text}
          </span>
        ) : null}
      </div>
    </form>
  );
});

/** The server's findings on a draft part: what blocks it, what to reconsider, who must approve. */
function ReviewNotes({ review }: { review: DraftReview | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!review) return null;
  const cap = review.capability;
  return (
    <ul className="review" data-testid="review">
      {cap?.verdict === "denied" ? <li className="denied">{t("composer.denied", { reason: cap.message ?? cap.code ?? "" })}</li> : null}
      {cap?.verdict === "needs_tag" ? <li className="note">{t("composer.needsTag", { tag: cap.tag ?? "" })}</li> : null}
      {cap?.open_until ? <li className="note">{t("composer.openUntil", { time: formatDateTime(cap.open_until, i18n) })}</li> : null}
      {review.validation ? <li className="denied">{review.validation.message}</li> : null}
      {(review.warnings ?? []).map((w) => (
        <li className="warning" key={w.code} data-code={w.code}>
          {w.message}
        </li>
      ))}
      {review.approval_reasons?.length ? (
        <li className="approval" data-testid="needs-approval">
          {t("composer.needsApproval", { reasons: review.approval_reasons.map((r) => r.message ?? r.code).join("; ") })}
        </li>
      ) : null}
    </ul>
  );
}
