#include "channels/notify/webhook_alert_sink.h"

#include <boost/json.hpp>

#include "base/crypto.h"
#include "channels/common/http_client.h"

namespace fr::channels::notify {
namespace json = boost::json;

std::string WebhookAlertBody(const ports::AlertNotice& notice, AlertLanguage language) {
  const ports::SpikeAlert& a = notice.spike.alert;
  json::object feedroom{
      {"event", notice.started ? "spike.started" : "spike.ended"},
      {"alert_id", std::to_string(a.id)},
      {"series", a.series},
      {"kind", domain::metrics::SpikeKindName(a.kind)},
      {"started_at", a.started_at},
      {"ended_at", a.ended_at ? json::value(*a.ended_at) : json::value(nullptr)},
      {"observed", a.observed},
      {"expected", a.expected},
      {"link", notice.link},
  };
  json::object section{{"type", "section"},
                       {"text", json::object{{"type", "mrkdwn"}, {"text", AlertBody(notice, language)}}}};
  json::object body{{"text", AlertTitle(notice, language)},
                    {"blocks", json::array{section}},
                    {"feedroom", std::move(feedroom)}};
  return json::serialize(body);
}

std::string WebhookSignature(std::string_view secret, std::int64_t unix_seconds, std::string_view body) {
  const std::string signed_text = std::to_string(unix_seconds) + "." + std::string(body);
  return "v1=" + crypto::Hex(crypto::HmacSha256(secret, signed_text));
}

WebhookAlertSink::WebhookAlertSink(WebhookAlertOptions options, const Clock& clock)
    : options_(std::move(options)), clock_(clock) {}

Status WebhookAlertSink::Deliver(const ports::AlertNotice& notice) {
  HttpRequest request;
  request.method = "POST";
  request.url = options_.url;
  request.body = WebhookAlertBody(notice, options_.language);
  request.headers = {{"Content-Type", "application/json; charset=utf-8"},
                     {"User-Agent", "Feedroom-Alerts"}};
  if (!options_.secret.empty()) {
    const std::int64_t now = clock_.NowMillis() / 1000;
    request.headers.emplace_back("X-Feedroom-Timestamp", std::to_string(now));
    request.headers.emplace_back("X-Feedroom-Signature",
                                 WebhookSignature(options_.secret, now, request.body));
  }
  FR_ASSIGN_OR_RETURN(HttpResponse response, SendHttp(request));
  if (response.status >= 200 && response.status < 300) return Status::Ok();
  const std::string what = "the webhook answered HTTP " + std::to_string(response.status);
  if (response.status == 429 || response.status >= 500) {
    return Status(Errc::kUnavailable, "webhook_unavailable", what);
  }
  return Status(Errc::kInvalidArgument, "webhook_refused", what);
}

}  // namespace fr::channels::notify
