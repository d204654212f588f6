#include "channels/x/x_sender.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "channels/common/json_fields.h"
#include "channels/common/reply_http.h"
#include "channels/x/text/tweet_length.h"
#include "channels/x/x_v2_tweets.h"

namespace fr::channels::x {
namespace {

using ports::OutboundReply;
using ports::ReplyRoute;
using ports::SendOutcome;
using Kind = SendOutcome::Kind;

// The header `name` as epoch seconds, in milliseconds; nullopt when absent or not a number.
std::optional<UnixMillis> EpochSecondsHeader(const ports::HttpHeaders& headers,
                                             const std::string& name) {
  const std::string_view v = headers.Get(name);
  std::int64_t seconds = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), seconds);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return seconds * 1000;
}

// When a 429 lifts: the latest reset among the windows reported exhausted, else the 15-minute
// window's reset; 0 (no hint) when none is given or it is not in the future.
UnixMillis RateLimitRetryAt(const ports::HttpHeaders& headers, UnixMillis now) {
  static const std::string kWindows[] = {"x-rate-limit", "x-user-limit-24hour",
                                         "x-app-limit-24hour"};
  UnixMillis latest = 0;
  for (const std::string& w : kWindows) {
    if (headers.Get(w + "-remaining") != "0") continue;
    latest = std::max(latest, EpochSecondsHeader(headers, w + "-reset").value_or(0));
  }
  if (latest == 0) latest = EpochSecondsHeader(headers, "x-rate-limit-reset").value_or(0);
  return latest > now ? latest : 0;
}

// "usage-capped" for "https://api.x.com/2/problems/usage-capped"; empty for other types
// ("about:blank").
std::string_view ProblemKind(std::string_view type) {
  if (type.find("/problems/") == std::string_view::npos) return {};
  return type.substr(type.rfind('/') + 1);
}

// Fills error_code and error_text from X's error objects (see ClassifyXAnswer).
void DescribeErrors(const std::vector<XApiError>& errors, SendOutcome& out) {
  for (const XApiError& e : errors) {
    if (out.error_code.empty()) {
      if (!ProblemKind(e.type).empty()) {
        out.error_code = std::string(ProblemKind(e.type));
      } else if (e.code) {
        out.error_code = std::to_string(*e.code);
      }
    }
    const std::string& text = !e.detail.empty()    ? e.detail
                              : !e.message.empty() ? e.message
                                                   : e.title;
    if (text.empty() || out.error_text.find(text) != std::string::npos) continue;  // said already
    if (!out.error_text.empty()) out.error_text += "; ";
    out.error_text += text;
  }
  if (out.error_code.empty()) out.error_code = std::to_string(out.http_status);
  if (out.error_text.empty()) out.error_text = "X answered HTTP " + std::to_string(out.http_status);
}

bool IsUsageCapped(const std::vector<XApiError>& errors) {
  return std::any_of(errors.begin(), errors.end(),
                     [](const XApiError& e) { return ProblemKind(e.type) == "usage-capped"; });
}

// The id of what a 2xx created, if the body names it.
std::optional<std::string> CreatedId(ReplyRoute route, std::string_view body) {
  JsonDocument doc;
  if (!doc.Parse(body).ok()) return std::nullopt;
  const auto data = Member(doc.root(), "data");
  if (!data) return std::nullopt;
  auto id = IdMember(*data, route == ReplyRoute::kDirectMessage ? "dm_event_id" : "id");
  if (id && id->empty()) return std::nullopt;
  return id;
}

// The weighted length X allows a post (text/tweet_length.h). The whole text counts, leading
// @mentions included: the v2 API does not add them itself, so nothing in it is free.
Status CheckPostLength(std::string_view text) {
  FR_ASSIGN_OR_RETURN(const TweetLength measure, MeasureTweet(text));
  if (measure.weighted_length <= kXCountingRules.max_weighted_length) return Status::Ok();
  return InvalidReply(
      "too_long", fmt::format("X posts are limited to {} (most emoji and CJK characters count 2, "
                              "links 23); this one counts {}",
                              kXCountingRules.max_weighted_length, measure.weighted_length));
}

