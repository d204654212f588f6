#include "engine/crisis/crisis_desk.h"

#include <algorithm>

#include "base/log.h"

namespace fr::engine {
namespace {

using domain::crisis::Crisis;
using domain::crisis::CrisisSummary;

}  // namespace

CrisisDesk::CrisisDesk(ports::Store& store, const Clock& clock, CaseDesk& cases, EventHub* hub,
                       CrisisDeskOptions options)
    : store_(store), clock_(clock), cases_(cases), hub_(hub), options_(options) {}

Status CrisisDesk::Load() {
  FR_ASSIGN_OR_RETURN(auto found, store_.crisis().RunningCrisis());
  std::lock_guard lock(mu_);
  running_.reset();
  if (found) {
    auto matcher = std::make_shared<const domain::crisis::CrisisMatcher>(found->first);
    running_ = Current{std::move(found->first), std::move(matcher), found->second};
  }
  return Status::Ok();
}

void CrisisDesk::Publish(CrisisChanged::Kind kind, const Crisis& crisis,
                         std::optional<CrisisSummary> summary) {
  if (hub_ != nullptr) hub_->Publish(CrisisChanged{kind, crisis, std::move(summary)});
}

Result<Crisis> CrisisDesk::Start(std::optional<domain::UserId> actor, Crisis spec) {
  FR_RETURN_IF_ERROR(domain::crisis::ValidateCrisis(spec));
  std::lock_guard sweep(sweep_mu_);
  spec.id = 0;
  spec.started_by = actor;
  spec.started_at = clock_.NowMillis();
  spec.ended_at.reset();
  spec.ended_by.reset();
  FR_ASSIGN_OR_RETURN(std::int64_t from,
                      store_.crisis().LastMessageIdBefore(spec.started_at - options_.lookback_ms));
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(spec.id, txn.crisis().InsertCrisis(spec, from));
    return Status::Ok();
  }));
  {
    std::lock_guard lock(mu_);
    running_ = Current{spec, std::make_shared<const domain::crisis::CrisisMatcher>(spec), from};
  }
  FR_LOG(kWarn, "crisis", "crisis {} \"{}\" started by {}", spec.id, spec.name,
         actor ? "user " + std::to_string(*actor) : std::string("a rule"));
  Publish(CrisisChanged::Kind::kStarted, spec);
  if (auto raised = SweepLocked(); !raised.ok()) {
    FR_LOG(kWarn, "crisis", "first sweep of crisis {} failed: {}", spec.id, raised.status().ToString());
  }
  return spec;
}

Result<Crisis> CrisisDesk::Update(std::int64_t id, const Crisis& changes) {
  FR_RETURN_IF_ERROR(domain::crisis::ValidateCrisis(changes));
  std::lock_guard sweep(sweep_mu_);
  FR_ASSIGN_OR_RETURN(std::optional<Crisis> stored, store_.crisis().GetCrisis(id));
  if (!stored) return Status(Errc::kNotFound, "not_found", "no such crisis");
  if (stored->ended_at) return Status(Errc::kConflict, "crisis_ended", "the crisis has ended");
  Crisis c = *stored;
  c.name = changes.name;
  c.terms = changes.terms;
  c.rule_ids = changes.rule_ids;
  c.holding_statement = changes.holding_statement;
  c.raise_to = changes.raise_to;
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) {
    return txn.crisis().UpdateCrisis(c);
  }));
  {
    std::lock_guard lock(mu_);
    if (running_ && running_->crisis.id == id) {
      running_->crisis = c;
      running_->matcher = std::make_shared<const domain::crisis::CrisisMatcher>(c);
    }
  }
  Publish(CrisisChanged::Kind::kUpdated, c);
  return c;
}

Result<std::pair<Crisis, CrisisSummary>> CrisisDesk::End(domain::UserId actor, std::int64_t id) {
  std::lock_guard sweep(sweep_mu_);
  FR_ASSIGN_OR_RETURN(std::optional<Crisis> stored, store_.crisis().GetCrisis(id));
  if (!stored) return Status(Errc::kNotFound, "not_found", "no such crisis");
  if (stored->ended_at) return Status(Errc::kConflict, "crisis_ended", "the crisis has ended");
  if (auto last = SweepLocked(); !last.ok()) {
    FR_LOG(kWarn, "crisis", "last sweep of crisis {} failed: {}", id, last.status().ToString());
  }
  Crisis c = *stored;
  c.ended_at = clock_.NowMillis();
  c.ended_by = actor;
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) {
    return txn.crisis().UpdateCrisis(c);
  }));
  {
    std::lock_guard lock(mu_);
    running_.reset();
  }
  FR_ASSIGN_OR_RETURN(CrisisSummary summary, SummaryOf(c));
  FR_LOG(kWarn, "crisis", "crisis {} ended by user {}: {} cases, {} messages", id, actor,
         summary.cases, summary.messages);
  Publish(CrisisChanged::Kind::kEnded, c, summary);
  return std::make_pair(std::move(c), summary);
}

