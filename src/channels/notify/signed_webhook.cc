#include "channels/notify/signed_webhook.h"

#include "base/crypto.h"
#include "channels/common/http_client.h"

namespace fr::channels::notify {

std::string WebhookSignature(std::string_view secret, std::int64_t unix_seconds, std::string_view body) {
  const std::string signed_text = std::to_string(unix_seconds) + "." + std::string(body);
  return "v1=" + crypto::Hex(crypto::HmacSha256(secret, signed_text));
}

SignedWebhook::SignedWebhook(WebhookTarget target, const Clock& clock)
    : target_(std::move(target)), clock_(clock) {}

Status SignedWebhook::Post(std::string_view event, const std::string& json_body) {
  HttpRequest request;
  request.method = "POST";
  request.url = target_.url;
  request.body = json_body;
  request.headers = {{"Content-Type", "application/json; charset=utf-8"},
                     {"User-Agent", "Feedroom"},
                     {"X-Feedroom-Event", std::string(event)}};
  if (!target_.secret.empty()) {
    const std::int64_t now = clock_.NowMillis() / 1000;
    request.headers.emplace_back("X-Feedroom-Timestamp", std::to_string(now));
    request.headers.emplace_back("X-Feedroom-Signature", WebhookSignature(target_.secret, now, json_body));
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
