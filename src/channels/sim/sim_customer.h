// Customers of the simulated platforms and what they do: a Customer is one person on one
// network (or one writer on a forum, blog or review site, Platform::kRss); a CustomerAction is
// one post, comment or message of theirs, which SimPlatform remembers (so that the reply rules,
// the search and the feeds know it) and, when it addresses the brand, turns into the
// platform's webhook. Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "channels/sim/sim_http.h"
#include "domain/platform.h"

namespace fr::channels::sim {

// A profile as the platform shows it. Empty strings mean "not given".
struct Person {
  std::string id;      // X user id, Facebook app-scoped id, PSID or IGSID
  std::string handle;  // X screen name / Instagram username, without '@'
  std::string name;    // display name
  std::int64_t followers = 0;
  bool verified = false;
};

struct Customer {
  // kX, kFacebook, kMessenger, kInstagram, or kRss (a writer on the sites the feeds carry)
  domain::Platform platform = domain::Platform::kX;
  Person person;
  // Facebook only: the page-scoped id Messenger knows this person by (the recipient of a
  // private reply to their comment). Empty: person.id is used.
  std::string psid;
};

enum class CustomerActionKind {
  kMention,  // X: a post mentioning the brand (the @handle is added when the text lacks it)
  kReply,    // X: a reply to a post; Facebook / Instagram: a reply to a comment
  kQuote,    // X: a post quoting one of the brand's posts
  kComment,  // Facebook / Instagram: a top-level comment on one of the brand's posts
  kDm,       // X DM, Messenger or Instagram message to the brand
  kPost,     // X: a public post that does not address the brand (found only by search)
  kForum,    // RSS: a post on a forum, blog or review site, an item of one feed
};

// "mention", "reply", "quote", "comment", "dm", "post", "forum".
std::string_view CustomerActionKindName(CustomerActionKind kind);
// The inverse of CustomerActionKindName; "private_message" is accepted as "dm".
std::optional<CustomerActionKind> ParseCustomerActionKind(std::string_view name);
// Whether `kind` exists on `platform` (mention/quote/reply/dm/post on X, comment/reply on
// Facebook, dm on Messenger, comment/reply/dm on Instagram, forum on RSS).
bool KindAllowedOn(CustomerActionKind kind, domain::Platform platform);

struct CustomerAction {
  CustomerActionKind kind = CustomerActionKind::kMention;
  Customer customer;  // customer.platform selects the network
  // The brand account addressed (X user id, Page id or Instagram user id). Empty: the one the
  // target belongs to, else the first configured account of that network.
  std::string account_id;
  std::string text;  // UTF-8
  // kReply: the post or comment answered; kComment: the brand post or media commented on;
  // kQuote: the brand post quoted; kForum: the id of the feed the post appears in. Unused
  // for kMention, kDm and kPost.
  std::string target_id;
  std::string title;  // kForum: the post's title (may be empty); unused otherwise
};

// What SimPlatform::Post created: the id Feedroom knows it by (for a forum post the feed
// message's external id, "<feed id>:<guid>") and the webhook announcing it. No webhook for what
// does not address the brand (kPost, kForum): Feedroom finds that by searching or polling.
struct PostedAction {
  std::string id;
  std::optional<OutgoingWebhook> webhook;
};

}  // namespace fr::channels::sim
