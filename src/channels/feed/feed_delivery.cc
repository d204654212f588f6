#include "channels/feed/feed_delivery.h"

#include <boost/json.hpp>

#include "base/unicode.h"
#include "channels/common/json_fields.h"

namespace fr::channels::feed {
namespace {

namespace json = boost::json;

std::string Path(size_t i, std::string_view field) {
  return "items[" + std::to_string(i) + "]." + std::string(field);
}

// The message of one stored item.
Result<domain::Message> MessageOf(JsonElement item, size_t i, std::string_view feed,
                                  UnixMillis fetched_at) {
  auto key = StringMember(item, "key");
  if (!key || key->empty()) return MissingField(Path(i, "key"));
  const std::string_view title = StringMember(item, "title").value_or("");
  const std::string_view text = StringMember(item, "text").value_or("");
  const std::string_view author = StringMember(item, "author").value_or("");
  const std::string_view email = StringMember(item, "author_email").value_or("");
  const std::string_view link = StringMember(item, "link").value_or("");
  const std::int64_t published = IntMember(item, "published").value_or(0);

  domain::Message m;
  m.platform = domain::Platform::kRss;
  m.account_id = std::string(feed);
  m.external_id = std::string(feed) + ":" + std::string(*key);
  m.thread_key = m.external_id;
  const std::string_view who = !email.empty() ? email : author;
  m.author.id = who.empty() ? std::string(feed) : std::string(feed) + ":" + std::string(who);
  m.author.name = std::string(author);
  std::string body(title);
  if (!title.empty() && !text.empty()) body += "\n\n";
  body += text;
  FR_ASSIGN_OR_RETURN(m.text, unicode::ToNfc(body));
  m.created_at = published > 0 ? published : fetched_at;
  m.kind = domain::MessageKind::kPost;
  m.visibility = domain::Visibility::kPublic;
  m.overheard = true;
  if (!link.empty()) m.attachments.push_back({"link", std::string(link)});
  return m;
}

}  // namespace

std::string StoredItems(std::string_view feed_id, UnixMillis fetched_at,
                        const std::vector<FeedItem>& items) {
  json::array list;
  for (const FeedItem& it : items) {
    list.emplace_back(json::object{{"key", it.key},
                                   {"link", it.link},
                                   {"title", it.title},
                                   {"text", it.text},
                                   {"author", it.author},
                                   {"author_email", it.author_email},
                                   {"published", it.published}});
  }
  return json::serialize(
      json::object{{"feed", feed_id}, {"fetched_at", fetched_at}, {"items", std::move(list)}});
}

Result<domain::ParsedDelivery> ParseStoredItems(std::string_view raw) {
  JsonDocument doc;
  FR_RETURN_IF_ERROR(doc.Parse(raw));
  auto feed = StringMember(doc.root(), "feed");
  if (!feed || feed->empty()) return MissingField("feed");
  const std::int64_t fetched_at = IntMember(doc.root(), "fetched_at").value_or(0);
  auto items = ArrayMember(doc.root(), "items");
  if (!items) return MissingField("items");
  domain::ParsedDelivery out;
  size_t i = 0;
  for (JsonElement item : *items) {
    FR_ASSIGN_OR_RETURN(domain::Message m, MessageOf(item, i++, *feed, fetched_at));
    domain::InboundEvent e;
    e.message = std::move(m);
    out.events.push_back(std::move(e));
  }
  return out;
}

}  // namespace fr::channels::feed
