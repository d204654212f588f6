// One inbox row: who, on which network, what they wrote last, how long the clock has left.
// Customer text is rendered as text (React escapes it) with dir="auto" so Hebrew and English
// each read in their own direction.
import { memo } from "react";
import type { CaseRowData } from "../api/types";
import { PlatformIcon } from "../common/PlatformIcon";
import { SlaBadge } from "../common/SlaBadge";
import { formatTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { useDirectory } from "../state/directory";

/** Memoised: scrolling re-renders only the rows that enter the view, not those in it. */
export const CaseRow = memo(function CaseRow({
  item,
  selected,
  now,
  onOpen,
}: {
  item: CaseRowData;
  selected: boolean;
  now: number;
  onOpen: (id: string) => void;
}) {
  const i18n = useI18n();
  const { nameOf } = useDirectory();
  const who = item.customer?.name || (item.customer?.handle ? `@${item.customer.handle}` : `#${item.customer_id}`);
  const priority = item.priority ?? "normal";
  return (
    <div
      className={`case-row${selected ? " selected" : ""} row-${item.status} row-priority-${priority}`}
      role="option"
      aria-selected={selected}
      data-case-id={item.id}
      onClick={() => onOpen(item.id)}
    >
      <div className="case-row-top">
        <PlatformIcon platform={item.platform} />
        <bdi className="case-row-who">{who}</bdi>
        {priority === "high" || priority === "urgent" ? <span className={`chip chip-priority-${priority}`}>{i18n.t(`priority.${priority}`)}</span> : null}
        <span className="case-row-time" title={new Date(item.last_activity_at).toISOString()}>
          {formatTime(item.last_activity_at, i18n, now)}
        </span>
      </div>
      <div className="case-row-preview" dir="auto">
        {item.preview?.visibility === "private" ? <span className="lock" aria-label={i18n.t("visibility.private")}>🔒 </span> : null}
        {item.preview?.text ?? ""}
      </div>
      <div className="case-row-bottom">
        <span className={`status status-${item.status}`}>{i18n.t(`status.${item.status}`)}</span>
        <bdi className="case-row-assignee">{item.assignee_id ? nameOf(item.assignee_id) : i18n.t("case.unassigned")}</bdi>
        <SlaBadge sla={item.sla} now={now} />
      </div>
    </div>
  );
});
