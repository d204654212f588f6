// The unified inbox: queues, the open queue's rows, and the open case beside them. The queue,
// filters and open case live in the URL, so a link or a reload opens the same view.
import { useCallback, useMemo, useRef } from "react";
import { CaseView, type CaseViewHandle } from "../case/CaseView";
import { useShortcuts } from "../common/shortcuts";
import { useNow } from "../common/use_now";
import { useI18n } from "../i18n/i18n";
import { navigate, type Route } from "../state/router";
import { CaseList } from "./CaseList";
import { FilterBar } from "./FilterBar";
import { QueueNav } from "./QueueNav";
import { parseQueueKey, queueKey, type QueueFilters, type QueueId } from "./queues";
import { useCaseList } from "./use_case_list";
import type { CaseStatus, Platform } from "../api/types";

export function InboxPage({ route, onHelp }: { route: Route; onHelp: () => void }) {
  const { t } = useI18n();
  const queue = useMemo(() => parseQueueKey(route.params.get("queue")), [route.params]);
  const filters = useMemo<QueueFilters>(
    () => ({
      q: route.params.get("q") ?? "",
      status: (route.params.get("status") ?? "") as CaseStatus | "",
      platform: (route.params.get("platform") ?? "") as Platform | "",
    }),
    [route.params],
  );
  const caseId = route.params.get("case");
  const list = useCaseList(queue, filters);
  const now = useNow();
  const caseView = useRef<CaseViewHandle>(null);
  const search = useRef<HTMLInputElement>(null);

  const go = useCallback((q: QueueId, f: QueueFilters, id: string | null, replace = false) => {
    const params = new URLSearchParams();
    params.set("queue", queueKey(q));
    if (f.q) params.set("q", f.q);
    if (f.status) params.set("status", f.status);
    if (f.platform) params.set("platform", f.platform);
    if (id) params.set("case", id);
    navigate(`/?${params.toString()}`, replace);
  }, []);

  const openCase = useCallback((id: string) => go(queue, filters, id), [go, queue, filters]);

  useShortcuts((action) => {
    const index = caseId ? list.items.findIndex((c) => c.id === caseId) : -1;
    switch (action) {
      case "next": {
        const next = list.items[Math.min(index + 1, list.items.length - 1)];
        if (next) go(queue, filters, next.id, true);
        break;
      }
      case "prev": {
        const prev = list.items[Math.max(index - 1, 0)];
        if (prev) go(queue, filters, prev.id, true);
        break;
      }
      case "reply":
        caseView.current?.focusComposer();
        break;
      case "assign":
        caseView.current?.take();
        break;
      case "resolve":
        caseView.current?.resolve();
        break;
      case "search":
        search.current?.focus();
        break;
      case "help":
        onHelp();
        break;
    }
  });

  return (
    <div className="inbox">
      <QueueNav current={queue} onChoose={(q) => go(q, filters, null)} />
      <div className="inbox-list">
        <FilterBar ref={search} filters={filters} count={list.items.length} onChange={(f) => go(queue, f, caseId, true)} />
        {list.error ? (
          <p className="error" role="alert">
            {t("list.error", { message: list.error })}
          </p>
        ) : null}
        <CaseList
          items={list.items}
          selectedId={caseId}
          now={now}
          hasMore={list.cursor !== null}
          loading={list.loading}
          onOpen={openCase}
          onNearEnd={list.loadMore}
        />
      </div>
      <CaseView ref={caseView} caseId={caseId} onOpenCase={openCase} />
    </div>
  );
}
