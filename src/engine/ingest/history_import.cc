#include "engine/ingest/history_import.h"

#include <algorithm>
#include <set>
#include <vector>

#include "domain/case_workflow.h"

namespace fr::engine {
namespace {

// Closes the active cases among `ids` at their last activity.
Status CloseCases(ports::Store& store, const std::vector<domain::CaseId>& ids,
                  std::int64_t& closed) {
  std::int64_t closed_here = 0;
  FR_RETURN_IF_ERROR(ports::WriteOne(store, [&](ports::StoreTxn& txn) -> Status {
    closed_here = 0;
    for (domain::CaseId id : ids) {
      FR_ASSIGN_OR_RETURN(std::optional<domain::Case> c, txn.GetCase(id));
      if (!c || !domain::IsActive(c->status)) continue;
      domain::EnterStatus(*c, domain::CaseStatus::kClosed, c->last_activity_at);
      FR_RETURN_IF_ERROR(txn.UpdateCase(*c));
      ++closed_here;
    }
    return Status::Ok();
  }));
  closed += closed_here;
  return Status::Ok();
}

}  // namespace

Result<HistoryImportReport> ImportHistory(ports::Store& store, const Threader& threader,
                                          std::span<const domain::InboundEvent> events,
                                          int batch_size) {
  HistoryImportReport report;
  std::set<domain::CaseId> cases;
  for (std::size_t start = 0; start < events.size(); start += static_cast<std::size_t>(batch_size)) {
    const std::size_t end = std::min(events.size(), start + static_cast<std::size_t>(batch_size));
    std::vector<ports::WriteUnit> units;
    std::vector<ApplyOutcome> outcomes(end - start);
    std::vector<ApplyNotes> notes(end - start);
    for (std::size_t i = start; i < end; ++i) {
      units.push_back([&, i](ports::StoreTxn& txn) -> Status {
        const domain::InboundEvent& e = events[i];
        FR_ASSIGN_OR_RETURN(outcomes[i - start],
                            threader.Apply(txn, e, 0, e.message.created_at, &notes[i - start]));
        return Status::Ok();
      });
    }
    const bool last = end == events.size();
    std::vector<Status> results = store.WriteBatch(
        units, last ? ports::Durability::kSynced : ports::Durability::kDeferred);
    for (std::size_t i = 0; i < results.size(); ++i) {
      if (!results[i].ok()) return results[i];
      switch (outcomes[i]) {
        case ApplyOutcome::kStored: ++report.stored; break;
        case ApplyOutcome::kDuplicate: ++report.duplicates; break;
        case ApplyOutcome::kRevised:
        case ApplyOutcome::kOrphan: ++report.other; break;
      }
      for (const FiledMessage& m : notes[i].messages) cases.insert(m.kase.id);
    }
  }
  report.cases = static_cast<std::int64_t>(cases.size());
  const std::vector<domain::CaseId> ids(cases.begin(), cases.end());
  for (std::size_t start = 0; start < ids.size(); start += static_cast<std::size_t>(batch_size)) {
    const std::size_t end = std::min(ids.size(), start + static_cast<std::size_t>(batch_size));
    FR_RETURN_IF_ERROR(CloseCases(store, {ids.begin() + start, ids.begin() + end},
                                  report.cases_closed));
  }
  return report;
}

}  // namespace fr::engine
