#include "engine/metrics/metrics_keeper.h"

#include <algorithm>
#include <vector>

namespace fr::engine {

using domain::metrics::CaseFacts;
using domain::metrics::kRepeatComplaintWindowMs;

Status MetricsKeeper::RefreshOne(ports::StoreTxn& txn, domain::CaseId id,
                                 domain::metrics::RollupDelta& delta,
                                 std::set<domain::CaseId>* follow_ups) const {
  ports::MetricsTxn& metrics = txn.metrics();
  FR_ASSIGN_OR_RETURN(std::optional<ports::CaseFactSource> source, metrics.LoadCaseFactSource(id));
  if (!source) return Status::Ok();
  const domain::Case& c = source->kase;

  domain::metrics::CaseFactInputs in;
  in.kase = &c;
  in.timeline = std::move(source->timeline);
  in.opening = source->opening ? &*source->opening : nullptr;
  in.opening_rules = std::move(source->opening_rules);
  in.opening_topic = std::move(source->opening_topic);
  in.clocks = &source->clocks;
  in.calendar = &calendar_of_(c.team);
  in.resolved_at = source->resolved_at;
  if (source->opening && source->opening->intent == domain::Intent::kComplaint) {
    FR_ASSIGN_OR_RETURN(in.earlier_complaint_in_window,
                        metrics.HasComplaintCase(c.customer_id,
                                                 c.opened_at - kRepeatComplaintWindowMs,
                                                 c.opened_at, c.id));
  }
  const CaseFacts facts = domain::metrics::MakeCaseFacts(in);

  FR_ASSIGN_OR_RETURN(std::optional<CaseFacts> old, metrics.GetCaseFacts(id));
  if (old == facts) return Status::Ok();
  delta.Replace(old, facts);
  FR_RETURN_IF_ERROR(metrics.PutCaseFacts(facts));

  const bool was_complaint = old && old->complaint;
  if (follow_ups != nullptr && was_complaint != facts.complaint) {
    FR_ASSIGN_OR_RETURN(std::vector<domain::CaseId> later,
                        metrics.CustomerCasesOpened(c.customer_id, c.opened_at,
                                                    c.opened_at + kRepeatComplaintWindowMs));
    follow_ups->insert(later.begin(), later.end());
  }
  return Status::Ok();
}

Status MetricsKeeper::Refresh(ports::StoreTxn& txn, std::span<const domain::CaseId> cases) const {
  domain::metrics::RollupDelta delta;
  std::set<domain::CaseId> follow_ups;
  for (domain::CaseId id : cases) FR_RETURN_IF_ERROR(RefreshOne(txn, id, delta, &follow_ups));
  for (domain::CaseId id : follow_ups) {
    if (std::find(cases.begin(), cases.end(), id) != cases.end()) continue;
    FR_RETURN_IF_ERROR(RefreshOne(txn, id, delta, nullptr));
  }
  for (const auto& [key, change] : delta.Changes()) {
    FR_RETURN_IF_ERROR(txn.metrics().AddToRollup(key, change));
  }
  return Status::Ok();
}

Result<std::int64_t> MetricsKeeper::Rebuild(ports::Store& store, int batch_size) const {
  FR_RETURN_IF_ERROR(ports::WriteOne(store, [](ports::StoreTxn& txn) {
    return txn.metrics().ClearAll();
  }));
  std::int64_t done = 0;
  domain::CaseId after = 0;
  while (true) {
    FR_ASSIGN_OR_RETURN(std::vector<domain::CaseId> ids,
                        store.metrics().CaseIdsAfter(after, batch_size));
    if (ids.empty()) return done;
    FR_RETURN_IF_ERROR(ports::WriteOne(store, [&](ports::StoreTxn& txn) {
      return Refresh(txn, ids);
    }));
    done += static_cast<std::int64_t>(ids.size());
    after = ids.back();
  }
}

}  // namespace fr::engine
