// Internal to channels/sim: the webhook deliveries the simulated Meta sends to /webhooks/meta,
// in the shapes of PROTOCOLS.md §2.2-2.4: Page feed comment changes, Instagram comment
// changes, and Messenger / Instagram messaging events (customer messages and the brand's
// is_echo copies). Bodies are escaped as Meta escapes them (non-ASCII as \uXXXX, '/' as \/)
// and signed with X-Hub-Signature-256 (hex HMAC-SHA256 under the app secret) over exactly
// those bytes. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/clock.h"
#include "channels/sim/sim_customer.h"
#include "channels/sim/sim_http.h"

namespace fr::channels::sim::internal {

// A comment on a Page post (field "feed", item "comment", verb "add").
struct FeedCommentEvent {
  std::string page_id;
  std::string comment_id;
  std::string post_id;
  std::string parent_id;  // the post for a top-level comment, else the comment answered
  Person from;            // id and name; the Page itself for the brand's own comments
  std::string message;
  UnixMillis created_at = 0;
};

// A comment on an Instagram media item (field "comments").
struct InstagramCommentEvent {
  std::string instagram_user_id;
  std::string comment_id;
  std::string media_id;
  std::string parent_id;  // empty for a top-level comment
  Person from;            // id and handle (username)
  std::string text;
  UnixMillis created_at = 0;
};

// One Messenger or Instagram message (entry.messaging[]).
struct MessagingEvent {
  domain::Platform platform = domain::Platform::kMessenger;  // kMessenger or kInstagram
  std::string account_id;  // Page id or Instagram user id (entry.id)
  std::string sender_id;
  std::string recipient_id;
  std::string mid;
  std::string text;
  UnixMillis timestamp = 0;
  bool is_echo = false;  // sent by the brand
  std::string app_id;    // on echoes: the app that sent it; omitted when empty
};

OutgoingWebhook FeedCommentWebhook(std::string_view app_secret, const FeedCommentEvent& event);
OutgoingWebhook InstagramCommentWebhook(std::string_view app_secret,
                                        const InstagramCommentEvent& event);
OutgoingWebhook MessagingWebhook(std::string_view app_secret, const MessagingEvent& event);

}  // namespace fr::channels::sim::internal
