// The brand's side of the simulated Meta: the Graph API edges a connector answers customers
// with (PROTOCOLS.md §2.2-2.4: comments, Instagram replies, private replies and Send API
// messages), with Meta's rules and its error envelope.

#include <boost/json/object.hpp>
#include <optional>
#include <variant>
#include <vector>

#include "base/unicode.h"
#include "channels/sim/graph_errors.h"
#include "channels/sim/meta_sim.h"
#include "channels/sim/meta_webhooks.h"
#include "channels/sim/sim_json.h"
#include "channels/sim/sim_request.h"
#include "channels/sim/utf8_text.h"
#include "ports/reply_gateway.h"

namespace fr::channels::sim::internal {
namespace {

namespace json = boost::json;

constexpr std::string_view kContentType = "application/json; charset=UTF-8";
constexpr UnixMillis kDay = 24 * 3600 * 1000;
constexpr UnixMillis kWeek = 7 * kDay;
constexpr std::size_t kMessengerMaxChars = 2000;  // characters (PROTOCOLS.md §2.3)
constexpr std::size_t kInstagramMaxBytes = 1000;  // bytes (PROTOCOLS.md §2.4)

// One Graph call: the path after the version, every parameter, the token.
struct GraphCall {
  std::vector<std::string> segments;
  json::object params;
  std::string token;
};

bool IsVersion(std::string_view s) {
  return s.size() >= 4 && s[0] == 'v' && s.find('.') != std::string_view::npos &&
         s.find_first_not_of("0123456789.", 1) == std::string_view::npos;
}

// The call, or the message of a code-100 error about its parameters.
std::variant<GraphCall, std::string> ReadCall(const SimRequest& req) {
  auto target = ParseTarget(req.target);
  if (!target.ok()) return target.status().message();
  GraphCall call;
  std::string_view path = target->path;
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    if (!segment.empty() && !(call.segments.empty() && IsVersion(segment))) {
      call.segments.emplace_back(segment);
    }
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  for (const auto& [key, value] : target->query) call.params[key] = value;
  const std::size_t first = req.body.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && req.body[first] == '{') {
    std::optional<json::object> body = ParseJsonObject(req.body);
    if (!body) return "(#100) The request body is not valid JSON";
    for (const auto& member : *body) call.params[member.key()] = member.value();
  } else {
    auto form = ParseForm(req.body);
    if (!form.ok()) return "(#100) " + form.status().message();
    for (const auto& [key, value] : *form) call.params[key] = value;
  }
  call.token = std::string(BearerToken(req.headers));
  if (call.token.empty()) {
    if (std::optional<std::string_view> t = StringField(call.params, "access_token")) {
      call.token = std::string(*t);
    }
  }
  return call;
}

// An object parameter, given as a JSON object or (in forms and queries) as a JSON string.
std::optional<json::object> ObjectParam(const json::object& params, std::string_view key) {
  const json::value* v = params.if_contains(key);
  if (v == nullptr) return std::nullopt;
  if (v->is_object()) return v->get_object();
  if (v->is_string()) return ParseJsonObject(v->get_string());
  return std::nullopt;
}

SimResponse Fail(SimWorld& w, int code, int subcode, std::string message) {
  GraphError e;
  e.code = code;
  e.subcode = subcode;
  e.message = std::move(message);
  return GraphErrorResponse(e, w.ids().FbTraceId());
}

SimResponse UnsupportedRequest(SimWorld& w, std::string_view method, std::string_view object_id) {
  return Fail(
      w, 100, 33,
      "Unsupported " +
          std::string(method == "GET"      ? "get"
                      : method == "DELETE" ? "delete"
                                           : "post") +
          " request. Object with ID '" + std::string(object_id) +
          "' does not exist, cannot be loaded due to missing permissions, or does not support this "
          "operation. Please read the Graph API documentation at "
          "https://developers.facebook.com/docs/graph-api");
}

// A text parameter that must be non-empty UTF-8, or the error refusing it.
std::variant<std::string, SimResponse> RequiredText(SimWorld& w,
                                                    std::optional<std::string_view> text,
                                                    std::string_view name) {
  if (!text || text->empty() || !unicode::IsValidUtf8(*text)) {
    return Fail(w, 100, 0,
                "(#100) Param " + std::string(name) + " must be a non-empty UTF-8 encoded string");
  }
  return std::string(*text);
}

SimResponse Ok(json::object body) { return JsonResponse(200, kContentType, body); }

// The top-level comment a new reply to `target` hangs under: Facebook and Instagram threads
// are two levels deep, so answering a reply answers its top-level comment.
const std::string& TopLevel(const MetaComment& target) {
  return target.parent_id.empty() ? target.id : target.parent_id;
}

SimResponse PostComment(SimWorld& w, const SimMetaPage& page, const std::string& object_id,
                        const json::object& params, UnixMillis now) {
  const MetaComment* target = w.FindComment(object_id);
  const MetaPost* post = w.FindMetaPost(object_id);
  const bool on_comment = target && target->platform == domain::Platform::kFacebook &&
                          target->account_id == page.page_id;
  const bool on_post =
      post && post->platform == domain::Platform::kFacebook && post->account_id == page.page_id;
  if (!on_comment && !on_post) return UnsupportedRequest(w, "POST", object_id);
  auto text = RequiredText(w, StringField(params, "message"), "message");
  if (auto* refusal = std::get_if<SimResponse>(&text)) return std::move(*refusal);

  MetaComment comment;
  comment.platform = domain::Platform::kFacebook;
  comment.account_id = page.page_id;
  comment.post_id = on_comment ? target->post_id : post->id;
  comment.parent_id = on_comment ? TopLevel(*target) : "";
  comment.id = w.ids().FacebookCommentId(comment.post_id);
  comment.author_id = page.page_id;
  comment.created_at = now;

  FeedCommentEvent echo;
  echo.page_id = page.page_id;
  echo.comment_id = comment.id;
  echo.post_id = comment.post_id;
  echo.parent_id = on_comment ? comment.parent_id : comment.post_id;
  echo.from = Person{page.page_id, "", page.name, 0, false};
  echo.message = std::get<std::string>(text);
  echo.created_at = now;

  SimResponse r = Ok(json::object{{"id", comment.id}});
  r.webhooks.push_back(FeedCommentWebhook(w.config().meta.app_secret, echo));
  w.Record(SentRecord{domain::Platform::kFacebook,
                      std::string(ports::ReplyRouteName(ports::ReplyRoute::kPublicReply)),
                      page.page_id, object_id, echo.message, comment.id, now, ""});
  w.AddComment(std::move(comment));
  return r;
}

SimResponse PostInstagramReply(SimWorld& w, const SimMetaPage& page, const std::string& object_id,
                               const json::object& params, UnixMillis now) {
  const MetaComment* target = w.FindComment(object_id);
  if (!target || target->platform != domain::Platform::kInstagram ||
      page.instagram_user_id.empty() || target->account_id != page.instagram_user_id) {
    return UnsupportedRequest(w, "POST", object_id);
  }
  auto text = RequiredText(w, StringField(params, "message"), "message");
  if (auto* refusal = std::get_if<SimResponse>(&text)) return std::move(*refusal);

  MetaComment comment;
  comment.id = w.ids().InstagramId();
  comment.platform = domain::Platform::kInstagram;
  comment.account_id = page.instagram_user_id;
  comment.post_id = target->post_id;
  comment.parent_id = TopLevel(*target);
  comment.author_id = page.instagram_user_id;
  comment.created_at = now;

  InstagramCommentEvent echo;
  echo.instagram_user_id = page.instagram_user_id;
  echo.comment_id = comment.id;
  echo.media_id = comment.post_id;
  echo.parent_id = comment.parent_id;
  echo.from = Person{page.instagram_user_id, page.instagram_username, "", 0, false};
  echo.text = std::get<std::string>(text);
  echo.created_at = now;

  SimResponse r = Ok(json::object{{"id", comment.id}});
  r.webhooks.push_back(InstagramCommentWebhook(w.config().meta.app_secret, echo));
  w.Record(SentRecord{domain::Platform::kInstagram,
                      std::string(ports::ReplyRouteName(ports::ReplyRoute::kPublicReply)),
                      page.instagram_user_id, object_id, echo.text, comment.id, now, ""});
  w.AddComment(std::move(comment));
  return r;
}

// A message the brand sends: where it goes and what it says.
struct Outgoing {
  domain::Platform platform;  // kMessenger or kInstagram
  std::string account_id;     // the Page id or the Instagram user id that speaks
  std::string recipient_id;
  std::string text;
};

// Checks the Send API length limit of `out.platform`; nullopt when the text fits.
std::optional<SimResponse> CheckLength(SimWorld& w, const Outgoing& out) {
  if (out.platform == domain::Platform::kInstagram) {
    if (out.text.size() <= kInstagramMaxBytes) return std::nullopt;
    return Fail(w, 100, 0,
                "(#100) Length of param message[text] must be less than or equal to 1000");
  }
  if (CodePointCount(out.text) <= kMessengerMaxChars) return std::nullopt;
  return Fail(w, 100, 0, "(#100) Length of param message[text] must be less than or equal to 2000");
}

// Records and answers an accepted message, with its is_echo webhook.
SimResponse Deliver(SimWorld& w, const Outgoing& out, ports::ReplyRoute route,
                    const std::string& target, const std::string& tag, UnixMillis now) {
  MessagingEvent echo;
  echo.platform = out.platform;
  echo.account_id = out.account_id;
  echo.sender_id = out.account_id;
  echo.recipient_id = out.recipient_id;
  echo.mid = out.platform == domain::Platform::kInstagram ? w.ids().InstagramMid()
                                                          : w.ids().MessengerMid();
  echo.text = out.text;
  echo.timestamp = now;
  echo.is_echo = true;
  echo.app_id = w.config().meta.app_id;
  SimResponse r = Ok(json::object{{"recipient_id", out.recipient_id}, {"message_id", echo.mid}});
  r.webhooks.push_back(MessagingWebhook(w.config().meta.app_secret, echo));
  w.Record(SentRecord{out.platform, std::string(ports::ReplyRouteName(route)), out.account_id,
                      target, out.text, echo.mid, now, tag});
  return r;
}

SimResponse PrivateReply(SimWorld& w, const SimMetaPage& page, const std::string& comment_id,
                         std::string text, UnixMillis now) {
  MetaComment* comment = w.FindComment(comment_id);
  const bool ours =
      comment &&
      (comment->account_id == page.page_id ||
       (!page.instagram_user_id.empty() && comment->account_id == page.instagram_user_id));
  if (!ours || comment->author_id == comment->account_id) {
    return Fail(w, 100, 2018292, "(#100) Invalid comment_id parameter");
  }
  if (comment->privately_replied) return Fail(w, 10900, 0, "(#10900) Activity already replied to");
  if (now - comment->created_at > kWeek) {
    return Fail(w, 10900, 0,
                "(#10900) Activity can no longer be replied to: private replies must be sent "
                "within 7 days");
  }
  Outgoing out;
  out.text = std::move(text);
  if (comment->platform == domain::Platform::kInstagram) {
    out.platform = domain::Platform::kInstagram;
    out.account_id = comment->account_id;
    out.recipient_id = comment->author_id;
  } else {
    // The private reply lands in Messenger, addressed to the commenter's page-scoped id.
    out.platform = domain::Platform::kMessenger;
    out.account_id = page.page_id;
    const Customer* c = w.FindCustomer(domain::Platform::kFacebook, comment->author_id);
    out.recipient_id = c && !c->psid.empty() ? c->psid : comment->author_id;
  }
  if (auto refusal = CheckLength(w, out)) return std::move(*refusal);
  comment->privately_replied = true;
  return Deliver(w, out, ports::ReplyRoute::kPrivateReply, comment_id, "", now);
}

SimResponse DirectMessage(SimWorld& w, const SimMetaPage& page, const std::string& object_id,
                          const std::string& recipient_id, std::string text,
                          const json::object& params, UnixMillis now) {
  Outgoing out;
  out.recipient_id = recipient_id;
  out.text = std::move(text);
  // A Page id in the path speaks Messenger, unless the recipient is an Instagram customer of
  // the linked account (Instagram messaging through the Page).
  const bool instagram = !page.instagram_user_id.empty() &&
                         (object_id == page.instagram_user_id ||
                          w.FindCustomer(domain::Platform::kInstagram, recipient_id) != nullptr);
  out.platform = instagram ? domain::Platform::kInstagram : domain::Platform::kMessenger;
  out.account_id = instagram ? page.instagram_user_id : page.page_id;

  const std::optional<UnixMillis> last = w.LastInboundMessage(out.account_id, recipient_id);
  if (!last) return Fail(w, 100, 2018001, "(#100) No matching user found");
  const std::string tag(StringField(params, "tag").value_or(""));
  const UnixMillis age = now - *last;
  if (age > kDay && !(tag == "HUMAN_AGENT" && age <= kWeek)) {
    return Fail(w, 10, 2018278,
                "(#10) This message is sent outside of allowed window. Learn more about the new "
                "policy here: "
                "https://developers.facebook.com/docs/messenger-platform/policy-overview");
  }
  if (auto refusal = CheckLength(w, out)) return std::move(*refusal);
  return Deliver(w, out, ports::ReplyRoute::kDirectMessage, recipient_id, tag, now);
}

SimResponse PostMessage(SimWorld& w, const SimMetaPage& page, const std::string& object_id,
                        const json::object& params, UnixMillis now) {
  if (object_id != page.page_id &&
      (page.instagram_user_id.empty() || object_id != page.instagram_user_id)) {
    return UnsupportedRequest(w, "POST", object_id);
  }
  const std::optional<json::object> recipient = ObjectParam(params, "recipient");
  if (!recipient) return Fail(w, 100, 0, "(#100) The parameter recipient is required");
  const std::optional<json::object> message = ObjectParam(params, "message");
  auto text =
      RequiredText(w, message ? StringField(*message, "text") : std::nullopt, "message[text]");
  if (auto* refusal = std::get_if<SimResponse>(&text)) return std::move(*refusal);
  if (std::optional<std::string_view> comment_id = StringField(*recipient, "comment_id")) {
    return PrivateReply(w, page, std::string(*comment_id), std::move(std::get<std::string>(text)),
                        now);
  }
  if (std::optional<std::string_view> id = StringField(*recipient, "id")) {
    return DirectMessage(w, page, object_id, std::string(*id),
                         std::move(std::get<std::string>(text)), params, now);
  }
  return Fail(w, 100, 0, "(#100) The parameter recipient is required");
}

}  // namespace

