#include "channels/sim/x_webhooks.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <cctype>

#include "base/crypto.h"
#include "channels/sim/sim_dates.h"
#include "channels/sim/sim_json.h"
#include "channels/sim/utf8_text.h"

namespace fr::channels::sim::internal {
namespace {

namespace json = boost::json;

// v1.1 compatibility mode: `text` holds at most 140 characters.
constexpr std::size_t kCompatLength = 140;
constexpr std::size_t kTruncatedKeep = 114;  // + "… " + a 23-character t.co link = 139

json::object UserJson(const Person& p) {
  json::object u;
  u["id"] = NumericId(p.id);
  u["id_str"] = p.id;
  u["name"] = p.name;
  u["screen_name"] = p.handle;
  u["protected"] = false;
  u["verified"] = p.verified;
  u["followers_count"] = p.followers;
  return u;
}

json::array Indices(std::size_t begin, std::size_t end) { return json::array{begin, end}; }

// entities with the user_mentions of `mentionable` found in `text` that end by `limit`.
json::object Entities(std::string_view text, const std::vector<Person>& mentionable,
                      std::size_t limit) {
  struct Found {
    MentionSpan span;
    const Person* person;
  };
  std::vector<Found> found;
  for (const Person& p : mentionable) {
    for (const MentionSpan& s : FindMentions(text, p.handle)) {
      if (s.end <= limit) found.push_back({s, &p});
    }
  }
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.span.begin < b.span.begin; });
  json::array mentions;
  for (const Found& f : found) {
    mentions.push_back(json::object{{"screen_name", f.person->handle},
                                    {"name", f.person->name},
                                    {"id", NumericId(f.person->id)},
                                    {"id_str", f.person->id},
                                    {"indices", Indices(f.span.begin, f.span.end)}});
  }
  return json::object{{"hashtags", json::array()},
                      {"urls", json::array()},
                      {"user_mentions", std::move(mentions)},
                      {"symbols", json::array()}};
}

// A t.co-style short link for the post itself, stable for a given id.
std::string TcoLink(std::string_view id) {
  std::string code;
  for (char c : crypto::Base64(crypto::HmacSha256("t.co", id))) {
    if (std::isalnum(static_cast<unsigned char>(c)) && code.size() < 10) code += c;
  }
  return "https://t.co/" + code;
}

json::value IdOrNull(const XPost* post) {
  return post ? json::value(post->id) : json::value(nullptr);
}

json::object TweetJson(const XTweetEvent& e) {
  const std::size_t total = CodePointCount(e.text);
  const std::size_t prefix =
      e.in_reply_to ? CodePointCount(ReplyPrefix(*e.in_reply_to, e.author.id)) : 0;
  const bool truncated = total > kCompatLength;

  json::object t;
  t["created_at"] = TwitterDate(e.created_at);
  t["id"] = NumericId(e.id);
  t["id_str"] = e.id;
  if (truncated) {
    const std::string link = TcoLink(e.id);
    t["text"] = std::string(CodePointPrefix(e.text, kTruncatedKeep)) + "\u2026 " + link;
    t["display_text_range"] = Indices(prefix, kTruncatedKeep + 1);
  } else {
    t["text"] = e.text;
    t["display_text_range"] = Indices(prefix, total);
  }
  t["source"] = R"(<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>)";
  t["truncated"] = truncated;
  t["in_reply_to_status_id"] = e.in_reply_to ? NumericId(e.in_reply_to->id) : nullptr;
  t["in_reply_to_status_id_str"] = IdOrNull(e.in_reply_to);
  t["in_reply_to_user_id"] = e.in_reply_to ? NumericId(e.in_reply_to->author.id) : nullptr;
  t["in_reply_to_user_id_str"] = e.in_reply_to ? json::value(e.in_reply_to->author.id) : nullptr;
  t["in_reply_to_screen_name"] =
      e.in_reply_to ? json::value(e.in_reply_to->author.handle) : nullptr;
  t["user"] = UserJson(e.author);
  t["is_quote_status"] = e.quoted != nullptr;
  if (e.quoted) {
    t["quoted_status_id"] = NumericId(e.quoted->id);
    t["quoted_status_id_str"] = e.quoted->id;
    t["quoted_status"] = json::object{{"id", NumericId(e.quoted->id)},
                                      {"id_str", e.quoted->id},
                                      {"text", e.quoted->text},
                                      {"user", UserJson(e.quoted->author)}};
  }
  if (truncated) {
    t["extended_tweet"] = json::object{{"full_text", e.text},
                                       {"display_text_range", Indices(prefix, total)},
                                       {"entities", Entities(e.text, e.mentionable, total)}};
  }
  t["quote_count"] = 0;
  t["reply_count"] = 0;
  t["retweet_count"] = 0;
  t["favorite_count"] = 0;
  json::object entities = Entities(e.text, e.mentionable, truncated ? kTruncatedKeep : total);
  if (truncated) {
    const std::string link = TcoLink(e.id);
    const std::size_t begin = kTruncatedKeep + 2;
    entities["urls"] = json::array{
        json::object{{"url", link},
                     {"expanded_url", "https://twitter.com/i/web/status/" + e.id},
                     {"display_url", "twitter.com/i/web/status/" + e.id.substr(0, 7) + "\u2026"},
                     {"indices", Indices(begin, begin + CodePointCount(link))}}};
  }
  t["entities"] = std::move(entities);
  t["favorited"] = false;
  t["retweeted"] = false;
  t["filter_level"] = "low";
  t["lang"] = XLang(e.text);
  t["timestamp_ms"] = std::to_string(e.created_at);
  return t;
}

