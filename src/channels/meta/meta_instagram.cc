// Instagram changes (object "instagram", entry.changes[]): `comments` and `live_comments` on
// the account's media, and `mentions` of the account. Shapes: research/PROTOCOLS.md §2.4 and
// fixtures/instagram/restfb/wh-*.json. Instagram sends no edit, delete or hide changes.

#include <string>

#include "base/log.h"
#include "channels/meta/meta_parse_internal.h"

namespace fr::channels::meta::internal {
namespace {

domain::Message NewInstagramMessage(const EntryContext& ctx) {
  domain::Message m;
  m.platform = domain::Platform::kInstagram;
  m.account_id = ctx.account_id;
  m.visibility = domain::Visibility::kPublic;
  // The payload has no created time (PROTOCOLS.md §2.4): entry.time, in seconds, stands in.
  m.created_at = ctx.time ? SecondsToMillis(*ctx.time) : 0;
  return m;
}

void Emit(domain::Message m, domain::ParsedDelivery& out) {
  domain::InboundEvent e;
  e.type = domain::EventType::kMessage;
  e.message = std::move(m);
  out.events.push_back(std::move(e));
}

// value: {id, text, from{id,username}, media{id,media_product_type}, parent_id (replies only)}.
Status ParseComment(const EntryContext& ctx, JsonElement value, const std::string& vpath,
                    domain::ParsedDelivery& out) {
  domain::Message m = NewInstagramMessage(ctx);
  auto id = IdMember(value, "id");
  if (!id) return MissingField(vpath + ".id");
  m.external_id = *id;
  if (auto media = Member(value, "media")) m.thread_key = IdMember(*media, "id").value_or("");
  if (auto parent = IdMember(value, "parent_id")) {
    m.kind = domain::MessageKind::kReply;
    m.parent_id = *parent;
  } else {
    // A top-level comment answers the media, as a Facebook comment's parent_id is its post.
    m.kind = domain::MessageKind::kComment;
    m.parent_id = m.thread_key;
  }
  if (auto from = Member(value, "from")) {
    m.author.id = IdMember(*from, "id").value_or("");
    m.author.handle = std::string(StringMember(*from, "username").value_or(""));
  }
  FR_ASSIGN_OR_RETURN(m.text, TextMember(value, "text"));
  // The account's own replies come back as comments from itself.
  m.is_outbound = !m.author.id.empty() && m.author.id == ctx.account_id;
  Emit(std::move(m), out);
  return Status::Ok();
}

// value: {comment_id?, media_id}. The delivery carries no text and no author: the mention is
// stored empty and its text is fetched later through the Graph API (mentioned_comment /
// mentioned_media), which is not this parser's job.
Status ParseMention(const EntryContext& ctx, JsonElement value, const std::string& vpath,
                    domain::ParsedDelivery& out) {
  domain::Message m = NewInstagramMessage(ctx);
  m.kind = domain::MessageKind::kMention;
  std::optional<std::string> media_id = IdMember(value, "media_id");
  std::optional<std::string> comment_id = IdMember(value, "comment_id");
  if (!media_id && !comment_id) return MissingField(vpath + ".media_id");
  m.thread_key = media_id.value_or("");
  if (comment_id) {
    m.external_id = *comment_id;
    m.parent_id = m.thread_key;
  } else {
    m.external_id = *media_id;
  }
  Emit(std::move(m), out);
  return Status::Ok();
}

}  // namespace

Status ParseInstagramChange(const EntryContext& ctx, JsonElement change, const std::string& path,
                            domain::ParsedDelivery& out) {
  auto field = StringMember(change, "field");
  if (!field) return MissingField(path + ".field");
  const bool is_comment = *field == "comments" || *field == "live_comments";
  if (!is_comment && *field != "mentions") {
    FR_LOG(kWarn, "meta", "skipping unhandled instagram change field={}", field->substr(0, 32));
    out.skipped.push_back("instagram.unknown_field");
    return Status::Ok();
  }
  auto value = Member(change, "value");
  std::string vpath = path + ".value";
  if (!value || !value->is_object()) return MissingField(vpath);
  if (is_comment) return ParseComment(ctx, *value, vpath, out);
  return ParseMention(ctx, *value, vpath, out);
}

}  // namespace fr::channels::meta::internal
