#include "engine/outbox/outbox.h"

#include <algorithm>
#include <chrono>

#include "base/log.h"
#include "engine/outbox/echo_matcher.h"
#include "base/secrets.h"

namespace fr::engine {
namespace {

using domain::Reply;
using domain::ReplyStatus;
using ports::ReplyAuditAction;
using ports::ReplyAuditEntry;

ports::OutboundReply ToOutbound(const Reply& r) {
  ports::OutboundReply out;
  out.idempotency_key = r.idempotency_key;
  out.platform = r.platform;
  out.account_id = r.account_id;
  out.route = r.route;
  out.in_reply_to = r.in_reply_to;
  out.recipient_id = r.recipient_id;
  out.text = r.text;
  out.message_tag = r.message_tag;
  return out;
}

// An audit entry for `r` as it is now, by `actor` (nullopt: the system).
ReplyAuditEntry Entry(const Reply& r, ReplyAuditAction action, UnixMillis at,
                      std::optional<domain::UserId> actor = std::nullopt) {
  ReplyAuditEntry e;
  e.reply_id = r.id;
  e.case_id = r.case_id;
  e.at = at;
  e.actor = actor;
  e.action = action;
  e.text = r.text;
  e.platform_id = r.platform_id;
  e.error_code = r.error_code;
  e.error_text = r.error_text;
  return e;
}

std::optional<domain::UserId> ActorOf(domain::UserId user) {
  return user != 0 ? std::optional<domain::UserId>(user) : std::nullopt;
}

bool IsUnmoved(const Reply& now, const Reply& seen) {
  return now.status == seen.status && now.attempts == seen.attempts &&
         now.next_attempt_at == seen.next_attempt_at;
}

struct CounterName {
  const char* name;
  const char* help;
};
const CounterName kSentCounter{"feedroom_outbox_sent_total", "Replies the platforms accepted."};
const CounterName kRetriedCounter{"feedroom_outbox_retried_total",
                                  "Send attempts to be retried, by reason."};
const CounterName kFailedCounter{"feedroom_outbox_failed_total",
                                 "Replies that failed for good, by reason."};

// Adds one to `counter`{platform, reason}; no reason label when `reason` is empty.
void Count(metrics::Registry& metrics, const CounterName& counter, domain::Platform platform,
           std::string_view reason) {
  metrics::Labels labels{{"platform", std::string(domain::PlatformName(platform))}};
  if (!reason.empty()) labels.emplace_back("reason", std::string(reason));
  metrics.GetCounter(counter.name, counter.help, labels)->Add();
}

std::uint64_t Seed(std::uint64_t configured) {
  return configured != 0 ? configured : std::random_device{}();
}

}  // namespace

Outbox::Outbox(ports::Store& store, const Clock& clock,
               std::vector<const ports::ReplyGateway*> gateways, OutboxOptions options,
               metrics::Registry& metrics, ReplyListener listener)
    : store_(store),
      clock_(clock),
      gateways_(std::move(gateways)),
      options_(options),
      metrics_(metrics),
      listener_(std::move(listener)),
      jitter_(Seed(options.jitter_seed)),
      pacer_([this] { return Pass(); }) {}

Outbox::~Outbox() { Stop(); }

const ports::ReplyGateway* Outbox::GatewayFor(domain::Platform platform) const {
  for (const ports::ReplyGateway* g : gateways_) {
    if (g->Handles(platform)) return g;
  }
  return nullptr;
}

Status Outbox::Validate(const Reply& reply) const {
  const ports::ReplyGateway* gateway = GatewayFor(reply.platform);
  if (gateway == nullptr) {
    return Status(Errc::kInvalidArgument, "unsupported_platform",
                  "replies cannot be sent on " + std::string(domain::PlatformName(reply.platform)));
  }
  return gateway->Validate(ToOutbound(reply));
}

Result<Reply> Outbox::Enqueue(Reply reply) {
  if (reply.case_id == 0) {
    return Status(Errc::kInvalidArgument, "missing_case", "a reply belongs to a case");
  }
  FR_RETURN_IF_ERROR(Validate(reply));
  const UnixMillis now = clock_.NowMillis();
  reply.id = 0;
  reply.idempotency_key = secrets::RandomToken(16);
  reply.status =
      reply.approval_reason.empty() ? ReplyStatus::kQueued : ReplyStatus::kAwaitingApproval;
  reply.approver.reset();
  reply.review_note.clear();
  reply.attempts = 0;
  reply.next_attempt_at = now;
  reply.platform_id.clear();
  reply.error_code.clear();
  reply.error_text.clear();
  reply.echo_message_id.reset();
  reply.created_at = now;
  reply.sent_at = 0;
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(reply.id, txn.replies().InsertReply(reply));
    ReplyAuditEntry written = Entry(reply, ReplyAuditAction::kWritten, now, ActorOf(reply.author));
    written.detail = reply.approval_reason;
    FR_RETURN_IF_ERROR(txn.replies().AppendAudit(written).status());
    // The words are on their way: the author's draft of the case (DraftKeeper) is spent.
    return txn.drafts().DeleteDraft(reply.author, reply.case_id).status();
  }));
  FR_LOG(kInfo, "outbox", "reply={} case={} stored status={}", reply.id, reply.case_id,
         domain::ReplyStatusName(reply.status));
  if (listener_) listener_(reply);
  Wake();
  return reply;
}

