// The queue's rows in a virtual list: only the rows in view (plus a few) are in the DOM, so
// ten thousand cases scroll as smoothly as ten. The selected row is kept in view. Positions
// are set through React's style prop, which writes the CSSOM and so passes the page's CSP
// (style-src 'self' forbids style attributes in markup, not CSSOM writes).
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { CaseRowData } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { CaseRow } from "./CaseRow";

const kRowHeight = 84;

export function CaseList({
  items,
  selectedId,
  now,
  hasMore,
  loading,
  onOpen,
  onNearEnd,
}: {
  items: CaseRowData[];
  selectedId: string | null;
  now: number;
  hasMore: boolean;
  loading: boolean;
  onOpen: (id: string) => void;
  onNearEnd: () => void;
}) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => kRowHeight,
    overscan: 8,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const last = virtualRows[virtualRows.length - 1];

  useEffect(() => {
    if (hasMore && !loading && last && last.index >= items.length - 20) onNearEnd();
  }, [hasMore, loading, last, items.length, onNearEnd]);

  const selectedIndex = selectedId ? items.findIndex((c) => c.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedIndex, virtualizer]);

  return (
    <div className="case-list" ref={scroller} role="listbox" aria-label={t("nav.inbox")} data-testid="case-list" tabIndex={-1}>
      <div className="case-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualRows.map((row) => {
          const item = items[row.index]!;
          return (
            <div key={row.key} className="case-list-slot" style={{ transform: `translateY(${row.start}px)` }}>
              <CaseRow item={item} selected={item.id === selectedId} now={now} onOpen={onOpen} />
            </div>
          );
        })}
      </div>
      {items.length === 0 && !loading ? <p className="empty">{t("list.empty")}</p> : null}
      {loading ? <p className="loading">{t("list.loading")}</p> : null}
    </div>
  );
}
