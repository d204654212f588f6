// The transport-free HTTP shapes of the platform simulator: the request a host hands to
// SimPlatform::Handle, the answer it writes back, and the webhook deliveries the simulated
// platforms make (which the host POSTs to Feedroom). The host (a Beast server and a libcurl
// client, in another layer) copies bytes in and out and honours `delay_ms`; nothing here does
// I/O. Plain values; thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ports/webhook_channel.h"

namespace fr::channels::sim {

// Response and delivery headers in the order they are sent (ports::HttpHeaders cannot be
// iterated, and a host must write every header).
using HeaderList = std::vector<std::pair<std::string, std::string>>;

// The first value of `name` (compared case-insensitively), or an empty view if absent.
std::string_view FindHeader(const HeaderList& headers, std::string_view name);
// The same headers for a ports::WebhookChannel::Receive call.
ports::HttpHeaders ToHttpHeaders(const HeaderList& headers);

struct SimRequest {
  std::string method;  // "GET", "POST", "DELETE", ...
  std::string target;  // path and query as received: "/v21.0/123/comments?access_token=…"
  ports::HttpHeaders headers;
  std::string body;  // raw bytes
};

// A webhook the simulated platform sends to Feedroom, exactly as the platform would: the
// signature header is computed over `body`, byte for byte.
struct OutgoingWebhook {
  std::string path;    // "/webhooks/x" or "/webhooks/meta"
  HeaderList headers;  // content type and the platform's signature header
  std::string body;
};

struct SimResponse {
  int status = 200;
  HeaderList headers;
  std::string body;
  // Fault injection: the host holds the answer this long before writing it, so a client with
  // a shorter timeout sees an ambiguous outcome (the request may have taken effect).
  std::int64_t delay_ms = 0;
  // Deliveries the platform makes because of this request (the echo of an accepted reply).
  // The host sends them after (or, with a delay, before) the answer.
  std::vector<OutgoingWebhook> webhooks;
};

}  // namespace fr::channels::sim
