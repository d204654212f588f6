// Message: one post, comment, reply, mention or direct message, normalised from any network.
// Plain values; no I/O. Channel adapters build them; the store keeps them; nothing else
// invents them. All ids are the platform's own opaque strings, never numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "domain/platform.h"

namespace fr::domain {

enum class Visibility { kPublic, kPrivate };

enum class MessageKind {
  kPost,     // a top-level public post (X tweet, Page visitor post, Page status)
  kComment,  // a comment on a post (Facebook, Instagram)
  kReply,    // a reply to a comment or tweet
  kMention,  // a post that tags the brand without replying to it
  kQuote,    // a quote of one of the brand's posts
  kRepost,   // a retweet / share: recorded, never opens a case
  kReview,   // a Page rating or recommendation
  kDm,       // a private message
};

std::string_view VisibilityName(Visibility v);    // "public" | "private"
std::string_view MessageKindName(MessageKind k);  // "post", "comment", ...
std::optional<Visibility> ParseVisibility(std::string_view name);
std::optional<MessageKind> ParseMessageKind(std::string_view name);

// Who wrote a message, as the platform describes them. Empty strings mean "not given".
struct Author {
  std::string id;       // platform user id (X user id, Page-scoped id, IGSID, PSID)
  std::string handle;   // @screen_name / username, without '@'
  std::string name;     // display name
  std::optional<std::int64_t> followers;
  std::optional<bool> verified;

  bool operator==(const Author&) const = default;
};

struct Attachment {
  std::string type;  // "photo", "video", "animated_gif", "image", "audio", "file", "sticker", ...
  std::string url;   // may be empty (e.g. a location or an expired asset)

  bool operator==(const Attachment&) const = default;
};

struct Message {
  Platform platform = Platform::kX;
  std::string account_id;   // the brand's account the message belongs to (X user id, Page id, IG user id)
  std::string external_id;  // the platform's id for this message
  // The platform's own thread root when it says so (Facebook post_id, X v2 conversation_id,
  // Instagram media id). Empty when the platform does not (X v1.1): the threader then
  // derives the conversation from parent_id.
  std::string thread_key;
  std::string parent_id;       // external id of the message this one answers; empty if none
  Author author;
  // In a private thread: the customer's platform id (the author of inbound messages, the
  // recipient of the brand's own). Empty for public messages.
  std::string counterpart_id;
  std::string text;            // full text, NFC
  UnixMillis created_at = 0;   // UTC ms
  Visibility visibility = Visibility::kPublic;
  MessageKind kind = MessageKind::kPost;
  std::vector<Attachment> attachments;
  bool is_outbound = false;    // written by the brand (an echo of our own action)
  // X v2 edits get a new id: this is the id of the original post (edit_history_tweet_ids[0])
  // when it differs from external_id. Empty otherwise.
  std::string edit_of;
  // Found by a listening source (a search, a stream, a feed) rather than sent or addressed to
  // the brand: it opens a case only when an escalating listening rule matches it.
  bool overheard = false;

  bool operator==(const Message&) const = default;
};

}  // namespace fr::domain
