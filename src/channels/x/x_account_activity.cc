#include "channels/x/x_account_activity.h"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>

#include "base/log.h"
#include "channels/common/json_fields.h"
#include "channels/common/time_formats.h"
#include "channels/x/x_text.h"

namespace fr::channels::x {
namespace {

using domain::Attachment;
using domain::Author;
using domain::EventType;
using domain::InboundEvent;
using domain::Message;
using domain::MessageKind;
using domain::ParsedDelivery;
using domain::Visibility;

constexpr std::string_view kComponent = "x";

// What every event of one delivery shares.
struct Delivery {
  const XAccount& account;
  std::string for_user_id;
  std::optional<JsonElement> users;  // the DM `users` map, keyed by user id
};

std::string At(std::string_view array, size_t index, std::string_view rest) {
  return fmt::format("{}[{}].{}", array, index, rest);
}

// XAA wraps profiles as {"data":{...}} (PROTOCOLS.md §1.5); AAA does not. Accept both.
JsonElement Unwrap(JsonElement user) {
  if (auto inner = Member(user, "data"); inner && inner->is_object()) return *inner;
  return user;
}

// Fills handle, name, followers and verified from a v1.1 user object.
void FillProfile(JsonElement user, Author& author) {
  if (auto v = StringMember(user, "screen_name")) author.handle = std::string(*v);
  if (author.handle.empty()) {
    if (auto v = StringMember(user, "username")) author.handle = std::string(*v);
  }
  if (auto v = StringMember(user, "name")) author.name = std::string(*v);
  author.followers = IntMember(user, "followers_count");
  if (!author.followers) {
    if (auto pm = Member(user, "public_metrics")) author.followers = IntMember(*pm, "followers_count");
  }
  author.verified = BoolMember(user, "verified");
}

// extended_entities.media[] holds every attachment; entities.media only the first.
std::vector<Attachment> MediaOf(JsonElement holder) {
  std::vector<Attachment> out;
  std::optional<simdjson::dom::array> media;
  if (auto ee = Member(holder, "extended_entities")) media = ArrayMember(*ee, "media");
  if (!media) {
    if (auto e = Member(holder, "entities")) media = ArrayMember(*e, "media");
  }
  if (!media) return out;
  for (JsonElement m : *media) {
    Attachment a;
    a.type = std::string(StringMember(m, "type").value_or("photo"));
    if (auto url = StringMember(m, "media_url_https")) {
      a.url = std::string(*url);
    } else if (auto plain = StringMember(m, "media_url")) {
      a.url = std::string(*plain);
    }
    out.push_back(std::move(a));
  }
  return out;
}

bool EntitiesMention(JsonElement holder, const XAccount& account) {
  auto entities = Member(holder, "entities");
  if (!entities) return false;
  auto mentions = ArrayMember(*entities, "user_mentions");
  if (!mentions) return false;
  for (JsonElement m : *mentions) {
    if (IdMember(m, "id_str") == account.user_id) return true;
    auto handle = StringMember(m, "screen_name");
    if (handle && !account.handle.empty() && EqualsIgnoreAsciiCase(*handle, account.handle)) return true;
  }
  return false;
}

// A creation time from `timestamp_ms` (a string of epoch ms) or else `created_at` (v1.1 date).
std::optional<UnixMillis> TweetTime(JsonElement status) {
  if (auto ms = IntMember(status, "timestamp_ms")) return *ms;
  if (auto text = StringMember(status, "created_at")) return ParseTwitterDate(*text);
  return std::nullopt;
}

Result<Message> ParseTweet(JsonElement status, const Delivery& d, size_t index) {
  constexpr std::string_view kArray = "tweet_create_events";
  Message m;
  m.platform = domain::Platform::kX;
  m.account_id = d.for_user_id;
  // Never the numeric `id`: a double loses the low digits of a 64-bit id (PROTOCOLS.md §7.3).
  auto id = StringMember(status, "id_str");
  if (!id || id->empty()) return MissingField(At(kArray, index, "id_str"));
  m.external_id = std::string(*id);

  auto user = Member(status, "user");
  if (!user || !user->is_object()) return MissingField(At(kArray, index, "user"));
  auto user_id = IdMember(*user, "id_str");
  if (!user_id || user_id->empty()) return MissingField(At(kArray, index, "user.id_str"));
  m.author.id = *user_id;
  FillProfile(*user, m.author);

  // Over 140/280 characters the full text lives in extended_tweet (PROTOCOLS.md §1.4, §7.4).
  const bool truncated = BoolMember(status, "truncated").value_or(false);
  std::optional<JsonElement> extended = truncated ? Member(status, "extended_tweet") : std::nullopt;
  std::optional<std::string_view> text;
  if (extended) text = StringMember(*extended, "full_text");
  if (truncated && !text) {
    FR_LOG(kWarn, kComponent, "truncated tweet without extended_tweet.full_text id={}", m.external_id);
  }
  if (!text) text = StringMember(status, "text");
  if (!text) text = StringMember(status, "full_text");  // tweet_mode=extended shape
  if (!text) return MissingField(At(kArray, index, "text"));
  FR_ASSIGN_OR_RETURN(m.text, NormalizeText(*text));

  auto created = TweetTime(status);
  if (!created) return MissingField(At(kArray, index, "timestamp_ms|created_at"));
  m.created_at = *created;

  if (auto parent = IdMember(status, "in_reply_to_status_id_str")) m.parent_id = *parent;
  m.visibility = Visibility::kPublic;
  m.is_outbound = m.author.id == d.for_user_id;

  // Entities and media of a long tweet sit inside extended_tweet.
  const JsonElement holder = extended ? *extended : status;
  m.attachments = MediaOf(holder);
  if (m.attachments.empty() && extended) m.attachments = MediaOf(status);

  bool quotes_us = false;
  if (BoolMember(status, "is_quote_status").value_or(false)) {
    if (auto quoted = Member(status, "quoted_status")) {
      if (auto quoted_user = Member(*quoted, "user")) {
        quotes_us = IdMember(*quoted_user, "id_str") == d.account.user_id;
      }
    }
  }
  const bool mentions_us = EntitiesMention(holder, d.account) || EntitiesMention(status, d.account) ||
                           TextMentionsHandle(m.text, d.account.handle);
  if (Member(status, "retweeted_status")) {
    m.kind = MessageKind::kRepost;
  } else if (quotes_us) {
    m.kind = MessageKind::kQuote;
  } else if (!m.parent_id.empty()) {
    m.kind = MessageKind::kReply;
  } else if (mentions_us) {
    m.kind = MessageKind::kMention;
  } else {
    m.kind = MessageKind::kPost;
  }
  return m;
}

// DM text with media ends with the t.co link of that media (PROTOCOLS.md §1.4): drop it.
std::string_view StripMediaLink(std::string_view text, std::string_view media_url) {
  if (media_url.empty()) return text;
  std::string_view trimmed = TrimTrailingSpace(text);
  if (trimmed.size() >= media_url.size() &&
      trimmed.substr(trimmed.size() - media_url.size()) == media_url) {
    return TrimTrailingSpace(trimmed.substr(0, trimmed.size() - media_url.size()));
  }
  return text;
}

// Returns nullopt for a DM event type that is not a message (skipped by the caller).
Result<std::optional<Message>> ParseDm(JsonElement event, const Delivery& d, size_t index) {
  constexpr std::string_view kArray = "direct_message_events";
  auto type = StringMember(event, "type");
  if (!type) return MissingField(At(kArray, index, "type"));
  if (*type != "message_create") return std::optional<Message>();

  Message m;
  m.platform = domain::Platform::kX;
  m.account_id = d.for_user_id;
  m.visibility = Visibility::kPrivate;
  m.kind = MessageKind::kDm;
  auto id = IdMember(event, "id");
  if (!id || id->empty()) return MissingField(At(kArray, index, "id"));
  m.external_id = *id;
  auto created = IntMember(event, "created_timestamp");
  if (!created) return MissingField(At(kArray, index, "created_timestamp"));
  m.created_at = *created;

  auto create = Member(event, "message_create");
  if (!create) return MissingField(At(kArray, index, "message_create"));
  auto sender = IdMember(*create, "sender_id");
  if (!sender || sender->empty()) return MissingField(At(kArray, index, "message_create.sender_id"));
  std::optional<std::string> recipient;
  if (auto target = Member(*create, "target")) recipient = IdMember(*target, "recipient_id");
  if (!recipient || recipient->empty()) {
    return MissingField(At(kArray, index, "message_create.target.recipient_id"));
  }
  m.author.id = *sender;
  if (d.users) {
    if (auto profile = Member(*d.users, *sender)) FillProfile(Unwrap(*profile), m.author);
  }
  // Outgoing DMs arrive on the same hook: sender == for_user_id means it is ours.
  m.is_outbound = *sender == d.for_user_id;
  m.counterpart_id = m.is_outbound ? *recipient : *sender;

  std::string_view text;
  std::string_view media_link;
  if (auto data = Member(*create, "message_data")) {
    text = StringMember(*data, "text").value_or("");
    if (auto attachment = Member(*data, "attachment")) {
      if (auto media = Member(*attachment, "media")) {
        Attachment a;
        a.type = std::string(StringMember(*media, "type").value_or("photo"));
        a.url = std::string(StringMember(*media, "media_url_https").value_or(""));
        media_link = StringMember(*media, "url").value_or("");
        m.attachments.push_back(std::move(a));
      } else {
        FR_LOG(kDebug, kComponent, "dm attachment without media id={}", m.external_id);
      }
    }
  }
  FR_ASSIGN_OR_RETURN(m.text, NormalizeText(StripMediaLink(text, media_link)));
  return std::optional<Message>(std::move(m));
}

Result<InboundEvent> ParseDelete(JsonElement event, const Delivery& d, size_t index) {
  constexpr std::string_view kArray = "tweet_delete_events";
  auto status = Member(event, "status");
  if (!status) return MissingField(At(kArray, index, "status"));
  auto id = IdMember(*status, "id");
  if (!id || id->empty()) return MissingField(At(kArray, index, "status.id"));
  InboundEvent e;
  e.type = EventType::kDelete;
  e.message.platform = domain::Platform::kX;
  e.message.account_id = d.for_user_id;
  e.message.external_id = *id;
  if (auto user = IdMember(*status, "user_id")) e.message.author.id = *user;
  e.occurred_at = IntMember(event, "timestamp_ms").value_or(0);
  return e;
}

// Keys of the envelope that are not events.
bool IsEnvelopeKey(std::string_view key) {
  return key == "for_user_id" || key == "user_has_blocked" || key == "users" || key == "apps" ||
         key == "source";
}

// Event keys the AAA documentation lists that carry nothing we store (PROTOCOLS.md §1.4).
bool IsKnownSkippedKey(std::string_view key) {
  return key == "favorite_events" || key == "follow_events" || key == "block_events" ||
         key == "mute_events" || key == "direct_message_indicate_typing_events" ||
         key == "direct_message_mark_read_events" || key == "user_event";
}

// Parses the stored event arrays (tweets, DMs, deletes) into `out`, in order.
Status AppendEvents(std::string_view key, JsonElement value, const Delivery& d, ParsedDelivery& out) {
  if (value.is_null()) return Status::Ok();
  if (!value.is_array()) return MissingField(std::string(key) + "[]");
  // A named array: iterating the temporary simdjson_result would dangle.
  const simdjson::dom::array events = value.get_array().value_unsafe();
  size_t index = 0;
  for (JsonElement event : events) {
    if (key == "tweet_create_events") {
      FR_ASSIGN_OR_RETURN(Message m, ParseTweet(event, d, index));
      out.events.push_back(InboundEvent{EventType::kMessage, std::move(m), 0});
    } else if (key == "direct_message_events") {
      FR_ASSIGN_OR_RETURN(std::optional<Message> m, ParseDm(event, d, index));
      if (m) {
        out.events.push_back(InboundEvent{EventType::kMessage, std::move(*m), 0});
      } else {
        out.skipped.emplace_back(key);  // participants / non-message DM events
      }
    } else {
      FR_ASSIGN_OR_RETURN(InboundEvent e, ParseDelete(event, d, index));
      out.events.push_back(std::move(e));
    }
    ++index;
  }
  return Status::Ok();
}

}  // namespace

Result<ParsedDelivery> ParseAccountActivity(std::string_view body, const XConfig& config) {
  JsonDocument doc;
  FR_RETURN_IF_ERROR(doc.Parse(body));
  const JsonElement root = doc.root();
  if (!root.is_object()) return MissingField("for_user_id");
  auto for_user_id = IdMember(root, "for_user_id");
  if (!for_user_id || for_user_id->empty()) return MissingField("for_user_id");
  const XAccount* account = FindAccount(config, *for_user_id);
  if (account == nullptr) {
    return Status(Errc::kInvalidArgument, "unknown_account",
                  "for_user_id is not a configured X account: " + *for_user_id);
  }
  Delivery d{*account, *for_user_id, Member(root, "users")};

  ParsedDelivery out;
  for (auto field : root.get_object()) {
    const std::string_view key = field.key;
    const JsonElement value = field.value;
    if (IsEnvelopeKey(key)) continue;
    if (key == "tweet_create_events" || key == "direct_message_events" ||
        key == "tweet_delete_events") {
      FR_RETURN_IF_ERROR(AppendEvents(key, value, d, out));
      continue;
    }
    if (!value.is_array() && !value.is_object()) {
      FR_LOG(kDebug, kComponent, "ignoring scalar envelope key={}", key);
      continue;
    }
    if (!IsKnownSkippedKey(key)) {
      // Unknown events are logged and skipped, never fatal (PROTOCOLS.md §0).
      FR_LOG(kInfo, kComponent, "skipping unknown AAA event key={}", key);
    }
    // One entry per event: an array counts its items, an object (user_event) is one.
    const size_t count = value.is_array() ? value.get_array().value_unsafe().size() : 1;
    for (size_t i = 0; i < count; ++i) out.skipped.emplace_back(key);
  }
  return out;
}

}  // namespace fr::channels::x
