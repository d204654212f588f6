// ReplyGateway: the port through which the outbox hands one reply to a platform's API
// (channels/x, channels/meta, ...) and learns what became of it, without knowing any platform.
//
// The outbox owns durability and exactly-once: it stores each reply with its idempotency key
// before calling Send, and calls Send for a key again only when the previous outcome was
// kRetryLater. Implementations do the HTTP call, read the platform's answer and its throttling
// signals, and classify the result; they keep no state of their own between calls.
// Thread safety: implementations are safe to call from several threads at once.
#pragma once

#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/status.h"
#include "domain/platform.h"
#include "domain/reply.h"

namespace fr::ports {

// How a reply reaches the customer (defined with the Reply it belongs to).
using domain::ReplyRoute;
using domain::ReplyRouteName;

// One reply, exactly as it should appear on the platform (signature already appended).
struct OutboundReply {
  std::string idempotency_key;  // unique per reply; sent where the platform accepts one
  domain::Platform platform = domain::Platform::kX;
  std::string account_id;       // the brand account that speaks (X user id, Page id, IG user id)
  ReplyRoute route = ReplyRoute::kPublicReply;
  // kPublicReply: the external id of the post or comment answered.
  // kPrivateReply: the external id of the comment answered privately.
  std::string in_reply_to;
  // kDirectMessage: the customer's platform id (X user id, PSID, IGSID).
  std::string recipient_id;
  std::string text;             // UTF-8, NFC
  // Meta only: "HUMAN_AGENT" to send outside the 24 h window (up to 7 days); empty otherwise.
  std::string message_tag;
};

// What the platform did with one Send.
struct SendOutcome {
  enum class Kind {
    kSent,        // accepted: platform_id names the created post / comment / message
    kRetryLater,  // throttled, 5xx or a transport failure: try again at retry_at
    kFailed,      // refused for good (bad token, window closed, duplicate, too long...)
  };
  Kind kind = Kind::kFailed;
  std::string platform_id;  // kSent: the id the platform's echo will carry
  // kRetryLater: the earliest time to try again as the platform said it (x-rate-limit-reset,
  // Retry-After, estimated_time_to_regain_access); 0 when it gave no hint and the outbox's own
  // backoff applies.
  UnixMillis retry_at = 0;
  // kRetryLater only: the request may have reached the platform (a timeout or a reset after
  // the body was sent), so a blind retry could post twice. The outbox first looks for the
  // platform's echo. False when the request surely never arrived (refused connection, DNS).
  bool ambiguous = false;
  // Throttling that covers the whole account (Meta codes 4/17/32/613/80001-80014, an X usage
  // cap): the outbox pauses every reply of this account until retry_at, not just this one.
  bool pause_account = false;
  int http_status = 0;      // 0 when no HTTP answer came back
  std::string error_code;   // the platform's own code ("88", "613", "rate-limit-exceeded")
  std::string error_text;   // the platform's message, verbatim, for the agent and the audit log
};

class ReplyGateway {
 public:
  virtual ~ReplyGateway() = default;

  // The platforms this gateway sends for.
  virtual bool Handles(domain::Platform platform) const = 0;

  // Checks `reply` against the platform's own limits (length as the platform counts it,
  // required fields for the route) without any network call.
  // Errors: kInvalidArgument with reason "too_long", "empty_text", "missing_target",
  // "unknown_account" or "unsupported_route", and a message an agent can act on.
  virtual Status Validate(const OutboundReply& reply) const = 0;

  // Performs one API call for `reply` and classifies the answer. Never throws; transport
  // failures are kRetryLater. `now` anchors relative retry hints (Retry-After, backoff).
  virtual SendOutcome Send(const OutboundReply& reply, UnixMillis now) const = 0;
};

}  // namespace fr::ports
