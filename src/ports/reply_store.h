// The outbox part of the Store port: replies and the audit log of every outgoing word.
// Reached through StoreTxn::replies() inside a WriteBatch and Store::replies() for reads.
//
// A reply is stored with its idempotency key before any API call (the Outbox contract); the
// engine (engine/outbox) moves it through its states with UpdateReply and appends one audit
// entry per step, each with the reply's exact text at that moment. The audit log is
// append-only: there is no way to change or remove an entry through this port.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "domain/case.h"
#include "domain/people.h"
#include "domain/platform.h"
#include "domain/reply.h"

namespace fr::ports {

// What happened to a reply, as the audit log records it.
enum class ReplyAuditAction {
  kWritten,  // an agent (or the system) wrote it
  kEdited,   // its text changed (a supervisor's edit on approval)
  kApproved,
  kRejected,
  kSendAttempt,  // about to be handed to the platform
  kSent,         // the platform accepted it
  kRetry,        // the platform asked to try later, or the answer was in doubt
  kFailed,       // refused for good, or retries ran out
  kEchoMatched,  // the platform's echo of it was stored
};

// "written", "edited", "approved", "rejected", "send_attempt", "sent", "retry", "failed",
// "echo_matched".
std::string_view ReplyAuditActionName(ReplyAuditAction a);
// The inverse of ReplyAuditActionName; nullopt for an unknown name.
std::optional<ReplyAuditAction> ParseReplyAuditAction(std::string_view name);

struct ReplyAuditEntry {
  std::int64_t id = 0;
  domain::ReplyId reply_id = 0;
  domain::CaseId case_id = 0;
  UnixMillis at = 0;
  std::optional<domain::UserId> actor;  // nullopt: the system (the sender, echo matching)
  ReplyAuditAction action = ReplyAuditAction::kWritten;
  std::string text;         // the reply's exact text at that moment
  std::string platform_id;  // kSent / kEchoMatched: the platform's id of the reply
  std::string error_code;   // kRetry / kFailed: the platform's code and text, verbatim
  std::string error_text;
  // A supervisor's note (kApproved / kRejected), or a short machine-readable detail of a
  // system entry ("retry_at=...", "ambiguous", "echo_message_id=...").
  std::string detail;

  bool operator==(const ReplyAuditEntry&) const = default;
};

// Writes, inside a WriteBatch. Errors beyond kUnavailable / kInternal are listed per method.
class ReplyTxn {
 public:
  virtual ~ReplyTxn() = default;

  // Inserts `r` (its id is ignored) and returns the new id.
  // kInvalidArgument "missing_idempotency_key" if r.idempotency_key is empty;
  // kConflict "duplicate_idempotency_key" if a reply already has that key.
  virtual Result<domain::ReplyId> InsertReply(const domain::Reply& r) = 0;
  // The reply with id `id`, as this transaction sees it; nullopt if none.
  virtual Result<std::optional<domain::Reply>> GetReply(domain::ReplyId id) = 0;
  // Overwrites reply r.id with `r`; its idempotency key, case and created_at never change
  // (the values in `r` are ignored). kNotFound if unknown.
  virtual Status UpdateReply(const domain::Reply& r) = 0;
  // The reply the platform knows as `platform_id` on `platform`; nullopt if none.
  virtual Result<std::optional<domain::Reply>> FindReplyByPlatformId(
      domain::Platform platform, std::string_view platform_id) = 0;
  // Replies of (platform, account) in status kSending, oldest first: those whose outcome is
  // not known, to which an echo without a known platform id may belong.
  virtual Result<std::vector<domain::Reply>> SendingReplies(domain::Platform platform,
                                                            std::string_view account_id) = 0;
  // Appends `e` (its id is ignored) to the audit log; returns the new id.
  virtual Result<std::int64_t> AppendAudit(const ReplyAuditEntry& e) = 0;
};

// Reads; any thread, concurrently with writes.
class ReplyReader {
 public:
  virtual ~ReplyReader() = default;

  virtual Result<std::optional<domain::Reply>> GetReply(domain::ReplyId id) = 0;
  // The replies of case `id`, oldest first.
  virtual Result<std::vector<domain::Reply>> CaseReplies(domain::CaseId id) = 0;
  // The brand's latest `limit` replies on any case that were not rejected or failed, newest
  // first: what a draft is compared with to spot a template pasted to every customer.
  virtual Result<std::vector<domain::Reply>> RecentReplies(int limit) = 0;
  // Replies in kAwaitingApproval, oldest first, `limit` at most.
  virtual Result<std::vector<domain::Reply>> AwaitingApproval(int limit) = 0;
  // Replies the sender should look at by `now`, earliest next_attempt_at first (then id),
  // `limit` at most: kQueued ones whose next attempt is due, and kSending ones whose
  // next_attempt_at (the end of their echo wait) has passed.
  virtual Result<std::vector<domain::Reply>> DueReplies(UnixMillis now, int limit) = 0;
  // The earliest next_attempt_at of any kQueued or kSending reply; nullopt if there is none.
  virtual Result<std::optional<UnixMillis>> NextDueAt() = 0;
  // How many replies are in status `status`.
  virtual Result<std::int64_t> CountReplies(domain::ReplyStatus status) = 0;
  // The audit log of reply `id`, oldest first.
  virtual Result<std::vector<ReplyAuditEntry>> ReplyAudit(domain::ReplyId id) = 0;
  // The audit log of every reply of case `id`, oldest first.
  virtual Result<std::vector<ReplyAuditEntry>> CaseReplyAudit(domain::CaseId id) = 0;
};

}  // namespace fr::ports