Result<Reply> Outbox::Review(
    domain::ReplyId id, const std::function<Result<std::vector<ReplyAuditEntry>>(Reply&)>& review) {
  Reply out;
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(std::optional<Reply> held, txn.replies().GetReply(id));
    if (!held) {
      return Status(Errc::kNotFound, "not_found", "reply " + std::to_string(id) + " not found");
    }
    if (held->status != ReplyStatus::kAwaitingApproval) {
      return Status(Errc::kConflict, "not_awaiting_approval",
                    "the reply is " + std::string(domain::ReplyStatusName(held->status)) +
                        ", not awaiting approval");
    }
    FR_ASSIGN_OR_RETURN(std::vector<ReplyAuditEntry> entries, review(*held));
    FR_RETURN_IF_ERROR(txn.replies().UpdateReply(*held));
    for (const ReplyAuditEntry& e : entries) {
      FR_RETURN_IF_ERROR(txn.replies().AppendAudit(e).status());
    }
    out = *held;
    return Status::Ok();
  }));
  if (listener_) listener_(out);
  Wake();
  return out;
}

Result<Reply> Outbox::Approve(domain::ReplyId id, domain::UserId supervisor,
                              std::optional<std::string> edited_text, std::string note) {
  const UnixMillis now = clock_.NowMillis();
  return Review(id, [&](Reply& r) -> Result<std::vector<ReplyAuditEntry>> {
    std::vector<ReplyAuditEntry> entries;
    if (edited_text && *edited_text != r.text) {
      r.text = std::move(*edited_text);
      FR_RETURN_IF_ERROR(Validate(r));
      entries.push_back(Entry(r, ReplyAuditAction::kEdited, now, supervisor));
    }
    r.status = ReplyStatus::kQueued;
    r.approver = supervisor;
    r.review_note = note;
    r.next_attempt_at = now;
    entries.push_back(Entry(r, ReplyAuditAction::kApproved, now, supervisor));
    entries.back().detail = std::move(note);
    return entries;
  });
}

Result<Reply> Outbox::Reject(domain::ReplyId id, domain::UserId supervisor, std::string note) {
  const UnixMillis now = clock_.NowMillis();
  return Review(id, [&](Reply& r) -> Result<std::vector<ReplyAuditEntry>> {
    r.status = ReplyStatus::kRejected;
    r.approver = supervisor;
    r.review_note = note;
    std::vector<ReplyAuditEntry> entries{Entry(r, ReplyAuditAction::kRejected, now, supervisor)};
    entries.back().detail = std::move(note);
    return entries;
  });
}

Result<int> Outbox::RunOnce(UnixMillis now) {
  FR_ASSIGN_OR_RETURN(std::vector<Reply> due, store_.replies().DueReplies(now, options_.batch));
  int handed = 0;
  std::vector<std::pair<Reply, UnixMillis>> paused;
  for (const Reply& r : due) {
    if (stopping()) break;
    if (const ports::ReplyGateway* gateway = GatewayFor(r.platform)) {
      if (auto until = PausedUntil({gateway, r.account_id}, now)) {
        paused.emplace_back(r, *until);
        continue;
      }
    }
    FR_ASSIGN_OR_RETURN(bool sent, SendOne(r, now));
    handed += sent ? 1 : 0;
  }
  FR_RETURN_IF_ERROR(DeferPaused(paused));
  RefreshGauges();
  return handed;
}

