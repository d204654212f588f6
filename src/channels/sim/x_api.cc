// The brand's side of the simulated X: POST /2/tweets and POST /2/dm_conversations/with/…/
// messages, with the answers of PROTOCOLS.md §1.7-1.8 and fixtures/twitter/tweepy (201 with the
// new ids, Location, x-rate-limit-* on every authenticated answer), and the route to recent
// search (x_search.cc).

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <variant>

#include "channels/sim/sim_json.h"
#include "channels/sim/sim_request.h"
#include "channels/sim/x_errors.h"
#include "channels/sim/x_search.h"
#include "channels/sim/x_sim.h"
#include "channels/sim/x_webhooks.h"
#include "ports/reply_gateway.h"

namespace fr::channels::sim::internal {
namespace {

namespace json = boost::json;

constexpr std::string_view kContentType = "application/json; charset=utf-8";
constexpr std::string_view kApiBase = "https://api.x.com";
// The self-serve rule since 2026-02-23 (PROTOCOLS.md §1.7): a reply needs the author of the
// post answered to have summoned the account (an @mention or a quote).
constexpr std::string_view kNotSummoned =
    "Reply to this conversation is not allowed because you have not been mentioned or otherwise "
    "engaged by the author of the post you are replying to.";
constexpr std::string_view kUnknownPost =
    "You attempted to reply to a Tweet that is deleted or not visible to you.";

struct Route {
  XEndpoint endpoint;
  std::string participant_id;  // kSendDm
};

// Who the app-only bearer token acts for in the rate windows.
constexpr char kAppCaller[] = "app";

std::optional<Route> Match(std::string_view method, std::string_view path) {
  if (method == "GET" && path == "/2/tweets/search/recent") {
    return Route{XEndpoint::kSearchRecent, ""};
  }
  if (method != "POST") return std::nullopt;
  if (path == "/2/tweets") return Route{XEndpoint::kCreatePost, ""};
  constexpr std::string_view kDmPrefix = "/2/dm_conversations/with/";
  constexpr std::string_view kDmSuffix = "/messages";
  if (path.size() > kDmPrefix.size() + kDmSuffix.size() &&
      path.substr(0, kDmPrefix.size()) == kDmPrefix &&
      path.substr(path.size() - kDmSuffix.size()) == kDmSuffix) {
    std::string_view participant =
        path.substr(kDmPrefix.size(), path.size() - kDmPrefix.size() - kDmSuffix.size());
    if (participant.find('/') == std::string_view::npos) {
      return Route{XEndpoint::kSendDm, std::string(participant)};
    }
  }
  return std::nullopt;
}

// Epoch seconds, rounded up so that a client waiting until then is never early.
std::string EpochSeconds(UnixMillis ms) { return std::to_string((ms + 999) / 1000); }

void AddRateHeaders(SimResponse& r, int limit, int remaining, UnixMillis reset_at) {
  r.headers.emplace_back("x-rate-limit-limit", std::to_string(limit));
  r.headers.emplace_back("x-rate-limit-remaining", std::to_string(remaining));
  r.headers.emplace_back("x-rate-limit-reset", EpochSeconds(reset_at));
}

SimResponse Created(const json::object& data, std::string location) {
  SimResponse r = JsonResponse(201, kContentType, json::object{{"data", data}});
  r.headers.emplace_back("location", std::move(location));
  return r;
}

// The `text` of a JSON body, or the answer refusing the body.
std::variant<std::string, SimResponse> RequiredText(const std::optional<json::object>& body) {
  if (!body) return XInvalidRequest("", "", "The request body is not a valid JSON object.");
  std::optional<std::string_view> text = StringField(*body, "text");
  if (!text || text->empty()) {
    return XInvalidRequest("text", "",
                           "The `text` field is required and must be a non-empty string.");
  }
  return std::string(*text);
}

SimResponse CreatePost(SimWorld& w, const SimXAccount& account, const SimRequest& req,
                       UnixMillis now) {
  const std::optional<json::object> body = ParseJsonObject(req.body);
  auto text = RequiredText(body);
  if (auto* refusal = std::get_if<SimResponse>(&text)) return std::move(*refusal);
  const std::string& sent_text = std::get<std::string>(text);

  const XPost* parent = nullptr;
  if (const json::value* reply = body->if_contains("reply")) {
    const json::object* r = reply->if_object();
    std::optional<std::string_view> parent_id =
        r ? StringField(*r, "in_reply_to_tweet_id") : std::nullopt;
    if (!parent_id || !IsNumericId(*parent_id)) {
      return XInvalidRequest("reply.in_reply_to_tweet_id", parent_id.value_or(""),
                             "The `reply.in_reply_to_tweet_id` field must be a numeric post id.");
    }
    parent = w.FindXPost(*parent_id);
    if (parent == nullptr) return XForbidden(kUnknownPost);
    const bool own_thread = parent->author.id == account.user_id;
    const bool summoned = std::find(parent->summoned.begin(), parent->summoned.end(),
                                    account.user_id) != parent->summoned.end();
    if (!own_thread && !summoned) return XForbidden(kNotSummoned);
  }

  XPost post;
  post.id = w.ids().Snowflake(now);
  post.account_id = account.user_id;
  post.author = SimWorld::BrandPerson(account);
  post.text = (parent ? ReplyPrefix(*parent, account.user_id) : "") + sent_text;
  post.created_at = now;
  post.conversation_id = parent ? parent->conversation_id : post.id;
  post.in_reply_to_id = parent ? parent->id : "";

  XTweetEvent echo;
  echo.for_user_id = account.user_id;
  echo.id = post.id;
  echo.author = post.author;
  echo.text = post.text;
  echo.created_at = now;
  echo.in_reply_to = parent;
  if (parent) echo.mentionable.push_back(parent->author);

  SimResponse r = Created(
      json::object{
          {"id", post.id}, {"text", sent_text}, {"edit_history_tweet_ids", json::array{post.id}}},
      std::string(kApiBase) + "/2/tweets/" + post.id);
  r.webhooks.push_back(XTweetWebhook(w.config().x.consumer_secret, echo));
  w.Record(SentRecord{
      domain::Platform::kX,
      parent ? std::string(ports::ReplyRouteName(ports::ReplyRoute::kPublicReply)) : "post",
      account.user_id, parent ? parent->id : "", sent_text, post.id, now, ""});
  w.AddXPost(std::move(post));
  return r;
}

// A 1:1 conversation id is "<lower id>-<higher id>" (PROTOCOLS.md §1.7).
std::string ConversationId(const std::string& a, const std::string& b) {
  const bool a_first = a.size() != b.size() ? a.size() < b.size() : a < b;
  return a_first ? a + "-" + b : b + "-" + a;
}

SimResponse SendDm(SimWorld& w, const SimXAccount& account, const std::string& participant,
                   const SimRequest& req, UnixMillis now) {
  if (!IsNumericId(participant)) {
    return XInvalidRequest("participant_id", participant,
                           "The `participant_id` must be a numeric user id.");
  }
  auto text = RequiredText(ParseJsonObject(req.body));
  if (auto* refusal = std::get_if<SimResponse>(&text)) return std::move(*refusal);
  const std::string& sent_text = std::get<std::string>(text);

  XDmEvent echo;
  echo.for_user_id = account.user_id;
  echo.id = w.ids().Snowflake(now);
  echo.sender = SimWorld::BrandPerson(account);
  const Customer* customer = w.FindCustomer(domain::Platform::kX, participant);
  echo.recipient = customer ? customer->person : Person{participant, "", "", 0, false};
  echo.text = sent_text;
  echo.created_at = now;

  // X wraps the id of the Location header in literal quotes (tweepy's DM cassette).
  SimResponse r =
      Created(json::object{{"dm_conversation_id", ConversationId(account.user_id, participant)},
                           {"dm_event_id", echo.id}},
              std::string(kApiBase) + "/2/dm_events/\"" + echo.id + "\"");
  r.webhooks.push_back(XDmWebhook(w.config().x.consumer_secret, echo));
  w.Record(SentRecord{domain::Platform::kX,
                      std::string(ports::ReplyRouteName(ports::ReplyRoute::kDirectMessage)),
                      account.user_id, participant, sent_text, echo.id, now, ""});
  return r;
}

SimResponse FaultAnswer(const FaultSpec& fault, XEndpoint endpoint, UnixMillis now) {
  SimResponse r = XPlainProblem(fault.status);
  if (fault.status == 429) {
    AddRateHeaders(r, SimWorld::XRateLimit(endpoint), 0, now + fault.retry_after_s * 1000);
  }
  return r;
}

}  // namespace

SimResponse HandleXApi(SimWorld& world, FaultQueue& faults, const SimRequest& request,
                       const ParsedTarget& target, UnixMillis now) {
  const std::optional<Route> route = Match(request.method, target.path);
  if (!route) return XUnknownRoute();
  const std::optional<FaultSpec> fault = faults.Take(SimApi::kX);
  SimResponse r;
  if (fault && fault->status != 0) {
    r = FaultAnswer(*fault, route->endpoint, now);
  } else {
    const std::string_view token = BearerToken(request.headers);
    const SimXAccount* account = world.XAccountByToken(token);
    const bool app = account == nullptr && world.IsXAppToken(token);
    if (account == nullptr && !app) {
      r = XPlainProblem(401);
    } else if (account == nullptr && route->endpoint != XEndpoint::kSearchRecent) {
      r = XUnsupportedAuthentication();
    } else {
      RateWindow& window =
          world.XRateWindow(account ? account->user_id : kAppCaller, route->endpoint);
      if (!window.TryTake(now)) {
        r = XPlainProblem(429);
      } else if (route->endpoint == XEndpoint::kSearchRecent) {
        r = SearchRecent(world, target.query, now);
      } else if (route->endpoint == XEndpoint::kCreatePost) {
        r = CreatePost(world, *account, request, now);
      } else {
        r = SendDm(world, *account, route->participant_id, request, now);
      }
      AddRateHeaders(r, window.limit(), window.Remaining(now), window.ResetAt(now));
    }
  }
  if (fault) r.delay_ms = fault->delay_ms;
  return r;
}

}  // namespace fr::channels::sim::internal
