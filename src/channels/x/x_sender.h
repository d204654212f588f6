// XReplyGateway: sends the outbox's replies on X through API v2 (PROTOCOLS.md §1.7-1.8) and
// classifies the answers. One HTTP call per Send, authorised with the brand account's OAuth 2.0
// user token; no state between calls.
//
//   public reply   POST {api_base}/2/tweets {"text","reply":{"in_reply_to_tweet_id"}}
//                  -> 201 {"data":{"id","text"}}                   platform_id = data.id
//   direct message POST {api_base}/2/dm_conversations/with/{recipient_id}/messages {"text"}
//                  -> 201 {"data":{"dm_conversation_id","dm_event_id"}}  platform_id = dm_event_id
//   private reply  does not exist on X (Validate refuses it).
//
// X accepts no idempotency key on these endpoints, so none is sent.
// Thread safety: immutable after construction; Send may run on many threads at once.
#pragma once

#include <chrono>

#include "base/clock.h"
#include "base/status.h"
#include "channels/common/http_client.h"
#include "channels/x/x_config.h"
#include "ports/reply_gateway.h"

namespace fr::channels::x {

// How long one Send waits for X before the outcome becomes an ambiguous kRetryLater.
inline constexpr std::chrono::milliseconds kDefaultXSendTimeout{15'000};

// An exhausted monthly usage cap is not lifted by waiting for x-rate-limit-reset: the account
// is paused and one reply probes again after this long (an hour: cheap, and it notices a plan
// upgrade soon enough).
inline constexpr UnixMillis kUsageCapProbeMillis = 60 * 60 * 1000;

// Classifies X's `answer` to a reply sent on `route` (pure; `now` anchors retry times):
//   2xx with the id (data.id, or data.dm_event_id for DMs)  -> kSent, platform_id = that id.
//   2xx with errors and no id                              -> kFailed with those errors.
//   2xx without id or errors                               -> kRetryLater, ambiguous (it was
//       probably created: the outbox looks for the echo before sending again).
//   429 problem type ".../usage-capped"                   -> kRetryLater, pause_account,
//       retry_at = now + kUsageCapProbeMillis.
//   429 otherwise (rate-limit-exceeded, legacy code 88)    -> kRetryLater, retry_at = the latest
//       reset (epoch seconds -> ms) among the windows the headers report exhausted (remaining 0:
//       x-rate-limit-*, x-user-limit-24hour-*, x-app-limit-24hour-*), else x-rate-limit-reset;
//       0 when absent or not in the future. Not pause_account: X counts posts and DMs apart,
//       and every queued reply learns the same reset from its own 429.
//   5xx                                                    -> kRetryLater, ambiguous (X's front
//       end answered; the post may still have been made behind it, as after a 503 or 504).
//   any other status (4xx: bad token, reply not summoned, duplicate content, ...) -> kFailed.
// error_code: the problem kind ("usage-capped", "invalid-request"), else the legacy error code
// ("88"), else the HTTP status ("403"). error_text: the platform's detail / message texts,
// verbatim, joined by "; ". http_status is always answer.status.
ports::SendOutcome ClassifyXAnswer(ports::ReplyRoute route, const HttpResponse& answer,
                                   UnixMillis now);

class XReplyGateway final : public ports::ReplyGateway {
 public:
  explicit XReplyGateway(XConfig config, std::chrono::milliseconds timeout = kDefaultXSendTimeout);

  // ports::ReplyGateway
  // True for Platform::kX only.
  bool Handles(domain::Platform platform) const override;
  // kInvalidArgument with reason "unknown_account" (account_id not configured, or it has no
  // access token), "unsupported_route" (kPrivateReply, or another platform), "missing_target"
  // (no in_reply_to for a public reply / recipient_id for a DM, or not an id), "empty_text" or
  // "too_long" (a public reply over X's 280 weighted units: MeasureTweet, emoji 2, links 23);
  // MeasureTweet's own errors pass through (kInternal "tld_list_missing", ...).
  Status Validate(const ports::OutboundReply& reply) const override;
  // One API call, classified by ClassifyXAnswer. A reply Validate refuses is not sent: kFailed
  // with the validation reason as error_code. Transport failures: TransportFailureOutcome.
  ports::SendOutcome Send(const ports::OutboundReply& reply, UnixMillis now) const override;

 private:
  const XConfig config_;
  const std::chrono::milliseconds timeout_;
};

}  // namespace fr::channels::x