std::optional<Crisis> CrisisDesk::Running() const {
  std::lock_guard lock(mu_);
  if (!running_) return std::nullopt;
  return running_->crisis;
}

Result<CrisisSummary> CrisisDesk::SummaryOf(const Crisis& crisis) const {
  const UnixMillis until = crisis.ended_at.value_or(clock_.NowMillis());
  FR_ASSIGN_OR_RETURN(std::vector<ports::CrisisCase> related, store_.crisis().CrisisCases(crisis.id));
  std::vector<domain::crisis::RelatedCase> cases;
  std::vector<domain::crisis::RelatedMessage> messages;
  for (const ports::CrisisCase& rc : related) {
    domain::crisis::RelatedCase c{rc.case_id, rc.joined_at, std::nullopt, 0};
    FR_ASSIGN_OR_RETURN(std::vector<domain::Reply> replies, store_.replies().CaseReplies(rc.case_id));
    for (const domain::Reply& r : replies) {
      if (r.status != domain::ReplyStatus::kSent || r.sent_at < crisis.started_at || r.sent_at > until) {
        continue;
      }
      ++c.replies_sent;
      if (r.sent_at >= rc.joined_at && (!c.first_reply_sent || r.sent_at < *c.first_reply_sent)) {
        c.first_reply_sent = r.sent_at;
      }
    }
    cases.push_back(c);
    FR_ASSIGN_OR_RETURN(std::vector<ports::SweptMessage> during,
                        store_.crisis().CaseMessagesBetween(rc.case_id, crisis.started_at, until + 1));
    for (const ports::SweptMessage& m : during) messages.push_back({m.created_at, m.negative});
  }
  return domain::crisis::Summarize(crisis, cases, messages, until);
}

Result<bool> CrisisDesk::IsRelated(domain::CaseId case_id, std::string_view customer_text) const {
  std::int64_t id = 0;
  std::shared_ptr<const domain::crisis::CrisisMatcher> matcher;
  {
    std::lock_guard lock(mu_);
    if (!running_) return false;
    id = running_->crisis.id;
    matcher = running_->matcher;
  }
  if (matcher->Matches(customer_text, {})) return true;
  return store_.crisis().IsCrisisCase(id, case_id);
}

Result<int> CrisisDesk::Sweep() {
  std::lock_guard sweep(sweep_mu_);
  return SweepLocked();
}

Result<int> CrisisDesk::SweepLocked() {
  std::optional<Current> now;
  {
    std::lock_guard lock(mu_);
    now = running_;
  }
  if (!now) return 0;
  int raised = 0;
  while (true) {
    FR_ASSIGN_OR_RETURN(std::vector<ports::SweptMessage> batch,
                        store_.crisis().CustomerMessagesAfter(now->swept_through, options_.sweep_batch));
    if (batch.empty()) break;
    std::vector<domain::CaseId> joined;
    const UnixMillis at = clock_.NowMillis();
    FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
      joined.clear();
      for (const ports::SweptMessage& m : batch) {
        if (!m.case_id || !now->matcher->Matches(m.text, m.rules)) continue;
        FR_ASSIGN_OR_RETURN(bool added, txn.crisis().AddCrisisCase(now->crisis.id, *m.case_id, at));
        if (added) joined.push_back(*m.case_id);
      }
      return txn.crisis().SetSweptThrough(now->crisis.id, batch.back().id);
    }));
    now->swept_through = batch.back().id;
    for (domain::CaseId id : joined) {
      FR_ASSIGN_OR_RETURN(std::optional<domain::Case> changed,
                          cases_.RaisePriority(id, now->crisis.raise_to,
                                               "crisis:" + std::to_string(now->crisis.id)));
      raised += changed ? 1 : 0;
    }
    if (batch.size() < static_cast<std::size_t>(options_.sweep_batch)) break;
  }
  std::lock_guard lock(mu_);
  if (running_ && running_->crisis.id == now->crisis.id) running_->swept_through = now->swept_through;
  return raised;
}

}  // namespace fr::engine