Result<bool> Outbox::SendOne(const Reply& due, UnixMillis now) {
  const ports::ReplyGateway* gateway = GatewayFor(due.platform);
  if (gateway == nullptr) {
    FR_RETURN_IF_ERROR(FailUnsent(
        due, now, "no_gateway", "unsupported_platform",
        "no gateway sends replies on " + std::string(domain::PlatformName(due.platform))));
    return false;
  }
  const bool in_doubt = due.status == ReplyStatus::kSending;
  if (due.attempts >= options_.max_attempts) {
    // Out of attempts; one in doubt had no echo within the wait either, so it never arrived.
    std::string_view reason = in_doubt ? "unconfirmed" : "attempts_exhausted";
    std::string code = due.error_code.empty() ? std::string(reason) : due.error_code;
    std::string text = due.error_text.empty() ? "no confirmation from the platform after " +
                                                    std::to_string(due.attempts) + " attempts"
                                              : due.error_text;
    FR_RETURN_IF_ERROR(FailUnsent(due, now, reason, std::move(code), std::move(text)));
    return false;
  }
  if (Status valid = gateway->Validate(ToOutbound(due)); !valid.ok()) {
    FR_RETURN_IF_ERROR(FailUnsent(due, now, "invalid", valid.reason(), valid.message()));
    return false;
  }
  if (in_doubt) {
    FR_LOG(kWarn, "outbox", "reply={} no echo within the echo wait; sending it again", due.id);
  }
  // Earlier sends of this round took time: the echo wait starts now.
  const UnixMillis at = std::max(now, clock_.NowMillis());
  FR_ASSIGN_OR_RETURN(std::optional<Reply> sending,
                      ChangeIfUnmoved(due, [&](Reply& r) -> std::optional<ReplyAuditEntry> {
                        r.status = ReplyStatus::kSending;
                        r.attempts += 1;
                        r.next_attempt_at = at + options_.echo_wait;
                        ReplyAuditEntry e = Entry(r, ReplyAuditAction::kSendAttempt, at);
                        e.detail = "attempt=" + std::to_string(r.attempts);
                        if (in_doubt) e.detail += "; no_echo";
                        return e;
                      }));
  if (!sending) return false;
  const ports::SendOutcome outcome = gateway->Send(ToOutbound(*sending), at);
  FR_RETURN_IF_ERROR(RecordOutcome(*sending, gateway, outcome));
  return true;
}

Result<std::optional<Reply>> Outbox::ChangeIfUnmoved(
    const Reply& due, const std::function<std::optional<ReplyAuditEntry>(Reply&)>& change) {
  std::optional<Reply> written;
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    FR_ASSIGN_OR_RETURN(std::optional<Reply> current, txn.replies().GetReply(due.id));
    if (!current || !IsUnmoved(*current, due)) return Status::Ok();
    std::optional<ReplyAuditEntry> entry = change(*current);
    FR_RETURN_IF_ERROR(txn.replies().UpdateReply(*current));
    if (entry) FR_RETURN_IF_ERROR(txn.replies().AppendAudit(*entry).status());
    written = std::move(current);
    return Status::Ok();
  }));
  if (written && listener_) listener_(*written);
  return written;
}

Status Outbox::FailUnsent(const Reply& due, UnixMillis now, std::string_view reason,
                          std::string code, std::string text) {
  FR_ASSIGN_OR_RETURN(std::optional<Reply> failed,
                      ChangeIfUnmoved(due, [&](Reply& r) -> std::optional<ReplyAuditEntry> {
                        r.status = ReplyStatus::kFailed;
                        r.error_code = std::move(code);
                        r.error_text = std::move(text);
                        ReplyAuditEntry e = Entry(r, ReplyAuditAction::kFailed, now);
                        e.detail = std::string(reason);
                        return e;
                      }));
  if (failed) {
    FR_LOG(kWarn, "outbox", "reply={} failed unsent reason={}", due.id, reason);
    Count(metrics_, kFailedCounter, due.platform, reason);
  }
  return Status::Ok();
}

