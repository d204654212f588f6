#include "channels/meta/meta_webhook.h"

#include <string>

#include "base/crypto.h"
#include "channels/meta/meta_parse.h"

namespace fr::channels::meta {
namespace {

constexpr std::string_view kSignaturePrefix = "sha256=";

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

Status VerifyMetaSignature(std::string_view app_secret, std::string_view signature_header,
                           std::string_view raw_body) {
  if (app_secret.empty()) {
    return Status(Errc::kUnauthenticated, "app_secret_not_configured",
                  "the Meta app secret is not configured; refusing to verify");
  }
  if (signature_header.empty()) {
    return Status(Errc::kUnauthenticated, "missing_signature",
                  "X-Hub-Signature-256 header is missing");
  }
  if (signature_header.substr(0, kSignaturePrefix.size()) != kSignaturePrefix) {
    return Status(Errc::kUnauthenticated, "bad_signature",
                  "X-Hub-Signature-256 does not start with sha256=");
  }
  std::string given(signature_header.substr(kSignaturePrefix.size()));
  for (char& c : given) c = AsciiLower(c);
  // Over the bytes as received: Meta signs its escaped form (\u00e4, \/), which any
  // re-serialisation would change (PROTOCOLS.md §2.1, §7.1).
  const std::string expected = crypto::Hex(crypto::HmacSha256(app_secret, raw_body));
  if (!crypto::ConstantTimeEquals(expected, given)) {
    return Status(Errc::kUnauthenticated, "bad_signature",
                  "X-Hub-Signature-256 does not match the body");
  }
  return Status::Ok();
}

MetaWebhookChannel::MetaWebhookChannel(MetaConfig config) : config_(std::move(config)) {}

std::string_view MetaWebhookChannel::name() const { return "meta"; }

Result<ports::WebhookReply> MetaWebhookChannel::Handshake(const ports::QueryParams& query) const {
  std::string_view mode = ports::QueryParam(query, "hub.mode");
  std::string_view token = ports::QueryParam(query, "hub.verify_token");
  std::string_view challenge = ports::QueryParam(query, "hub.challenge");
  if (mode.empty()) {
    return Status(Errc::kInvalidArgument, "missing_hub_mode", "hub.mode is missing");
  }
  if (token.empty()) {
    return Status(Errc::kInvalidArgument, "missing_hub_verify_token",
                  "hub.verify_token is missing");
  }
  if (challenge.empty()) {
    return Status(Errc::kInvalidArgument, "missing_hub_challenge", "hub.challenge is missing");
  }
  if (mode != "subscribe") {
    return Status(Errc::kInvalidArgument, "bad_hub_mode", "hub.mode is not \"subscribe\"");
  }
  if (config_.verify_token.empty()) {
    return Status(Errc::kForbidden, "verify_token_not_configured",
                  "the Meta verify token is not configured");
  }
  if (!crypto::ConstantTimeEquals(config_.verify_token, token)) {
    return Status(Errc::kForbidden, "bad_verify_token", "hub.verify_token does not match");
  }
  // Meta expects the bare challenge back, not JSON (PROTOCOLS.md §2.1).
  return ports::WebhookReply{200, "text/plain", std::string(challenge)};
}

Result<domain::ParsedDelivery> MetaWebhookChannel::Receive(const ports::HttpHeaders& headers,
                                                           std::string_view raw_body) const {
  FR_RETURN_IF_ERROR(VerifyMetaSignature(config_.app_secret, headers.Get(kSignatureHeader), raw_body));
  return ParseMetaDelivery(raw_body, config_);
}

Result<domain::ParsedDelivery> MetaWebhookChannel::ParseStored(std::string_view raw_body) const {
  return ParseMetaDelivery(raw_body, config_);
}

}  // namespace fr::channels::meta
