// SendHttp: one synchronous HTTP exchange over libcurl, for the calls the channel adapters make
// to the platforms' APIs (replies today). No libcurl type appears here; the library is linked
// privately into fr_channels_common.
//
// Every call uses its own connection (a fresh curl easy handle), so libcurl never silently
// re-sends a request on a reused connection that died: a reply may be sent at most once per
// call. Redirects are not followed. Nothing is logged: request bodies carry customer text and
// headers carry tokens.
// Thread safety: SendHttp may be called from any number of threads at once.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "ports/webhook_channel.h"

namespace fr::channels {

struct HttpRequest {
  std::string method = "GET";  // "GET", "POST", "PUT", "DELETE", ...
  std::string url;             // absolute http:// or https:// URL; never holds a secret
  std::vector<std::pair<std::string, std::string>> headers;  // sent as given, in this order
  std::string body;  // sent as is when non-empty, and always (maybe empty) for POST
  std::chrono::milliseconds timeout{10'000};  // the whole exchange, connect to last byte
};

struct HttpResponse {
  int status = 0;
  ports::HttpHeaders headers;  // of the final response; lookups ignore case
  std::string body;            // with any Content-Encoding (gzip, br, zstd) undone
};

// The reasons of SendHttp's transport errors (Errc::kUnavailable).
// The server surely never received the request: bad URL, DNS failure, refused connection,
// TLS handshake failure, or a timeout before the request was written.
inline constexpr std::string_view kRequestNotSent = "request_not_sent";
// The request may have reached the server and been acted on: a timeout, reset or broken
// answer after the request was (partly) written, or an answer larger than kMaxResponseBytes.
inline constexpr std::string_view kRequestMaybeSent = "request_maybe_sent";

// Answers larger than this are abandoned (platform API answers are a few kilobytes).
inline constexpr size_t kMaxResponseBytes = 1 << 20;

// Performs `request` and returns the server's answer whatever its status: a 4xx or 5xx is an
// answer, not an error. Errors: kUnavailable with reason kRequestNotSent or kRequestMaybeSent
// and libcurl's description of the failure (never the URL's query, headers or bodies);
// kInternal "curl_init_failed" when libcurl cannot be initialised.
Result<HttpResponse> SendHttp(const HttpRequest& request);

}  // namespace fr::channels