Status Outbox::RecordOutcome(const Reply& sending, const ports::ReplyGateway* gateway,
                             const ports::SendOutcome& outcome) {
  const UnixMillis now = clock_.NowMillis();
  const double jitter = std::uniform_real_distribution<double>(0.0, 1.0)(jitter_);
  std::optional<OutcomeStep> applied;
  Reply written;
  FR_RETURN_IF_ERROR(ports::WriteOne(store_, [&](ports::StoreTxn& txn) -> Status {
    applied.reset();
    FR_ASSIGN_OR_RETURN(std::optional<Reply> current, txn.replies().GetReply(sending.id));
    if (!current) return Status::Ok();
    Reply r = *current;
    OutcomeStep step = ApplySendOutcome(r, outcome, now, options_, jitter);
    ReplyAuditEntry entry = Entry(r, step.action, now);
    entry.platform_id = outcome.platform_id;
    entry.error_code = outcome.error_code;
    entry.error_text = outcome.error_text;
    entry.detail = step.detail;
    if (!IsUnmoved(*current, sending)) {
      // The echo confirmed it while the call ran: keep that, and log the call's answer too.
      entry.detail = "reply already " + std::string(domain::ReplyStatusName(current->status));
      if (outcome.kind == ports::SendOutcome::Kind::kSent &&
          outcome.platform_id != current->platform_id) {
        FR_LOG(kError, "outbox", "reply={} posted twice? echo platform_id={} answer={}",
               current->id, current->platform_id, outcome.platform_id);
      }
      return txn.replies().AppendAudit(entry).status();
    }
    FR_RETURN_IF_ERROR(txn.replies().UpdateReply(r));
    FR_RETURN_IF_ERROR(txn.replies().AppendAudit(entry).status());
    if (r.status == domain::ReplyStatus::kSent) FR_RETURN_IF_ERROR(NoteSent(txn, r));
    applied = std::move(step);
    written = std::move(r);
    return Status::Ok();
  }));
  if (!applied) return Status::Ok();
  if (listener_) listener_(written);
  if (applied->pause_until != 0) {
    UnixMillis& until = pauses_[{gateway, sending.account_id}];
    until = std::max(until, applied->pause_until);
    FR_LOG(kWarn, "outbox", "account paused platform={} account={} until={}",
           domain::PlatformName(sending.platform), sending.account_id, until);
  }
  switch (applied->action) {
    case ReplyAuditAction::kSent:
      FR_LOG(kInfo, "outbox", "reply={} sent platform_id={} attempt={}", sending.id,
             outcome.platform_id, sending.attempts);
      Count(metrics_, kSentCounter, sending.platform, "");
      break;
    case ReplyAuditAction::kRetry:
      FR_LOG(kInfo, "outbox", "reply={} retry reason={} code={}", sending.id, applied->reason,
             outcome.error_code);
      Count(metrics_, kRetriedCounter, sending.platform, applied->reason);
      break;
    default:
      FR_LOG(kWarn, "outbox", "reply={} failed reason={} code={}", sending.id, applied->reason,
             outcome.error_code);
      Count(metrics_, kFailedCounter, sending.platform, applied->reason);
      break;
  }
  return Status::Ok();
}

Status Outbox::DeferPaused(const std::vector<std::pair<Reply, UnixMillis>>& paused) {
  if (paused.empty()) return Status::Ok();
  std::vector<ports::WriteUnit> units;
  units.reserve(paused.size());
  for (const auto& [due, until] : paused) {
    units.push_back([&due, until](ports::StoreTxn& txn) -> Status {
      FR_ASSIGN_OR_RETURN(std::optional<Reply> current, txn.replies().GetReply(due.id));
      if (!current || !IsUnmoved(*current, due)) return Status::Ok();
      current->next_attempt_at = until;
      return txn.replies().UpdateReply(*current);
    });
  }
  for (const Status& s : store_.WriteBatch(units)) FR_RETURN_IF_ERROR(s);
  return Status::Ok();
}

std::optional<UnixMillis> Outbox::PausedUntil(const PauseKey& key, UnixMillis now) {
  auto it = pauses_.find(key);
  if (it == pauses_.end()) return std::nullopt;
  if (it->second <= now) {
    pauses_.erase(it);
    return std::nullopt;
  }
  return it->second;
}

void Outbox::RefreshGauges() {
  for (ReplyStatus s :
       {ReplyStatus::kQueued, ReplyStatus::kSending, ReplyStatus::kAwaitingApproval}) {
    Result<std::int64_t> n = store_.replies().CountReplies(s);
    if (!n.ok()) continue;  // the next round tries again
    metrics_
        .GetGauge("feedroom_outbox_replies", "Replies on their way, by status.",
                  {{"status", std::string(domain::ReplyStatusName(s))}})
        ->Set(*n);
  }
}

Status Outbox::Start() {
  if (!pacer_.Start()) {
    return Status(Errc::kInternal, "already_started", "outbox already runs");
  }
  FR_LOG(kInfo, "outbox", "sender started gateways={}", gateways_.size());
  return Status::Ok();
}

void Outbox::Stop() {
  if (pacer_.Stop()) FR_LOG(kInfo, "outbox", "sender stopped");
}

void Outbox::Wake() { pacer_.Wake(); }

bool Outbox::stopping() const { return pacer_.stopping(); }

std::chrono::milliseconds Outbox::Pass() {
  UnixMillis wait = options_.idle_poll;
  Result<int> round = RunOnce(clock_.NowMillis());
  Result<std::optional<UnixMillis>> next = store_.replies().NextDueAt();
  if (!round.ok() || !next.ok()) {
    Status error = round.ok() ? next.status() : round.status();
    FR_LOG(kWarn, "outbox", "sender round failed: {}", error.ToString());
    metrics_.GetCounter("feedroom_outbox_errors_total", "Sender rounds the store failed.")->Add();
  } else if (*next) {
    wait = std::clamp<UnixMillis>(**next - clock_.NowMillis(), 0, options_.idle_poll);
  }
  return std::chrono::milliseconds(wait);
}

}  // namespace fr::engine
