// MetaReplyGateway: sends the outbox's replies through the Graph API for Facebook Pages,
// Messenger and Instagram (PROTOCOLS.md §2.1-2.4) and classifies the answers. One HTTP call per
// Send to {graph_base}/{graph_version}/..., authorised with the Page access token; no state
// between calls.
//
//   Facebook  public reply    POST /{in_reply_to}/comments {"message"}          -> {"id"}
//   Instagram public reply    POST /{in_reply_to}/replies  {"message"}          -> {"id"}
//   FB / IG   private reply   POST /{page-id}/messages
//                             {"recipient":{"comment_id"},"message":{"text"}}   -> {"message_id"}
//   Messenger / IG DM         POST /{page-id}/messages {"recipient":{"id"},
//                             "messaging_type":"RESPONSE" | "MESSAGE_TAG","tag":"HUMAN_AGENT",
//                             "message":{"text"}}                                -> {"message_id"}
//
// account_id is the Page id for Facebook and Messenger, and the Instagram user id for Instagram
// (sent through its linked Page, with that Page's token). Meta accepts no idempotency key on
// these endpoints, so none is sent.
// Thread safety: immutable after construction; Send may run on many threads at once.
#pragma once

#include <chrono>
#include <cstddef>

#include "base/clock.h"
#include "base/status.h"
#include "channels/common/http_client.h"
#include "channels/meta/meta_config.h"
#include "ports/reply_gateway.h"

namespace fr::channels::meta {

// How long one Send waits for Meta before the outcome becomes an ambiguous kRetryLater.
inline constexpr std::chrono::milliseconds kDefaultMetaSendTimeout{15'000};

// Text limits Validate applies (PROTOCOLS.md §2.3-2.4).
inline constexpr size_t kMessengerMaxCodePoints = 2000;  // Send API text [D]; FB private replies
inline constexpr size_t kInstagramDmMaxBytes = 1000;     // UTF-8 bytes [D]; IG private replies
// Comments: Meta documents no limit for the comments / replies edges; these are the limits the
// apps enforce [I]. A longer text gets Meta's own error, classified as kFailed.
inline constexpr size_t kFacebookCommentMaxCodePoints = 8000;
inline constexpr size_t kInstagramCommentMaxCodePoints = 2200;

// The one message tag Validate accepts: answers up to 7 days after the customer's last message,
// outside the 24 h standard window (needs the Human Agent permission).
inline constexpr std::string_view kHumanAgentTag = "HUMAN_AGENT";

// Classifies the Graph API's `answer` to a reply sent on `route` (pure; `now` anchors retry
// times). The error is `error{code, error_subcode, message}`, or the flat
// `{code, error_message}` of the old OAuth endpoints; it may come with any HTTP status,
// 200 included.
//   2xx without error and with the id ("id" for public replies, "message_id" otherwise)
//       -> kSent, platform_id = that id.
//   2xx without error or id -> kRetryLater, ambiguous (probably created; the outbox looks for
//       the echo first).
//   a throttling code (4 app, 17 user, 32 Page, 341 app limit, 613 custom per-endpoint,
//       80000-80014 business use case), or HTTP 429 -> kRetryLater, pause_account (the limit
//       covers the whole Page or app), retry_at = now + the largest
//       estimated_time_to_regain_access (minutes) in the X-Business-Use-Case-Usage /
//       X-App-Usage / X-Page-Usage headers; 0 without one.
//   code 1 (unknown) or 2 (service) -> kRetryLater, ambiguous (Meta's "temporary issue, retry";
//       the reply may still have been posted).
//   any other code (190 token, 10 / 200 permission or window, 100 parameter, 368 blocked,
//       551 unavailable person, 10900 already replied privately, 10903 / 10904 cannot reply)
//       -> kFailed.
//   no error object: 5xx -> kRetryLater, ambiguous; anything else -> kFailed.
// error_code: "<code>" or "<code>/<subcode>" ("190/460"), else the HTTP status; error_text:
// Meta's message verbatim, else "Meta answered HTTP <status>". http_status = answer.status.
ports::SendOutcome ClassifyMetaAnswer(ports::ReplyRoute route, const HttpResponse& answer,
                                      UnixMillis now);

class MetaReplyGateway final : public ports::ReplyGateway {
 public:
  explicit MetaReplyGateway(MetaConfig config,
                            std::chrono::milliseconds timeout = kDefaultMetaSendTimeout);

  // ports::ReplyGateway
  // True for kFacebook, kMessenger and kInstagram.
  bool Handles(domain::Platform platform) const override;
  // kInvalidArgument with reason "unknown_account" (no configured Page with that id, or it has
  // no access token), "unsupported_route" (public or private replies on Messenger, direct
  // messages on Facebook, a message tag off the direct message route or other than
  // HUMAN_AGENT), "missing_target" (no in_reply_to / recipient_id, or not an id), "empty_text",
  // or "too_long" (the limits above, in code points, or UTF-8 bytes for Instagram messages).
  Status Validate(const ports::OutboundReply& reply) const override;
  // One API call, classified by ClassifyMetaAnswer. A reply Validate refuses is not sent:
  // kFailed with the validation reason as error_code. Transport failures:
  // TransportFailureOutcome.
  ports::SendOutcome Send(const ports::OutboundReply& reply, UnixMillis now) const override;

 private:
  const MetaConfig config_;
  const std::chrono::milliseconds timeout_;
};

}  // namespace fr::channels::meta