SimResponse HandleGraphApi(SimWorld& w, FaultQueue& faults, const SimRequest& request,
                           UnixMillis now) {
  auto call_or_error = ReadCall(request);
  if (auto* message = std::get_if<std::string>(&call_or_error)) return Fail(w, 100, 0, *message);
  GraphCall& call = std::get<GraphCall>(call_or_error);
  if (call.segments.empty()) return Fail(w, 100, 0, "(#100) Unknown path components: /");

  const SimMetaPage* page = w.PageByToken(call.token);
  const std::optional<FaultSpec> fault = faults.Take(SimApi::kMeta);
  SimResponse r;
  if (fault && fault->status != 0) {
    const int code = fault->meta_code != 0 ? fault->meta_code : fault->status >= 500 ? 2 : 613;
    const std::string account = page ? page->page_id
                                : w.config().meta.pages.empty()
                                    ? ""
                                    : w.config().meta.pages.front().page_id;
    r = GraphThrottleResponse(fault->status, code, account, fault->retry_after_s,
                              w.ids().FbTraceId());
  } else if (page == nullptr) {
    GraphError e;
    e.code = 190;
    e.message = "Invalid OAuth access token - Cannot parse access token";
    r = GraphErrorResponse(e, w.ids().FbTraceId());
  } else if (request.method != "POST" || call.segments.size() == 1) {
    r = UnsupportedRequest(w, request.method, call.segments.front());
  } else if (call.segments.size() > 2) {
    r = Fail(w, 2500, 0, "Unknown path components: /" + call.segments[2]);
  } else {
    const std::string object_id = call.segments[0] == "me" ? page->page_id : call.segments[0];
    const std::string& edge = call.segments[1];
    if (edge == "comments") {
      r = PostComment(w, *page, object_id, call.params, now);
    } else if (edge == "replies") {
      r = PostInstagramReply(w, *page, object_id, call.params, now);
    } else if (edge == "messages") {
      r = PostMessage(w, *page, object_id, call.params, now);
    } else {
      r = Fail(w, 2500, 0, "Unknown path components: /" + edge);
    }
  }
  if (fault) r.delay_ms = fault->delay_ms;
  return r;
}

}  // namespace fr::channels::sim::internal
