// Search and filters over the open queue. The search is sent to the server a moment after
// typing stops.
import { forwardRef, useEffect, useState } from "react";
import type { CaseStatus, Platform } from "../api/types";
import { useI18n } from "../i18n/i18n";
import type { QueueFilters } from "./queues";

const kStatuses: CaseStatus[] = ["new", "open", "pending", "resolved", "closed"];
const kPlatforms: Platform[] = ["x", "facebook", "messenger", "instagram"];
const kSearchDelayMs = 300;

export const FilterBar = forwardRef<HTMLInputElement, { filters: QueueFilters; count: number; onChange: (f: QueueFilters) => void }>(
  function FilterBar({ filters, count, onChange }, searchRef) {
    const { t } = useI18n();
    const [q, setQ] = useState(filters.q);
    useEffect(() => setQ(filters.q), [filters.q]);
    useEffect(() => {
      if (q === filters.q) return;
      const handle = setTimeout(() => onChange({ ...filters, q }), kSearchDelayMs);
      return () => clearTimeout(handle);
    }, [q, filters, onChange]);
    return (
      <div className="filter-bar">
        <input
          ref={searchRef}
          type="search"
          dir="auto"
          value={q}
          placeholder={t("filter.search")}
          aria-label={t("filter.search")}
          onChange={(e) => setQ(e.target.value)}
          data-testid="search"
        />
        <select aria-label={t("filter.status")} value={filters.status} onChange={(e) => onChange({ ...filters, status: e.target.value as CaseStatus | "" })}>
          <option value="">{t("filter.active")}</option>
          {kStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t("filter.platform")} value={filters.platform} onChange={(e) => onChange({ ...filters, platform: e.target.value as Platform | "" })}>
          <option value="">{t("filter.any")}</option>
          {kPlatforms.map((p) => (
            <option key={p} value={p}>
              {t(`platform.${p}`)}
            </option>
          ))}
        </select>
        <span className="count" aria-live="polite">
          {t("list.count", { count })}
        </span>
      </div>
    );
  },
);
