// Who the customer is: name, handle, reach, and their earlier cases with the brand.
import { useEffect, useState } from "react";
import { api } from "../api/client";
import type { CaseDetail, CasePage, CaseListItem } from "../api/types";
import { PlatformIcon } from "../common/PlatformIcon";
import { formatCount, formatTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";

export function CustomerPanel({ detail, onOpenCase }: { detail: CaseDetail; onOpenCase: (id: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const customer = detail.customers?.find((c) => c.customer_id === detail.customer_id);
  const [earlier, setEarlier] = useState<CaseListItem[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    setEarlier(null);
    api
      .get<CasePage>("/api/v1/cases", { customer: detail.customer_id, limit: "20" })
      .then((page) => !cancelled && setEarlier(page.items.filter((c) => c.id !== detail.id)))
      .catch(() => !cancelled && setEarlier([]));
    return () => {
      cancelled = true;
    };
  }, [detail.customer_id, detail.id]);

  return (
    <aside className="customer-panel" aria-label={t("customer.title")} data-testid="customer-panel">
      <h3>{t("customer.title")}</h3>
      <div className="customer-id">
        <PlatformIcon platform={detail.platform} />
        <bdi className="customer-name">{customer?.name || customer?.handle || `#${detail.customer_id}`}</bdi>
      </div>
      {customer?.handle ? <bdi className="handle">@{customer.handle}</bdi> : null}
      {customer?.followers != null ? (
        <p className="followers" data-testid="followers">
          {t("customer.followers", { count: formatCount(customer.followers, i18n.lang) })}
        </p>
      ) : null}
      {customer?.verified ? <span className="chip chip-verified">{t("customer.verified")}</span> : null}
      <h4>{t("customer.earlier")}</h4>
      {earlier === null ? (
        <p className="loading">{t("list.loading")}</p>
      ) : earlier.length === 0 ? (
        <p className="muted">{t("customer.noEarlier")}</p>
      ) : (
        <ul className="earlier">
          {earlier.map((c) => (
            <li key={c.id}>
              <button type="button" className="link" onClick={() => onOpenCase(c.id)}>
                <span className={`status status-${c.status}`}>{t(`status.${c.status}`)}</span> {formatTime(c.opened_at, i18n)}
                {c.preview?.text ? (
                  <span className="earlier-preview" dir="auto">
                    {" "}
                    {c.preview.text}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
