// Messenger and Instagram messaging events (entry.messaging[] and entry.standby[]): messages,
// echoes, edits, deletions and postbacks become DMs; receipts, reactions, handover and the
// rest are skipped by name. Shapes: research/PROTOCOLS.md §2.3–2.4 and the restfb fixtures
// under fixtures/messenger/ and fixtures/instagram/. Standby events (another app owns the
// thread) are stored like the others; the thread-ownership rule is applied when replying.

#include <array>
#include <string>
#include <utility>

#include "base/log.h"
#include "channels/meta/meta_parse_internal.h"

namespace fr::channels::meta::internal {
namespace {

using domain::EventType;

// Messaging events we recognise and deliberately do not store. "policy-enforcement" is
// spelled with a hyphen on the wire; the skipped name uses an underscore.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kSkippedEvents = {{
    {"read", "read"},
    {"delivery", "delivery"},
    {"reaction", "reaction"},
    {"optin", "optin"},
    {"referral", "referral"},
    {"pass_thread_control", "pass_thread_control"},
    {"take_thread_control", "take_thread_control"},
    {"request_thread_control", "request_thread_control"},
    {"policy-enforcement", "policy_enforcement"},
    {"policy_enforcement", "policy_enforcement"},
    {"app_roles", "app_roles"},
    {"account_linking", "account_linking"},
    {"game_play", "game_play"},
    {"messaging_feedback", "messaging_feedback"},
}};

// The parties of a private thread, from the account's point of view.
struct Parties {
  bool outbound = false;
  std::string author_id;
  std::string counterpart_id;
};

// Who wrote the event and who the customer is. An echo (is_echo, or a sender that is the
// account itself) is ours: the author is the account and the counterpart is the other party.
// Meta's echoes put the page in `sender`, but documentation copies (messaging-message-basic-
// echo.json) keep the customer there, so the counterpart is whichever party is not us.
Result<Parties> ReadParties(const EntryContext& ctx, JsonElement event, bool is_echo,
                            const std::string& path) {
  auto party = [&](std::string_view key) {
    std::optional<JsonElement> obj = Member(event, key);
    return obj ? IdMember(*obj, "id").value_or("") : std::string();
  };
  const std::string sender = party("sender");
  const std::string recipient = party("recipient");
  Parties p;
  p.outbound = is_echo || (!sender.empty() && sender == ctx.account_id);
  if (p.outbound) {
    p.author_id = ctx.account_id;
    if (!recipient.empty() && recipient != ctx.account_id) {
      p.counterpart_id = recipient;
    } else if (!sender.empty() && sender != ctx.account_id) {
      p.counterpart_id = sender;
    } else {
      return MissingField(path + ".recipient.id");
    }
  } else {
    if (sender.empty()) return MissingField(path + ".sender.id");
    p.author_id = sender;
    p.counterpart_id = sender;
  }
  return p;
}

// The event's time in ms: `timestamp`, else entry.time (also ms for messaging), else 0.
UnixMillis EventTime(const EntryContext& ctx, JsonElement event) {
  if (auto t = TimeMember(event, "timestamp")) return *t;
  return ctx.time.value_or(0);
}

Result<domain::Message> NewDm(const EntryContext& ctx, JsonElement event, bool is_echo,
                              const std::string& path) {
  FR_ASSIGN_OR_RETURN(Parties parties, ReadParties(ctx, event, is_echo, path));
  domain::Message m;
  m.platform = ctx.dm_platform;
  m.account_id = ctx.account_id;
  m.visibility = domain::Visibility::kPrivate;
  m.kind = domain::MessageKind::kDm;
  m.is_outbound = parties.outbound;
  m.author.id = std::move(parties.author_id);
  m.counterpart_id = std::move(parties.counterpart_id);
  m.created_at = EventTime(ctx, event);
  return m;
}

// message.attachments[]: {type, payload{url, sticker_id, ...}}. Unknown types are kept with
// their name (Instagram: share, story_mention, reel, ig_reel, unsupported_type, ...); a
// payload without a URL (location, template, sticker) gives an empty url. Never fails.
void ReadAttachments(JsonElement message, domain::Message& m) {
  bool has_sticker = false;
  if (auto atts = ArrayMember(message, "attachments")) {
    for (JsonElement att : *atts) {
      if (!att.is_object()) continue;
      std::string type(StringMember(att, "type").value_or("unknown"));
      std::optional<JsonElement> payload = Member(att, "payload");
      std::optional<std::string_view> url;
      if (payload && payload->is_object()) {
        url = StringMember(*payload, "url");
        if (Member(*payload, "sticker_id")) type = "sticker";
      }
      if (!url) url = StringMember(att, "url");  // "fallback" attachments carry it here
      has_sticker = has_sticker || type == "sticker";
      m.attachments.push_back(domain::Attachment{std::move(type), std::string(url.value_or(""))});
    }
  }
  if (!has_sticker && Member(message, "sticker_id")) {
    m.attachments.push_back(domain::Attachment{"sticker", ""});
  }
}

