// Page changes (object "page", entry.changes[]): the `feed` field (posts and comments on the
// Page), `mention` (the Page tagged elsewhere) and `ratings` (reviews / recommendations).
// Shapes: research/PROTOCOLS.md §2.2 and the restfb fixtures under fixtures/facebook/.

#include <string>

#include "base/log.h"
#include "channels/meta/meta_parse_internal.h"

namespace fr::channels::meta::internal {
namespace {

using domain::EventType;
using domain::MessageKind;

// The event a change's `verb` stands for, or nullopt for a verb we do not store. Meta's docs
// say "edited"; older deliveries (fixtures/facebook/restfb/feed-post-edit.json) say "edit".
std::optional<EventType> VerbEvent(std::string_view verb) {
  if (verb == "add") return EventType::kMessage;
  if (verb == "edited" || verb == "edit") return EventType::kEdit;
  if (verb == "remove") return EventType::kDelete;
  if (verb == "hide") return EventType::kHide;
  if (verb == "unhide") return EventType::kUnhide;
  return std::nullopt;
}

// The skipped-name suffix for a verb VerbEvent does not map: a bounded vocabulary, because
// skipped names become metrics labels.
std::string_view SkippedVerb(std::string_view verb) {
  if (verb == "block") return "block";
  if (verb == "mute") return "mute";
  return "other_verb";
}

// Author from `from{id,name}` (newer deliveries) or `<id_key>` / `<name_key>` (older ones:
// sender_id / sender_name, reviewer_id / reviewer_name); when both are present `from` wins.
// Errors: kMalformed "invalid_utf8" from NFC (cannot happen after a validated parse).
Result<domain::Author> ReadAuthor(JsonElement value, std::string_view id_key,
                                  std::string_view name_key) {
  domain::Author author;
  std::optional<JsonElement> from = Member(value, "from");
  std::optional<std::string> id = from ? IdMember(*from, "id") : std::nullopt;
  if (!id) id = IdMember(value, id_key);
  author.id = id.value_or("");
  std::optional<std::string_view> name = from ? StringMember(*from, "name") : std::nullopt;
  if (!name) name = StringMember(value, name_key);
  if (name) {
    FR_ASSIGN_OR_RETURN(author.name, NormalizeText(*name));
  }
  return author;
}

// value.post_id, or the id of the `post` object newer deliveries add.
std::optional<std::string> PostId(JsonElement value) {
  if (auto id = IdMember(value, "post_id")) return id;
  if (auto post = Member(value, "post")) return IdMember(*post, "id");
  return std::nullopt;
}

// created_time (epoch seconds) when given, else entry.time (also seconds for changes).
UnixMillis CreatedAt(const EntryContext& ctx, JsonElement value) {
  if (auto t = TimeMember(value, "created_time")) return SecondsToMillis(*t);
  if (ctx.time) return SecondsToMillis(*ctx.time);
  return 0;
}

// When the change happened: entry.time, else the item's own time.
UnixMillis OccurredAt(const EntryContext& ctx, const domain::Message& m) {
  if (ctx.time) return SecondsToMillis(*ctx.time);
  return m.created_at;
}

void AddAttachment(domain::Message& m, std::string type, std::string_view url) {
  for (const auto& a : m.attachments) {
    if (a.url == url && !url.empty()) return;  // `link` often repeats `photo`
  }
  m.attachments.push_back(domain::Attachment{std::move(type), std::string(url)});
}

// `photo` / `photos[]` / `video` / `link` (all URLs). On photo and video items `link` is the
// media itself (feed-photo-add-message.json, feed-video-add.json), so it takes the item's type.
void ReadFeedAttachments(JsonElement value, std::string_view item, domain::Message& m) {
  if (auto url = StringMember(value, "photo")) AddAttachment(m, "photo", *url);
  if (auto photos = ArrayMember(value, "photos")) {
    for (JsonElement p : *photos) {
      if (p.is_string()) AddAttachment(m, "photo", p.get_string().value_unsafe());
    }
  }
  if (auto url = StringMember(value, "video")) AddAttachment(m, "video", *url);
  if (auto url = StringMember(value, "link")) {
    std::string type = (item == "photo" || item == "video") ? std::string(item) : "link";
    AddAttachment(m, std::move(type), *url);
  }
}

// Records a recognised-but-not-stored change as "<field>.<what>"; always OK.
Status Skip(domain::ParsedDelivery& out, std::string_view field, std::string_view what) {
  out.skipped.push_back(std::string(field) + "." + std::string(what));
  return Status::Ok();
}

void Emit(const EntryContext& ctx, EventType type, domain::Message m, domain::ParsedDelivery& out) {
  domain::InboundEvent e;
  e.type = type;
  e.occurred_at = type == EventType::kMessage ? 0 : OccurredAt(ctx, m);
  e.message = std::move(m);
  out.events.push_back(std::move(e));
}

domain::Message NewPageMessage(const EntryContext& ctx) {
  domain::Message m;
  m.platform = domain::Platform::kFacebook;
  m.account_id = ctx.account_id;
  m.visibility = domain::Visibility::kPublic;
  return m;
}

// field "feed": value.item × value.verb.
Status ParseFeed(const EntryContext& ctx, JsonElement value, const std::string& vpath,
                 domain::ParsedDelivery& out) {
  std::string_view item = StringMember(value, "item").value_or("");
  std::string_view verb = StringMember(value, "verb").value_or("");
  if (item == "reaction" || item == "like") return Skip(out, "feed", item);
  const bool is_comment = item == "comment";
  const bool is_post = item == "post" || item == "status" || item == "photo" || item == "video" ||
                       item == "share";
  if (!is_comment && !is_post) {
    FR_LOG(kDebug, "meta", "skipping feed item={}", item.substr(0, 32));
    return Skip(out, "feed", "other_item");
  }
  std::optional<EventType> type = VerbEvent(verb);
  if (!type) return Skip(out, "feed", SkippedVerb(verb));

  domain::Message m = NewPageMessage(ctx);
  std::optional<std::string> post_id = PostId(value);
  if (is_comment) {
    auto comment_id = IdMember(value, "comment_id");
    if (!comment_id) return MissingField(vpath + ".comment_id");
    m.external_id = *comment_id;
    m.thread_key = post_id.value_or("");
    // parent_id is the post for a top-level comment and the parent comment for a reply.
    m.parent_id = IdMember(value, "parent_id").value_or(m.thread_key);
    m.kind = (post_id && m.parent_id != *post_id) ? MessageKind::kReply : MessageKind::kComment;
  } else {
    if (!post_id) return MissingField(vpath + ".post_id");
    m.external_id = *post_id;
    m.thread_key = *post_id;
    m.kind = MessageKind::kPost;
  }
  FR_ASSIGN_OR_RETURN(m.author, ReadAuthor(value, "sender_id", "sender_name"));
  FR_ASSIGN_OR_RETURN(m.text, TextMember(value, "message"));
  m.created_at = CreatedAt(ctx, value);
  ReadFeedAttachments(value, item, m);
  // The Page's own posts and comments come back on the feed too (PROTOCOLS.md §7.6).
  m.is_outbound = !m.author.id.empty() && m.author.id == ctx.account_id;
  Emit(ctx, *type, std::move(m), out);
  return Status::Ok();
}

// field "mention": the Page was tagged in a post or a comment (value.item post|comment).
Status ParseMention(const EntryContext& ctx, JsonElement value, const std::string& vpath,
                    domain::ParsedDelivery& out) {
  std::string_view item = StringMember(value, "item").value_or("");
  std::string_view verb = StringMember(value, "verb").value_or("");
  if (item != "post" && item != "comment") return Skip(out, "mention", "other_item");
  std::optional<EventType> type = VerbEvent(verb);
  if (!type) return Skip(out, "mention", SkippedVerb(verb));

  domain::Message m = NewPageMessage(ctx);
  m.kind = MessageKind::kMention;
  std::optional<std::string> post_id = PostId(value);
  if (item == "comment") {
    auto comment_id = IdMember(value, "comment_id");
    if (!comment_id) return MissingField(vpath + ".comment_id");
    m.external_id = *comment_id;
    m.thread_key = post_id.value_or("");
    m.parent_id = IdMember(value, "parent_id").value_or(m.thread_key);
  } else {
    if (!post_id) return MissingField(vpath + ".post_id");
    m.external_id = *post_id;
    m.thread_key = *post_id;
  }
  FR_ASSIGN_OR_RETURN(m.author, ReadAuthor(value, "sender_id", "sender_name"));
  FR_ASSIGN_OR_RETURN(m.text, TextMember(value, "message"));
  m.created_at = CreatedAt(ctx, value);
  m.is_outbound = !m.author.id.empty() && m.author.id == ctx.account_id;
  Emit(ctx, *type, std::move(m), out);
  return Status::Ok();
}

// field "ratings": item "rating" is a review or recommendation (key: open_graph_story_id);
// item "comment" is a comment on one, threaded under the review's story id.
Status ParseRatings(const EntryContext& ctx, JsonElement value, const std::string& vpath,
                    domain::ParsedDelivery& out) {
  std::string_view item = StringMember(value, "item").value_or("");
  std::string_view verb = StringMember(value, "verb").value_or("");
  if (item == "reaction" || item == "like") return Skip(out, "ratings", item);
  if (item != "rating" && item != "comment") return Skip(out, "ratings", "other_item");
  std::optional<EventType> type = VerbEvent(verb);
  if (!type) return Skip(out, "ratings", SkippedVerb(verb));

  domain::Message m = NewPageMessage(ctx);
  std::optional<std::string> story_id = IdMember(value, "open_graph_story_id");
  if (item == "rating") {
    if (!story_id) return MissingField(vpath + ".open_graph_story_id");
    m.kind = MessageKind::kReview;
    m.external_id = *story_id;
    m.thread_key = *story_id;
    FR_ASSIGN_OR_RETURN(m.author, ReadAuthor(value, "reviewer_id", "reviewer_name"));
    if (m.author.id.empty()) {
      FR_ASSIGN_OR_RETURN(m.author, ReadAuthor(value, "sender_id", "sender_name"));
    }
    FR_ASSIGN_OR_RETURN(m.text, TextMember(value, "review_text"));
  } else {
    // comment_id may be null on ratings deliveries (ratings-rating-add-31.json); a comment
    // without one cannot be identified.
    auto comment_id = IdMember(value, "comment_id");
    if (!comment_id) return MissingField(vpath + ".comment_id");
    m.kind = MessageKind::kComment;
    m.external_id = *comment_id;
    std::string post_id = PostId(value).value_or("");
    m.thread_key = story_id.value_or(post_id);
    m.parent_id = story_id ? *story_id : IdMember(value, "parent_id").value_or(post_id);
    FR_ASSIGN_OR_RETURN(m.author, ReadAuthor(value, "sender_id", "sender_name"));
    FR_ASSIGN_OR_RETURN(m.text, TextMember(value, "message"));
    m.is_outbound = !m.author.id.empty() && m.author.id == ctx.account_id;
  }
  m.created_at = CreatedAt(ctx, value);
  Emit(ctx, *type, std::move(m), out);
  return Status::Ok();
}

}  // namespace

Status ParsePageChange(const EntryContext& ctx, JsonElement change, const std::string& path,
                       domain::ParsedDelivery& out) {
  auto field = StringMember(change, "field");
  if (!field) return MissingField(path + ".field");
  const bool known = *field == "feed" || *field == "mention" || *field == "ratings";
  if (!known) {
    // Other Page fields (and fields Meta adds later) are not ours to store: skip, never fail.
    FR_LOG(kWarn, "meta", "skipping unhandled page change field={}", field->substr(0, 32));
    out.skipped.push_back("page.unknown_field");
    return Status::Ok();
  }
  auto value = Member(change, "value");
  std::string vpath = path + ".value";
  if (!value || !value->is_object()) return MissingField(vpath);
  if (*field == "feed") return ParseFeed(ctx, *value, vpath, out);
  if (*field == "mention") return ParseMention(ctx, *value, vpath, out);
  return ParseRatings(ctx, *value, vpath, out);
}

}  // namespace fr::channels::meta::internal
