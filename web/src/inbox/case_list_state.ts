// The rows of the open queue and how a change to one case moves them. Pure functions: the
// inbox's store calls them with each page load and each live event.
import type { Case, CaseDetail, CasePage, CaseRowData, CustomerSummary, MessagePreview } from "../api/types";
import { belongsTo, compareInQueue, type QueueFilters, type QueueId } from "./queues";

export interface CaseListState {
  items: CaseRowData[];
  /** Cursor of the next page; null when every row is loaded. */
  cursor: string | null;
}

export const kEmptyList: CaseListState = { items: [], cursor: null };

export interface QueueContext {
  queue: QueueId;
  filters: QueueFilters;
  me: string;
  now: number;
}

/** Appends a fetched page; rows already present (a live event got there first) are replaced. */
export function appendPage(state: CaseListState, page: CasePage): CaseListState {
  const seen = new Map(page.items.map((c) => [c.id, c]));
  const kept = state.items.filter((c) => !seen.has(c.id));
  return { items: [...kept, ...page.items], cursor: page.next_cursor };
}

/**
 * Applies the case as a live event left it: replaced in place (keeping its summary), removed
 * when it left the queue, inserted in order when it entered it. A case that sorts after the
 * last loaded row while more pages remain is left for those pages.
 * Returns `state` itself when nothing changed.
 */
export function applyCase(state: CaseListState, c: Case, ctx: QueueContext): CaseListState {
  const index = state.items.findIndex((x) => x.id === c.id);
  const listed = index >= 0;
  const belongs = belongsTo(c, ctx.queue, ctx.filters, ctx.me, ctx.now, listed);
  if (!belongs) {
    if (!listed) return state;
    return { ...state, items: state.items.filter((x) => x.id !== c.id) };
  }
  const previous = listed ? state.items[index] : undefined;
  const row: CaseRowData = { ...c, customer: previous?.customer, preview: previous?.preview };
  const rest = listed ? state.items.filter((x) => x.id !== c.id) : state.items;
  const compare = compareInQueue(ctx.queue);
  let at = rest.findIndex((x) => compare(row, x) < 0);
  if (at < 0) {
    if (state.cursor !== null && !listed) return state;
    at = rest.length;
  }
  return { ...state, items: [...rest.slice(0, at), row, ...rest.slice(at)] };
}

/** Sets the summary of row `id` (after a detail fetch); a no-op when the row is gone. */
export function setSummary(
  state: CaseListState,
  id: string,
  customer: CustomerSummary | null,
  preview: MessagePreview | null,
): CaseListState {
  const index = state.items.findIndex((x) => x.id === id);
  if (index < 0) return state;
  const items = state.items.slice();
  items[index] = { ...items[index]!, customer, preview };
  return { ...state, items };
}

/** A row's summary derived from a case's detail: its customer, and its latest inbound message. */
export function summaryOf(detail: CaseDetail): { customer: CustomerSummary | null; preview: MessagePreview | null } {
  const c = detail.customers?.find((x) => x.customer_id === detail.customer_id);
  const customer: CustomerSummary | null = c
    ? {
        id: detail.customer_id,
        platform: c.platform ?? detail.platform,
        platform_user_id: c.id ?? "",
        handle: c.handle ?? "",
        name: c.name ?? "",
        followers: c.followers ?? null,
        verified: c.verified ?? null,
      }
    : null;
  const inbound = (detail.messages ?? []).filter((m) => !m.is_outbound && !m.deleted);
  const last = inbound[inbound.length - 1];
  const chars = Array.from(last?.text ?? "");
  const preview: MessagePreview | null = last
    ? {
        id: last.id ?? "",
        text: chars.slice(0, kPreviewChars).join(""),
        truncated: chars.length > kPreviewChars,
        visibility: last.visibility ?? "public",
        kind: last.kind ?? "post",
        created_at: last.created_at ?? 0,
      }
    : null;
  return { customer, preview };
}

/** The server's preview length, in code points. */
const kPreviewChars = 200;
