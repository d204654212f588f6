// The SLA countdown chip: green while on track, amber from the warning, red once breached.
import type { SlaReading } from "../api/types";
import { formatDateTime, formatDuration } from "../i18n/format";
import { useI18n } from "../i18n/i18n";
import { slaView } from "./sla_view";

export function SlaBadge({ sla, now }: { sla: SlaReading | null | undefined; now: number }) {
  const i18n = useI18n();
  const view = slaView(sla, now);
  const amount = view.remainingMs === null ? "" : formatDuration(view.remainingMs, i18n.lang);
  const label = i18n.t(view.key, { left: amount, late: amount });
  const metric = sla?.metric ? i18n.t(`sla.${sla.metric}`) : "";
  const title = sla?.due_at ? `${metric} · ${formatDateTime(sla.due_at, i18n)}` : metric;
  return (
    <span className={`sla sla-${view.tone}`} data-sla={view.tone} title={title} role="timer">
      {label}
    </span>
  );
}
