// Internal to channels/sim: the Account Activity deliveries the simulated X sends, in the
// legacy v1.1 shapes of PROTOCOLS.md §1.4 and signed with x-twitter-webhooks-signature
// (base64 HMAC-SHA256 of the body under the consumer secret). One builder for posts
// (`tweet_create_events`: customer mentions, replies and quotes, and the echo of the brand's
// own posts) and one for DMs (`direct_message_events`, both directions). Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "channels/sim/sim_customer.h"
#include "channels/sim/sim_http.h"
#include "channels/sim/sim_world.h"

namespace fr::channels::sim::internal {

// A post as the AAA delivers it.
struct XTweetEvent {
  std::string for_user_id;  // the subscribed brand account the delivery is for
  std::string id;
  Person author;
  std::string text;  // the full text (with any leading reply mentions)
  UnixMillis created_at = 0;
  const XPost* in_reply_to = nullptr;  // the post answered, if a reply
  const XPost* quoted = nullptr;       // the post quoted, if a quote
  // Profiles whose @handle in `text` is listed in entities.user_mentions.
  std::vector<Person> mentionable;
};

// A direct message as the AAA delivers it to `for_user_id` (sender or recipient).
struct XDmEvent {
  std::string for_user_id;
  std::string id;
  Person sender;
  Person recipient;
  std::string text;
  UnixMillis created_at = 0;
};

// The signed delivery of `event` to /webhooks/x. Over 140 code points the post is delivered
// truncated with the full text in extended_tweet.full_text, as the v1.1 compatibility mode does.
OutgoingWebhook XTweetWebhook(std::string_view consumer_secret, const XTweetEvent& event);
OutgoingWebhook XDmWebhook(std::string_view consumer_secret, const XDmEvent& event);

// The `lang` X gives a post: "iw" when `text` has Hebrew, else "en".
std::string_view XLang(std::string_view text);

// "@<handle> " when a post by `replier_id` answers one by `parent` written by someone else
// (X prefixes the replied-to handle), else "".
std::string ReplyPrefix(const XPost& parent, std::string_view replier_id);

}  // namespace fr::channels::sim::internal