std::string RequestBody(const OutboundReply& reply) {
  boost::json::object body{{"text", reply.text}};
  if (reply.route == ReplyRoute::kPublicReply) {
    body["reply"] = boost::json::object{{"in_reply_to_tweet_id", reply.in_reply_to}};
  }
  return boost::json::serialize(body);
}

std::string RequestUrl(const XConfig& config, const OutboundReply& reply) {
  if (reply.route == ReplyRoute::kDirectMessage) {
    return config.api_base + "/2/dm_conversations/with/" + reply.recipient_id + "/messages";
  }
  return config.api_base + "/2/tweets";
}

}  // namespace

SendOutcome ClassifyXAnswer(ReplyRoute route, const HttpResponse& answer, UnixMillis now) {
  SendOutcome out;
  out.http_status = answer.status;
  if (answer.status >= 200 && answer.status < 300) {
    if (auto id = CreatedId(route, answer.body)) {
      out.kind = Kind::kSent;
      out.platform_id = std::move(*id);
      return out;
    }
  }
  auto parsed = ParseV2Errors(answer.body);
  const std::vector<XApiError> errors =
      parsed.ok() ? std::move(parsed).value() : std::vector<XApiError>{};
  if (answer.status >= 200 && answer.status < 300 && errors.empty()) {
    out.kind = Kind::kRetryLater;
    out.ambiguous = true;
    out.error_code = "unreadable_answer";
    out.error_text =
        "X answered HTTP " + std::to_string(answer.status) + " without the id of what it created";
    return out;
  }
  DescribeErrors(errors, out);
  if (answer.status == 429) {
    out.kind = Kind::kRetryLater;
    if (IsUsageCapped(errors)) {
      out.pause_account = true;
      out.retry_at = now + kUsageCapProbeMillis;
    } else {
      out.retry_at = RateLimitRetryAt(answer.headers, now);
    }
    return out;
  }
  if (answer.status >= 500) {
    out.kind = Kind::kRetryLater;
    out.ambiguous = true;
  }
  return out;
}

XReplyGateway::XReplyGateway(XConfig config, std::chrono::milliseconds timeout)
    : config_(std::move(config)), timeout_(timeout) {}

bool XReplyGateway::Handles(domain::Platform platform) const {
  return platform == domain::Platform::kX;
}

Status XReplyGateway::Validate(const OutboundReply& reply) const {
  if (reply.platform != domain::Platform::kX) {
    return InvalidReply("unsupported_route", "the X gateway sends on X only");
  }
  const XAccount* account = FindAccount(config_, reply.account_id);
  if (account == nullptr) {
    return InvalidReply("unknown_account", "X account " + reply.account_id + " is not configured");
  }
  if (account->access_token.empty()) {
    return InvalidReply("unknown_account",
                        "X account @" + account->handle + " has no access token configured");
  }
  switch (reply.route) {
    case ReplyRoute::kPublicReply:
      if (!IsPathSafeId(reply.in_reply_to)) {
        return InvalidReply("missing_target", "the post to answer is missing or not an X post id");
      }
      break;
    case ReplyRoute::kDirectMessage:
      if (!IsPathSafeId(reply.recipient_id)) {
        return InvalidReply("missing_target", "the DM recipient is missing or not an X user id");
      }
      break;
    case ReplyRoute::kPrivateReply:
      return InvalidReply("unsupported_route", "X has no private replies; send a direct message");
  }
  if (IsBlankText(reply.text)) return InvalidReply("empty_text", "the reply has no text");
  // DMs have no weighted limit (X refuses an overlong one, and Send reports that as kFailed).
  if (reply.route == ReplyRoute::kPublicReply) return CheckPostLength(reply.text);
  return Status::Ok();
}

SendOutcome XReplyGateway::Send(const OutboundReply& reply, UnixMillis now) const {
  if (Status valid = Validate(reply); !valid.ok()) return RefusedOutcome(valid);
  const XAccount* account = FindAccount(config_, reply.account_id);
  auto answer = SendHttp(BearerJsonPost(RequestUrl(config_, reply), account->access_token,
                                        RequestBody(reply), timeout_));
  if (!answer.ok()) return TransportFailureOutcome(answer.status());
  return ClassifyXAnswer(reply.route, *answer, now);
}

}  // namespace fr::channels::x
