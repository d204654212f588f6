// WebhookChannel: the port through which api/ hands a platform's webhook request to its
// channel adapter (channels/x, channels/meta, ...), without api/ knowing any platform.
// Implementations are immutable after construction and safe to call from any thread.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "domain/inbound_event.h"

namespace fr::ports {

// Request headers with case-insensitive lookup.
class HttpHeaders {
 public:
  void Add(std::string name, std::string value);
  // The first value of `name` (any case), or an empty view if absent.
  std::string_view Get(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

// Decoded query parameters in arrival order.
using QueryParams = std::vector<std::pair<std::string, std::string>>;
// The first value of `name`, or an empty view.
std::string_view QueryParam(const QueryParams& params, std::string_view name);

// An answer the channel wants sent verbatim (handshakes answer with platform-specific bodies).
struct WebhookReply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

class WebhookChannel {
 public:
  virtual ~WebhookChannel() = default;

  // The path segment and metrics label: "x" for /webhooks/x, "meta" for /webhooks/meta.
  virtual std::string_view name() const = 0;

  // Answers the platform's GET ownership challenge (X CRC, Meta hub.challenge).
  // Errors: kInvalidArgument (missing parameter), kForbidden (wrong verify token).
  virtual Result<WebhookReply> Handshake(const QueryParams& query) const = 0;

  // Verifies the signature over the exact `raw_body` bytes, then parses it.
  // Errors: kUnauthenticated ("missing_signature", "bad_signature"), kMalformed
  // ("malformed_json", "invalid_utf8"), kInvalidArgument ("missing_field", "unknown_account",
  // ...). Nothing is stored by this call.
  virtual Result<domain::ParsedDelivery> Receive(const HttpHeaders& headers,
                                                 std::string_view raw_body) const = 0;

  // Parses a body that Receive verified before it was stored (no signature check): used to
  // thread stored deliveries again after a crash. Same errors as Receive's parse errors.
  virtual Result<domain::ParsedDelivery> ParseStored(std::string_view raw_body) const = 0;
};

}  // namespace fr::ports
