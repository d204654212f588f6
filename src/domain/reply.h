// Reply: one answer an agent sends to a customer, from the moment it is written until the
// platform's echo of it is stored. Plain values; the outbox (engine/outbox) moves it through
// its states and the store keeps every version of its text on record (the audit log).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "domain/case.h"
#include "domain/people.h"
#include "domain/platform.h"

namespace fr::domain {

using ReplyId = std::int64_t;

// How a reply reaches the customer.
enum class ReplyRoute {
  kPublicReply,    // a public answer under the customer's post or comment (X reply, FB/IG comment)
  kPrivateReply,   // Meta: the one private message allowed in answer to a public comment
  kDirectMessage,  // a message in the customer's DM thread (X DM, Messenger, Instagram DM)
};

std::string_view ReplyRouteName(ReplyRoute r);  // "public_reply", "private_reply", "direct_message"
std::optional<ReplyRoute> ParseReplyRoute(std::string_view name);

enum class ReplyStatus {
  kAwaitingApproval,  // held for a supervisor (sensitive words, VIP, trainee, crisis)
  kQueued,            // approved or needing no approval; waiting for the sender
  kSending,           // handed to the platform; the outcome is not known yet
  kSent,              // the platform accepted it: platform_id is set
  kFailed,            // the platform refused it for good, or retries ran out
  kRejected,          // a supervisor refused it
};

std::string_view ReplyStatusName(ReplyStatus s);  // "awaiting_approval", "queued", ...
std::optional<ReplyStatus> ParseReplyStatus(std::string_view name);

struct Reply {
  ReplyId id = 0;
  CaseId case_id = 0;
  UserId author = 0;
  Platform platform = Platform::kX;
  std::string account_id;  // the brand account that speaks
  ReplyRoute route = ReplyRoute::kPublicReply;
  std::string in_reply_to;   // external id answered (public reply, private reply)
  std::string recipient_id;  // the customer's platform id (direct message)
  std::string text;          // exactly what goes out, signature included
  std::string message_tag;   // "HUMAN_AGENT" outside Meta's 24 h window, else empty
  std::string idempotency_key;  // unique; assigned before any API call
  ReplyStatus status = ReplyStatus::kQueued;
  std::string approval_reason;  // why it waits for approval ("sensitive:health", "vip", ...)
  std::optional<UserId> approver;
  std::string review_note;      // the supervisor's note on approval or rejection
  std::int32_t attempts = 0;
  UnixMillis next_attempt_at = 0;
  std::string platform_id;      // the platform's id for it, once sent
  std::string error_code;       // the platform's code and text, when it failed
  std::string error_text;
  std::optional<MessageId> echo_message_id;  // the stored echo, once it arrived
  UnixMillis created_at = 0;
  UnixMillis sent_at = 0;

  bool operator==(const Reply&) const = default;
};

}  // namespace fr::domain
