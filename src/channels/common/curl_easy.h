// Internal to channels/common: the libcurl set-up that SendHttp, StreamHttp and SendMail share. Only
// this folder's .cc files include it (libcurl is a private dependency of the library).
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>

#include "base/status.h"
#include "channels/common/http_client.h"

namespace fr::channels::curl {

struct Deleter {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

// One exchange's easy handle with what it points to, which must live as long as it.
struct Exchange {
  std::unique_ptr<CURL, Deleter> handle;
  std::unique_ptr<curl_slist, Deleter> headers;
  char error[CURL_ERROR_SIZE] = {};
  ports::HttpHeaders response_headers;  // of the final response, filled while it arrives
};

// A fresh easy handle, libcurl initialised once per process first. Errors: kInternal
// "curl_init_failed".
Result<std::unique_ptr<CURL, Deleter>> NewHandle();

// Returns a fresh easy handle set up for `request`: URL (http/https only), method and body,
// headers (plus an empty "Expect:"), decoding of every content encoding libcurl knows, no
// signals, `request.timeout` as the whole exchange's limit (StreamHttp replaces it) and the
// response headers collected into `response_headers`. The caller sets the write callback.
// Errors: kInternal "curl_init_failed".
Result<std::unique_ptr<Exchange>> Prepare(const HttpRequest& request);

// The Status of a failed curl_easy_perform: kUnavailable with reason kRequestNotSent when the
// request surely never left, else kRequestMaybeSent; the message is libcurl's description
// (never the URL, headers or bodies).
Status TransportError(CURLcode rc, Exchange& exchange);

}  // namespace fr::channels::curl
