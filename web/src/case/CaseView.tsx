// The open case: who and where, its clock, the actions on it (take, assign, return, wait,
// resolve, priority), who else is looking, the thread, the customer, and the composer.
import { forwardRef, useImperativeHandle, useRef, useState } from "react";
import { api, ApiError } from "../api/client";
import type { Case, Priority } from "../api/types";
import { PlatformIcon } from "../common/PlatformIcon";
import { SlaBadge } from "../common/SlaBadge";
import { useNow } from "../common/use_now";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { useDirectory } from "../state/directory";
import { useMe } from "../state/session";
import { PriorityChip } from "./Chips";
import { Composer, type ComposerHandle } from "./Composer";
import { CustomerPanel } from "./CustomerPanel";
import { Thread } from "./Thread";
import { useCase } from "./use_case";

export interface CaseViewHandle {
  focusComposer: () => void;
  take: () => void;
  resolve: () => void;
}

const kPriorities: Priority[] = ["low", "normal", "high", "urgent"];

export const CaseView = forwardRef<CaseViewHandle, { caseId: string | null; onOpenCase: (id: string) => void }>(function CaseView(
  { caseId, onOpenCase },
  ref,
) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const directory = useDirectory();
  const now = useNow(5_000);
  const open = useCase(caseId);
  const composer = useRef<ComposerHandle>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const kase = open.detail;
  const supervisor = me.role === "supervisor" || me.role === "admin";

  const act = (path: string, body?: unknown, method: "post" | "patch" = "post") => {
    if (!kase) return;
    setActionError(null);
    const url = `/api/v1/cases/${encodeURIComponent(kase.id)}${path}`;
    (method === "post" ? api.post<Case>(url, body) : api.patch<Case>(url, body))
      .then(() => open.reload())
      .catch((e: unknown) => setActionError(e instanceof ApiError ? e.message : String(e)));
  };
  const take = () => act("/take");
  const resolve = () => act("", { status: "resolved" }, "patch");

  useImperativeHandle(ref, () => ({ focusComposer: () => composer.current?.focus(), take, resolve }));

  if (!caseId) return <section className="case-view empty">{t("case.none")}</section>;
  if (open.error) {
    return <section className="case-view empty">{open.error.status === 404 || open.error.status === 403 ? t("case.notFound") : open.error.message}</section>;
  }
  if (!kase) return <section className="case-view empty">{t("case.loading")}</section>;

  const mine = kase.assignee_id === me.id;
  const active = kase.status === "new" || kase.status === "open" || kase.status === "pending";
  const customer = kase.customers?.find((c) => c.customer_id === kase.customer_id);
  const others = open.activity.filter((a) => a.user_id !== me.id);
  const writers = others.filter((a) => a.activity === "writing").map((a) => directory.nameOf(a.user_id));
  const viewers = others.filter((a) => a.activity === "viewing").map((a) => directory.nameOf(a.user_id));

  return (
    <section className="case-view" aria-label={customer?.name ?? kase.id} data-testid="case-view" data-case-id={kase.id} data-status={kase.status}>
      <header className="case-head">
        <div className="case-title">
          <PlatformIcon platform={kase.platform} />
          <h2>
            <bdi>{customer?.name || (customer?.handle ? `@${customer.handle}` : `#${kase.customer_id}`)}</bdi>
          </h2>
          <span className={`status status-${kase.status}`} data-testid="case-status">
            {t(`status.${kase.status}`)}
          </span>
          <PriorityChip kase={kase} />
          <SlaBadge sla={kase.sla} now={now} />
        </div>
        <div className="case-sub">
          <span>{t("case.opened", { time: formatDateTime(kase.opened_at, i18n) })}</span>
          <span>
            {t("case.team")}: <bdi>{directory.teamById(kase.team_id)?.name ?? "—"}</bdi>
          </span>
          <span data-testid="assignee">
            {t("case.assignee")}: <bdi>{kase.assignee_id ? directory.nameOf(kase.assignee_id) : t("case.unassigned")}</bdi>
          </span>
        </div>
        <div className="case-actions">
          {active && !mine ? (
            <button type="button" onClick={take} data-testid="take">
              {t("case.take")}
            </button>
          ) : null}
          {supervisor && active ? (
            <select
              aria-label={t("case.assignTo")}
              value=""
              onChange={(e) => e.target.value && act("/assign", { user_id: e.target.value })}
              data-testid="assign-to"
            >
              <option value="">{t("case.assignTo")}</option>
              {directory.users
                .filter((u) => u.active !== false && u.id !== kase.assignee_id)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.display_name || u.username}
                  </option>
                ))}
            </select>
          ) : null}
          {active && kase.assignee_id && (mine || supervisor) ? (
            <button type="button" onClick={() => act("/unassign")}>
              {t("case.unassign")}
            </button>
          ) : null}
          {kase.status === "open" && (mine || supervisor) ? (
            <button type="button" onClick={() => act("", { status: "pending" }, "patch")}>
              {t("case.pending")}
            </button>
          ) : null}
          {active && (mine || supervisor) ? (
            <button type="button" onClick={resolve} data-testid="resolve">
              {t("case.resolve")}
            </button>
          ) : null}
          {!active && kase.status === "resolved" && (mine || supervisor) ? (
            <button type="button" onClick={() => act("", { status: "open" }, "patch")}>
              {t("case.reopen")}
            </button>
          ) : null}
          {mine || supervisor ? (
            <select
              aria-label={t("case.priority")}
              value={kase.priority ?? "normal"}
              onChange={(e) => act("", { priority: e.target.value }, "patch")}
            >
              {kPriorities.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          ) : null}
        </div>
        {writers.length || viewers.length ? (
          <p className="collision" role="status" data-testid="collision">
            {writers.length ? t("case.writing", { names: writers.join(", ") }) : t("case.viewing", { names: viewers.join(", ") })}
          </p>
        ) : null}
        {actionError ? (
          <p className="error" role="alert">
            {actionError}
          </p>
        ) : null}
      </header>
      <div className="case-body">
        <div className="case-main">
          <Thread detail={kase} replies={open.replies} />
          <Composer ref={composer} detail={kase} canSend={mine || supervisor} onSent={open.reload} />
        </div>
        <CustomerPanel detail={kase} onOpenCase={onOpenCase} />
      </div>
    </section>
  );
});
