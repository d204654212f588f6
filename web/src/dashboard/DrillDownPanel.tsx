// The cases behind a figure, a bar or a row: a page at a time with "more", each linked to its
// case, and the whole list as a CSV download with the same scope. Escape or "close" hides it.
import { useEffect, useRef } from "react";
import type { CaseFacts } from "../api/types";
import { formatDateTime, formatSeconds } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { useDirectory } from "../state/directory";
import { inboxHref, navigate } from "../state/router";
import { failureText } from "../settings/listening_rules";
import { groupName } from "./breakdown";
import { casesCsvHref, type MetricsScope } from "./metrics_query";
import { useDrillDown } from "./use_drill_down";

export interface DrillDownPanelProps {
  /** What the cases are behind, as the viewer reads it ("Cases, 17 Nov – 23 Nov"). */
  title: string;
  scope: MetricsScope;
  onClose: () => void;
}

export function DrillDownPanel({ title, scope, onClose }: DrillDownPanelProps) {
  const { lang, timeZone, t } = useI18n();
  const { teamById, nameOf } = useDirectory();
  const list = useDrillDown(scope);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [scope]);

  const seconds = (s: number | null | undefined) => (s === null || s === undefined ? t("dashboard.noValue") : formatSeconds(s, lang));
  const named = (dimension: "platform" | "language", value: string) => groupName(dimension, { group: value, label: value }, lang, t);
  const row = (c: CaseFacts) => {
    const href = inboxHref("all", c.case_id);
    return (
      <tr key={c.case_id} data-case={c.case_id}>
        <th scope="row">
          <a
            href={href}
            aria-label={t("drill.open", { id: c.case_id ?? "" })}
            onClick={(e) => {
              e.preventDefault();
              navigate(href);
            }}
          >
            #{c.case_id}
          </a>
        </th>
        <td>{c.opened_at === undefined ? "" : formatDateTime(c.opened_at, { lang, timeZone })}</td>
        <td>{named("platform", c.platform ?? "")}</td>
        <td>
          <bdi>{c.team ? (teamById(c.team)?.name ?? `#${c.team}`) : t("dashboard.none")}</bdi>
        </td>
        <td>
          <bdi>{c.agent ? nameOf(c.agent) : t("dashboard.none")}</bdi>
        </td>
        <td>{seconds(c.first_response_s)}</td>
        <td>{seconds(c.resolution_s)}</td>
        <td className={`sla-outcome sla-outcome-${c.first_response_sla ?? "none"}`}>{t(`drill.sla.${c.first_response_sla ?? "none"}`)}</td>
        <td>{c.sentiment ? t(`sentiment.${c.sentiment}`) : t("dashboard.noValue")}</td>
      </tr>
    );
  };

  return (
    <aside className="drill" aria-labelledby="drill-title" data-testid="drill" onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <header className="drill-head">
        <h2 id="drill-title" ref={heading} tabIndex={-1}>
          {t("drill.title", { scope: title })}
        </h2>
        <a className="button" href={casesCsvHref(scope)} download data-testid="drill-csv">
          {t("drill.csv")}
        </a>
        <button type="button" onClick={onClose} data-testid="drill-close">
          {t("drill.close")}
        </button>
      </header>
      {list.error ? (
        <p className="error" role="alert">
          {t("dashboard.loadError", { message: failureText(list.error, t("error.network")) })}
        </p>
      ) : null}
      {list.items.length === 0 ? (
        <p className="muted">{list.loading ? t("drill.loading") : t("drill.empty")}</p>
      ) : (
        <table className="grid drill-table">
          <thead>
            <tr>
              <th scope="col">{t("drill.case")}</th>
              <th scope="col">{t("drill.opened")}</th>
              <th scope="col">{t("filter.platform")}</th>
              <th scope="col">{t("case.team")}</th>
              <th scope="col">{t("case.assignee")}</th>
              <th scope="col">{t("drill.firstResponse")}</th>
              <th scope="col">{t("drill.resolution")}</th>
              <th scope="col">{t("drill.sla")}</th>
              <th scope="col">{t("label.sentiment")}</th>
            </tr>
          </thead>
          <tbody>{list.items.map(row)}</tbody>
        </table>
      )}
      <footer className="drill-foot">
        <span className="muted" aria-live="polite">
          {list.items.length > 0 ? t("drill.count", { count: list.items.length }) : ""}
        </span>
        {list.hasMore ? (
          <button type="button" onClick={list.more} disabled={list.loading} data-testid="drill-more">
            {t("drill.more")}
          </button>
        ) : null}
      </footer>
    </aside>
  );
}