json::object DmUserJson(const Person& p) {
  return json::object{
      {"id", p.id},         {"name", p.name},         {"screen_name", p.handle},
      {"protected", false}, {"verified", p.verified}, {"followers_count", p.followers}};
}

OutgoingWebhook Signed(std::string_view consumer_secret, const json::object& body) {
  OutgoingWebhook w;
  w.path = "/webhooks/x";
  w.body = json::serialize(body);
  w.headers.emplace_back("content-type", "application/json; charset=utf-8");
  w.headers.emplace_back("x-twitter-webhooks-signature",
                         "sha256=" + crypto::Base64(crypto::HmacSha256(consumer_secret, w.body)));
  return w;
}

}  // namespace

std::string ReplyPrefix(const XPost& parent, std::string_view replier_id) {
  if (parent.author.id == replier_id || parent.author.handle.empty()) return "";
  return "@" + parent.author.handle + " ";
}

OutgoingWebhook XTweetWebhook(std::string_view consumer_secret, const XTweetEvent& event) {
  json::object body;
  body["for_user_id"] = event.for_user_id;
  // Deliveries of posts that mention the account carry it (PROTOCOLS.md §1.4).
  body["user_has_blocked"] = false;
  body["tweet_create_events"] = json::array{TweetJson(event)};
  return Signed(consumer_secret, body);
}

OutgoingWebhook XDmWebhook(std::string_view consumer_secret, const XDmEvent& event) {
  json::object message_create{
      {"target", json::object{{"recipient_id", event.recipient.id}}},
      {"sender_id", event.sender.id},
      {"message_data", json::object{{"text", event.text},
                                    {"entities", json::object{{"hashtags", json::array()},
                                                              {"symbols", json::array()},
                                                              {"user_mentions", json::array()},
                                                              {"urls", json::array()}}}}}};
  json::object dm{{"type", "message_create"},
                  {"id", event.id},
                  {"created_timestamp", std::to_string(event.created_at)},
                  {"message_create", std::move(message_create)}};
  json::object body;
  body["for_user_id"] = event.for_user_id;
  body["direct_message_events"] = json::array{std::move(dm)};
  body["users"] = json::object{{event.sender.id, DmUserJson(event.sender)},
                               {event.recipient.id, DmUserJson(event.recipient)}};
  return Signed(consumer_secret, body);
}

std::string_view XLang(std::string_view text) { return HasHebrew(text) ? "iw" : "en"; }

}  // namespace fr::channels::sim::internal