void Emit(EventType type, UnixMillis occurred_at, domain::Message m, domain::ParsedDelivery& out) {
  domain::InboundEvent e;
  e.type = type;
  e.occurred_at = type == EventType::kMessage ? 0 : occurred_at;
  e.message = std::move(m);
  out.events.push_back(std::move(e));
}

// `message`: a new DM, an echo of ours, or (is_deleted) the removal of one.
Status ParseMessage(const EntryContext& ctx, JsonElement event, JsonElement message,
                    const std::string& path, domain::ParsedDelivery& out) {
  auto mid = IdMember(message, "mid");
  if (!mid) return MissingField(path + ".message.mid");
  const bool is_echo = BoolMember(message, "is_echo").value_or(false);
  FR_ASSIGN_OR_RETURN(domain::Message m, NewDm(ctx, event, is_echo, path));
  m.external_id = *mid;
  if (BoolMember(message, "is_deleted").value_or(false)) {
    Emit(EventType::kDelete, m.created_at, std::move(m), out);
    return Status::Ok();
  }
  FR_ASSIGN_OR_RETURN(m.text, TextMember(message, "text"));
  if (auto reply_to = Member(message, "reply_to")) {
    m.parent_id = IdMember(*reply_to, "mid").value_or("");
    // An Instagram story reply: the story is media, not a message we hold, so it is kept as
    // an attachment (its URL is a signed link that expires) rather than as parent_id.
    if (auto story = Member(*reply_to, "story")) {
      m.attachments.push_back(
          domain::Attachment{"story_reply", std::string(StringMember(*story, "url").value_or(""))});
    }
  }
  ReadAttachments(message, m);
  if (BoolMember(message, "is_unsupported").value_or(false)) {
    // The customer sent something Meta cannot deliver through the API (e.g. some voice or
    // sticker types). Stored as an empty DM with a marker so an agent sees the contact.
    m.attachments.push_back(domain::Attachment{"unsupported", ""});
  }
  Emit(EventType::kMessage, 0, std::move(m), out);
  return Status::Ok();
}

// `message_edit{mid, text, num_edit}`: new text for a DM. The edit carries no original time,
// so created_at is the edit's time.
Status ParseMessageEdit(const EntryContext& ctx, JsonElement event, JsonElement edit,
                        const std::string& path, domain::ParsedDelivery& out) {
  auto mid = IdMember(edit, "mid");
  if (!mid) return MissingField(path + ".message_edit.mid");
  FR_ASSIGN_OR_RETURN(domain::Message m, NewDm(ctx, event, /*is_echo=*/false, path));
  m.external_id = *mid;
  FR_ASSIGN_OR_RETURN(m.text, TextMember(edit, "text"));
  Emit(EventType::kEdit, m.created_at, std::move(m), out);
  return Status::Ok();
}

// `postback{title, payload, mid?}`: the customer tapped a button; the visible button title is
// what they "said". Older postbacks have no mid, so a deterministic id is derived from the
// sender and the timestamp (a redelivery gets the same id and dedupes).
Status ParsePostback(const EntryContext& ctx, JsonElement event, JsonElement postback,
                     const std::string& path, domain::ParsedDelivery& out) {
  FR_ASSIGN_OR_RETURN(domain::Message m, NewDm(ctx, event, /*is_echo=*/false, path));
  if (auto mid = IdMember(postback, "mid")) {
    m.external_id = *mid;
  } else {
    auto ts = TimeMember(event, "timestamp");
    if (!ts) return MissingField(path + ".timestamp");
    m.external_id = "postback:" + m.author.id + ":" + std::to_string(*ts);
  }
  FR_ASSIGN_OR_RETURN(m.text, TextMember(postback, "title"));
  Emit(EventType::kMessage, 0, std::move(m), out);
  return Status::Ok();
}

}  // namespace

Status ParseMessagingEvent(const EntryContext& ctx, JsonElement event, std::string_view array_name,
                           const std::string& path, domain::ParsedDelivery& out) {
  auto skip = [&](std::string_view what) {
    out.skipped.push_back(std::string(array_name) + "." + std::string(what));
    return Status::Ok();
  };
  if (!event.is_object()) return skip("unknown");
  if (auto message = Member(event, "message"); message && message->is_object()) {
    return ParseMessage(ctx, event, *message, path, out);
  }
  if (auto edit = Member(event, "message_edit"); edit && edit->is_object()) {
    return ParseMessageEdit(ctx, event, *edit, path, out);
  }
  if (auto postback = Member(event, "postback"); postback && postback->is_object()) {
    return ParsePostback(ctx, event, *postback, path, out);
  }
  for (const auto& [key, name] : kSkippedEvents) {
    if (Member(event, key)) return skip(name);
  }
  FR_LOG(kWarn, "meta", "skipping unrecognised {} event", array_name);
  return skip("unknown");
}

}  // namespace fr::channels::meta::internal
