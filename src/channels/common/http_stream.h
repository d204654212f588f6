// StreamHttp: one long-lived HTTP GET whose body arrives piece by piece for as long as the
// server keeps sending (X's filtered stream), over libcurl like SendHttp. The caller's thread
// is held for the whole stream; it ends when the server closes, when nothing (not even a
// keep-alive byte) arrived for `idle_timeout`, or when the caller asks it to stop.
// Thread safety: any number of streams may run at once, each on its own thread.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "channels/common/http_client.h"

namespace fr::channels {

struct StreamCallbacks {
  // Receives the body of a 2xx answer as it arrives, in pieces of any size. Returning false
  // ends the stream (StreamEnd::Why::kStopped).
  std::function<bool(std::string_view bytes)> on_bytes;
  // Asked at least once a second, and as data arrives; true ends the stream (kStopped). May be
  // empty.
  std::function<bool()> should_stop;
};

struct StreamEnd {
  enum class Why {
    kServerClosed,  // the server ended the answer (a 2xx stream that finished, or any error
                    // answer: see status)
    kIdle,          // no answer within request.timeout, or no byte for idle_timeout after
                    // it: the connection is presumed dead
    kStopped,       // the caller ended it (should_stop or on_bytes)
  };
  Why why = Why::kServerClosed;
  int status = 0;              // the answer's HTTP status (0 if none arrived)
  ports::HttpHeaders headers;  // of the answer
  std::string error_body;      // the body of a non-2xx answer (up to kMaxResponseBytes)
};

// Sends `request` (normally a GET) and streams the answer. `request.timeout` bounds the time
// to the answer's headers; after that only `idle_timeout` applies.
// Errors: kUnavailable with reason kRequestNotSent or kRequestMaybeSent when the connection
// failed or broke (a network error, to retry with backoff); kInternal "curl_init_failed".
Result<StreamEnd> StreamHttp(const HttpRequest& request, std::chrono::milliseconds idle_timeout,
                             const StreamCallbacks& callbacks);

}  // namespace fr::channels
