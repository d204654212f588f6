#include "channels/meta/meta_sender.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "channels/common/json_fields.h"
#include "channels/common/reply_http.h"

namespace fr::channels::meta {
namespace {

using domain::Platform;
using ports::OutboundReply;
using ports::ReplyRoute;
using ports::SendOutcome;
using Kind = SendOutcome::Kind;

bool IsThrottlingCode(std::int64_t code) {
  return code == 4 || code == 17 || code == 32 || code == 341 || code == 613 ||
         (code >= 80000 && code <= 80014);
}

// The Page that speaks for `reply`: by Page id on Facebook and Messenger, by the linked
// Instagram user id on Instagram. nullptr when none is configured.
const MetaPage* FindPage(const MetaConfig& config, const OutboundReply& reply) {
  for (const MetaPage& p : config.pages) {
    const std::string& id =
        reply.platform == Platform::kInstagram ? p.instagram_user_id : p.page_id;
    if (!id.empty() && id == reply.account_id) return &p;
  }
  return nullptr;
}

size_t CodePoints(std::string_view utf8) {
  return static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// The text limit that applies to `reply`, and what it counts.
struct TextLimit {
  size_t max;
  bool bytes;  // UTF-8 bytes; otherwise code points
  std::string_view what;
};

TextLimit LimitOf(const OutboundReply& reply) {
  const bool instagram = reply.platform == Platform::kInstagram;
  if (reply.route == ReplyRoute::kPublicReply) {
    return instagram ? TextLimit{kInstagramCommentMaxCodePoints, false, "Instagram comments"}
                     : TextLimit{kFacebookCommentMaxCodePoints, false, "Facebook comments"};
  }
  // Private replies are messages too: they land in Messenger or the Instagram inbox.
  return instagram ? TextLimit{kInstagramDmMaxBytes, true, "Instagram messages"}
                   : TextLimit{kMessengerMaxCodePoints, false, "Messenger messages"};
}

Status CheckLength(const OutboundReply& reply) {
  const TextLimit limit = LimitOf(reply);
  const size_t length = limit.bytes ? reply.text.size() : CodePoints(reply.text);
  if (length <= limit.max) return Status::Ok();
  return InvalidReply("too_long",
                      fmt::format("{} are limited to {} {}; this one has {}", limit.what, limit.max,
                                  limit.bytes ? "bytes" : "characters", length));
}

// Which routes exist where (private replies answer comments, so not on Messenger; Facebook
// DMs are Messenger's).
Status CheckRoute(const OutboundReply& reply) {
  if (reply.platform == Platform::kMessenger && reply.route != ReplyRoute::kDirectMessage) {
    return InvalidReply("unsupported_route", "Messenger has only direct messages");
  }
  if (reply.platform == Platform::kFacebook && reply.route == ReplyRoute::kDirectMessage) {
    return InvalidReply("unsupported_route",
                        "direct messages to a Facebook user go through Messenger");
  }
  if (!reply.message_tag.empty() && reply.route != ReplyRoute::kDirectMessage) {
    return InvalidReply("unsupported_route", "a message tag applies to direct messages only");
  }
  if (!reply.message_tag.empty() && reply.message_tag != kHumanAgentTag) {
    return InvalidReply("unsupported_route", "the only supported message tag is HUMAN_AGENT");
  }
  const bool dm = reply.route == ReplyRoute::kDirectMessage;
  if (!IsPathSafeId(dm ? reply.recipient_id : reply.in_reply_to)) {
    return InvalidReply("missing_target",
                        dm ? "the message recipient is missing or not an id"
                           : "the comment or post to answer is missing or not an id");
  }
  return Status::Ok();
}

// Meta's error, in either envelope.
struct GraphError {
  std::optional<std::int64_t> code;
  std::optional<std::int64_t> subcode;
  std::string message;
};

std::optional<GraphError> ErrorOf(JsonElement root) {
  if (auto error = Member(root, "error"); error && error->is_object()) {
    return GraphError{IntMember(*error, "code"), IntMember(*error, "error_subcode"),
                      std::string(StringMember(*error, "message").value_or(""))};
  }
  if (auto message = StringMember(root, "error_message")) {  // the old OAuth endpoints
    return GraphError{IntMember(root, "code"), std::nullopt, std::string(*message)};
  }
  return std::nullopt;
}

// Every estimated_time_to_regain_access (minutes) in a usage header's JSON, which nests it
// as {"<id>":[{...}]} (business use case) or keeps it at the top (app, Page).
std::int64_t MaxRegainMinutes(JsonElement e, int depth = 0) {
  std::int64_t best = IntMember(e, "estimated_time_to_regain_access").value_or(0);
  if (depth >= 3) return best;
  simdjson::dom::object object;
  simdjson::dom::array array;
  if (e.get(object) == simdjson::SUCCESS) {
    for (auto field : object) best = std::max(best, MaxRegainMinutes(field.value, depth + 1));
  } else if (e.get(array) == simdjson::SUCCESS) {
    for (JsonElement item : array) best = std::max(best, MaxRegainMinutes(item, depth + 1));
  }
  return best;
}

UnixMillis ThrottleRetryAt(const ports::HttpHeaders& headers, UnixMillis now) {
  std::int64_t minutes = 0;
  for (const char* name : {"X-Business-Use-Case-Usage", "X-App-Usage", "X-Page-Usage"}) {
    JsonDocument doc;
    const std::string_view value = headers.Get(name);
    if (value.empty() || !doc.Parse(value).ok()) continue;
    minutes = std::max(minutes, MaxRegainMinutes(doc.root()));
  }
  return minutes > 0 ? now + minutes * 60 * 1000 : 0;
}

std::string RequestBody(const OutboundReply& reply) {
  if (reply.route == ReplyRoute::kPublicReply) {
    return boost::json::serialize(boost::json::object{{"message", reply.text}});
  }
  boost::json::object body;
  if (reply.route == ReplyRoute::kPrivateReply) {
    body["recipient"] = boost::json::object{{"comment_id", reply.in_reply_to}};
  } else {
    body["recipient"] = boost::json::object{{"id", reply.recipient_id}};
    body["messaging_type"] = reply.message_tag.empty() ? "RESPONSE" : "MESSAGE_TAG";
    if (!reply.message_tag.empty()) body["tag"] = reply.message_tag;
  }
  body["message"] = boost::json::object{{"text", reply.text}};
  return boost::json::serialize(body);
}

std::string RequestUrl(const MetaConfig& config, const MetaPage& page, const OutboundReply& reply) {
  const std::string base = config.graph_base + "/" + config.graph_version + "/";
  if (reply.route != ReplyRoute::kPublicReply) return base + page.page_id + "/messages";
  const char* edge = reply.platform == Platform::kInstagram ? "/replies" : "/comments";
  return base + reply.in_reply_to + edge;
}

}  // namespace

SendOutcome ClassifyMetaAnswer(ReplyRoute route, const HttpResponse& answer, UnixMillis now) {
  SendOutcome out;
  out.http_status = answer.status;
  JsonDocument doc;
  const bool json = doc.Parse(answer.body).ok();
  const std::optional<GraphError> error = json ? ErrorOf(doc.root()) : std::nullopt;
  const bool success = answer.status >= 200 && answer.status < 300;
  if (success && !error) {
    const char* field = route == ReplyRoute::kPublicReply ? "id" : "message_id";
    std::optional<std::string> id = json ? IdMember(doc.root(), field) : std::nullopt;
    if (id && !id->empty()) {
      out.kind = Kind::kSent;
      out.platform_id = std::move(*id);
      return out;
    }
    out.kind = Kind::kRetryLater;
    out.ambiguous = true;
    out.error_code = "unreadable_answer";
    out.error_text = "Meta answered HTTP " + std::to_string(answer.status) +
                     " without the id of what it created";
    return out;
  }

  const std::optional<std::int64_t> code = error ? error->code : std::nullopt;
  out.error_code = code ? std::to_string(*code) : std::to_string(answer.status);
  if (code && error->subcode) out.error_code += "/" + std::to_string(*error->subcode);
  out.error_text = error && !error->message.empty()
                       ? error->message
                       : "Meta answered HTTP " + std::to_string(answer.status);
  if ((code && IsThrottlingCode(*code)) || answer.status == 429) {
    out.kind = Kind::kRetryLater;
    out.pause_account = true;
    out.retry_at = ThrottleRetryAt(answer.headers, now);
  } else if (code ? (*code == 1 || *code == 2) : answer.status >= 500) {
    out.kind = Kind::kRetryLater;
    out.ambiguous = true;
  }
  return out;
}

MetaReplyGateway::MetaReplyGateway(MetaConfig config, std::chrono::milliseconds timeout)
    : config_(std::move(config)), timeout_(timeout) {}

bool MetaReplyGateway::Handles(Platform platform) const {
  return platform == Platform::kFacebook || platform == Platform::kMessenger ||
         platform == Platform::kInstagram;
}

Status MetaReplyGateway::Validate(const OutboundReply& reply) const {
  if (!Handles(reply.platform)) {
    return InvalidReply("unsupported_route",
                        "the Meta gateway sends on Facebook, Messenger and Instagram");
  }
  const MetaPage* page = FindPage(config_, reply);
  if (page == nullptr) {
    return InvalidReply("unknown_account", std::string(domain::PlatformName(reply.platform)) +
                                               " account " + reply.account_id +
                                               " is not configured");
  }
  if (page->access_token.empty()) {
    return InvalidReply("unknown_account",
                        "Page " + page->name + " has no access token configured");
  }
  FR_RETURN_IF_ERROR(CheckRoute(reply));
  if (IsBlankText(reply.text)) return InvalidReply("empty_text", "the reply has no text");
  return CheckLength(reply);
}

SendOutcome MetaReplyGateway::Send(const OutboundReply& reply, UnixMillis now) const {
  if (Status valid = Validate(reply); !valid.ok()) return RefusedOutcome(valid);
  const MetaPage* page = FindPage(config_, reply);
  auto answer = SendHttp(BearerJsonPost(RequestUrl(config_, *page, reply), page->access_token,
                                        RequestBody(reply), timeout_));
  if (!answer.ok()) return TransportFailureOutcome(answer.status());
  return ClassifyMetaAnswer(reply.route, *answer, now);
}

}  // namespace fr::channels::meta
