// The SLA board: every active case whose clock is breached, in warning or due within
// 15 minutes, soonest first, grouped by how late it is — kept live like the inbox.
import { CaseList } from "../inbox/CaseList";
import { kNoFilters } from "../inbox/queues";
import { useCaseList } from "../inbox/use_case_list";
import { slaView } from "../common/sla_view";
import { useNow } from "../common/use_now";
import { useI18n } from "../i18n/i18n";
import { inboxHref, navigate } from "../state/router";

const kQueue = { kind: "breaching" } as const;

export function SlaBoardPage() {
  const { t } = useI18n();
  const list = useCaseList(kQueue, kNoFilters);
  const now = useNow(5_000);
  const groups = [
    { tone: "breached", title: t("slaboard.breached") },
    { tone: "warning", title: t("slaboard.warning") },
    { tone: "ok", title: t("slaboard.soon") },
  ] as const;
  return (
    <section className="page sla-board" data-testid="sla-board">
      <h1>{t("slaboard.title")}</h1>
      <div className="sla-columns">
        {groups.map((g) => {
          const items = list.items.filter((c) => slaView(c.sla, now).tone === g.tone);
          return (
            <div key={g.tone} className={`sla-column sla-${g.tone}`}>
              <h2>
                {g.title} <span className="count">{items.length}</span>
              </h2>
              <CaseList
                items={items}
                selectedId={null}
                now={now}
                hasMore={false}
                loading={list.loading}
                onOpen={(id) => navigate(inboxHref("breaching", id))}
                onNearEnd={list.loadMore}
              />
            </div>
          );
        })}
      </div>
    </section>
  );
}
