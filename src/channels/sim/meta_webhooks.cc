#include "channels/sim/meta_webhooks.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "base/crypto.h"
#include "channels/sim/sim_json.h"
#include "channels/sim/utf8_text.h"

namespace fr::channels::sim::internal {
namespace {

namespace json = boost::json;

OutgoingWebhook Signed(std::string_view app_secret, const json::object& body) {
  OutgoingWebhook w;
  w.path = "/webhooks/meta";
  w.body = EscapeLikeMeta(json::serialize(body));
  w.headers.emplace_back("Content-Type", "application/json");
  w.headers.emplace_back("X-Hub-Signature-256",
                         "sha256=" + crypto::Hex(crypto::HmacSha256(app_secret, w.body)));
  return w;
}

// {"object":…,"entry":[{"id":…,"time":…,<key>:[item]}]}
json::object Envelope(std::string_view object, std::string_view account_id, std::int64_t time,
                      std::string_view key, json::value item) {
  json::object entry{{"id", account_id}, {"time", time}};
  entry[key] = json::array{std::move(item)};
  return json::object{{"object", object}, {"entry", json::array{std::move(entry)}}};
}

}  // namespace

OutgoingWebhook FeedCommentWebhook(std::string_view app_secret, const FeedCommentEvent& e) {
  const std::int64_t seconds = e.created_at / 1000;  // changes carry times in seconds
  json::object value{{"from", json::object{{"id", e.from.id}, {"name", e.from.name}}},
                     {"message", e.message},
                     {"post_id", e.post_id},
                     {"comment_id", e.comment_id},
                     {"created_time", seconds},
                     {"item", "comment"},
                     {"parent_id", e.parent_id},
                     {"verb", "add"}};
  json::object change{{"field", "feed"}, {"value", std::move(value)}};
  return Signed(app_secret, Envelope("page", e.page_id, seconds, "changes", std::move(change)));
}

OutgoingWebhook InstagramCommentWebhook(std::string_view app_secret,
                                        const InstagramCommentEvent& e) {
  json::object value{{"from", json::object{{"id", e.from.id}, {"username", e.from.handle}}},
                     {"media", json::object{{"id", e.media_id}, {"media_product_type", "FEED"}}},
                     {"id", e.comment_id}};
  if (!e.parent_id.empty()) value["parent_id"] = e.parent_id;
  value["text"] = e.text;
  json::object change{{"field", "comments"}, {"value", std::move(value)}};
  return Signed(app_secret, Envelope("instagram", e.instagram_user_id, e.created_at / 1000,
                                     "changes", std::move(change)));
}

OutgoingWebhook MessagingWebhook(std::string_view app_secret, const MessagingEvent& e) {
  json::object message{{"mid", e.mid}, {"text", e.text}};
  if (e.is_echo) {
    message["is_echo"] = true;
    if (!e.app_id.empty()) {
      json::value id = NumericId(e.app_id);  // a number on the wire, like every Meta app id
      message["app_id"] = id.is_null() ? json::value(e.app_id) : id;
    }
  }
  json::object event{{"sender", json::object{{"id", e.sender_id}}},
                     {"recipient", json::object{{"id", e.recipient_id}}},
                     {"timestamp", e.timestamp},
                     {"message", std::move(message)}};
  // Messaging entries carry times in milliseconds.
  const std::string_view object = e.platform == domain::Platform::kInstagram ? "instagram" : "page";
  return Signed(app_secret,
                Envelope(object, e.account_id, e.timestamp, "messaging", std::move(event)));
}

}  // namespace fr::channels::sim::internal
