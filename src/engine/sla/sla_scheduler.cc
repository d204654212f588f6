#include "engine/sla/sla_scheduler.h"

#include <string>
#include <vector>

#include "base/log.h"
#include "domain/case_event.h"

namespace fr::engine {

using domain::CaseEvent;
using domain::CaseEventKind;
using domain::sla::CaseSlaClock;
using domain::sla::EscalationAction;
using domain::sla::SlaEventKind;

struct SlaScheduler::Raised {
  domain::Case kase;
  std::vector<CaseEvent> events;
  bool reassign = false;
};

SlaScheduler::SlaScheduler(ports::Store& store, const Clock& clock, const SlaTracker& tracker,
                           RoutingSweep* sweep, SlaSchedulerOptions options,
                           CaseChangeListener listener)
    : store_(store), clock_(clock), tracker_(tracker), sweep_(sweep), options_(options),
      listener_(std::move(listener)), pacer_([this] { return Pass(); }) {}

SlaScheduler::~SlaScheduler() { Stop(); }

Result<int> SlaScheduler::Reconcile() {
  std::lock_guard lock(run_mu_);
  int seen = 0;
  domain::CaseId after = 0;
  while (true) {
    FR_ASSIGN_OR_RETURN(std::vector<domain::CaseId> ids,
                        store_.sla().ActiveCaseIds(after, options_.batch));
    if (ids.empty()) return seen;
    std::vector<ports::WriteUnit> units;
    for (domain::CaseId id : ids) {
      units.push_back([this, id](ports::StoreTxn& txn) -> Status {
        FR_ASSIGN_OR_RETURN(std::optional<domain::Case> c, txn.GetCase(id));
        return c ? tracker_.Track(txn, *c) : Status::Ok();
      });
    }
    for (const Status& s : store_.WriteBatch(units, ports::Durability::kSynced)) {
      FR_RETURN_IF_ERROR(s);
    }
    seen += static_cast<int>(ids.size());
    after = ids.back();
  }
}

Result<SlaScheduler::Raised> SlaScheduler::Raise(const ports::SlaAlert& alert, UnixMillis now) {
  Raised raised;
  Status written = ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    raised = Raised{};
    FR_ASSIGN_OR_RETURN(std::optional<domain::Case> found, txn.GetCase(alert.case_id));
    FR_ASSIGN_OR_RETURN(domain::sla::CaseSlaClocks clocks, txn.sla().GetClocks(alert.case_id));
    std::optional<CaseSlaClock>& slot =
        alert.metric == domain::sla::SlaMetric::kFirstResponse ? clocks.first_response
                                                               : clocks.next_response;
    if (!found || !slot || slot->clock.phase != domain::sla::SlaPhase::kRunning) {
      return Status::Ok();
    }
    CaseSlaClock& clock = *slot;
    const bool breach = alert.kind == SlaEventKind::kBreach;
    const std::optional<UnixMillis> at = breach ? clock.due_at : clock.warn_at;
    if ((breach ? clock.breached : clock.warned) || !at || *at > now) return Status::Ok();
    clock.warned = true;  // a breach makes a later warning pointless
    if (breach) clock.breached = true;
    FR_RETURN_IF_ERROR(txn.sla().PutClock(alert.case_id, clock));
    // A warning whose breach has come too (the server was down) gives way to the breach.
    if (!breach && clock.due_at && *clock.due_at <= now) return Status::Ok();

    domain::Case& c = raised.kase = std::move(*found);
    auto event = [&](CaseEventKind kind, std::string detail) {
      raised.events.push_back(
          CaseEvent{0, c.id, now, kind, std::nullopt, c.assignee, std::move(detail)});
    };
    event(breach ? CaseEventKind::kSlaBreached : CaseEventKind::kSlaWarning,
          std::string(domain::sla::SlaMetricName(alert.metric)));
    const domain::sla::EscalationPlan& plan = tracker_.settings().escalation;
    for (EscalationAction action : breach ? plan.on_breach : plan.on_warning) {
      switch (action) {
        case EscalationAction::kNotifySupervisors:
          event(CaseEventKind::kEscalated, std::string(domain::sla::EscalationActionName(action)));
          break;
        case EscalationAction::kRaisePriority: {
          domain::Priority raised_to = domain::sla::RaisedPriority(c.priority);
          if (raised_to == c.priority) break;
          event(CaseEventKind::kPriorityChanged, std::string(domain::PriorityName(c.priority)) +
                                                     ">" +
                                                     std::string(domain::PriorityName(raised_to)));
          c.priority = raised_to;
          FR_RETURN_IF_ERROR(txn.UpdateCase(c));
          break;
        }
        case EscalationAction::kReassign:
          raised.reassign = c.assignee.has_value();
          break;
      }
    }
    for (CaseEvent& e : raised.events) {
      FR_ASSIGN_OR_RETURN(e.id, txn.work().InsertCaseEvent(e));
    }
    return Status::Ok();
  });
  FR_RETURN_IF_ERROR(written);
  return raised;
}

Result<SlaPassCounts> SlaScheduler::RunOnce() {
  std::lock_guard lock(run_mu_);
  SlaPassCounts counts;
  const UnixMillis now = clock_.NowMillis();
  FR_ASSIGN_OR_RETURN(std::vector<ports::SlaAlert> alerts,
                      store_.sla().DueAlerts(now, options_.batch));
  for (const ports::SlaAlert& alert : alerts) {
    FR_ASSIGN_OR_RETURN(Raised raised, Raise(alert, now));
    if (raised.events.empty()) continue;
    if (alert.kind == SlaEventKind::kBreach) {
      ++counts.breaches;
      FR_LOG(kInfo, "sla", "case {} breached its {} target", alert.case_id,
             domain::sla::SlaMetricName(alert.metric));
    } else {
      ++counts.warnings;
    }
    if (listener_) {
      for (const CaseEvent& e : raised.events) listener_(raised.kase, e);
    }
    if (raised.reassign && sweep_) {
      FR_ASSIGN_OR_RETURN(bool moved, sweep_->Reassign(alert.case_id, "sla_breach"));
      if (moved) ++counts.reassigned;
    }
  }
  return counts;
}

void SlaScheduler::Start() { pacer_.Start(); }

void SlaScheduler::Stop() { pacer_.Stop(); }

void SlaScheduler::Wake() { pacer_.Wake(); }

std::chrono::milliseconds SlaScheduler::Pass() {
  if (Result<SlaPassCounts> r = RunOnce(); !r.ok()) {
    FR_LOG(kWarn, "sla", "SLA pass failed: {}", r.status().ToString());
  }
  return std::chrono::milliseconds(options_.interval);
}

}  // namespace fr::engine
