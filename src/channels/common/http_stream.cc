#include "channels/common/http_stream.h"

#include <memory>

#include "channels/common/curl_easy.h"

namespace fr::channels {
namespace {

using SteadyClock = std::chrono::steady_clock;

// The state libcurl's callbacks share during one stream.
struct Stream {
  CURL* handle = nullptr;
  const StreamCallbacks* callbacks = nullptr;
  std::chrono::milliseconds answer_timeout{0};  // until the answer's headers
  std::chrono::milliseconds idle_timeout{0};    // between bytes afterwards
  SteadyClock::time_point last_byte;
  bool headers_seen = false;
  StreamEnd end;
};

long StatusOf(CURL* h) {
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  return status;
}

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* s = static_cast<Stream*>(user);
  const size_t n = size * count;
  s->last_byte = SteadyClock::now();
  s->headers_seen = true;
  const long status = StatusOf(s->handle);
  if (status < 200 || status > 299) {
    if (s->end.error_body.size() + n > kMaxResponseBytes) return 0;
    s->end.error_body.append(data, n);
    return n;
  }
  if (!s->callbacks->on_bytes(std::string_view(data, n))) {
    s->end.why = StreamEnd::Why::kStopped;
    return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
  }
  return n;
}

// libcurl calls this at least once a second while the transfer runs, data or not.
int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* s = static_cast<Stream*>(user);
  if (s->callbacks->should_stop && s->callbacks->should_stop()) {
    s->end.why = StreamEnd::Why::kStopped;
    return 1;  // aborts the transfer (CURLE_ABORTED_BY_CALLBACK)
  }
  if (!s->headers_seen && StatusOf(s->handle) != 0) {
    s->headers_seen = true;
    s->last_byte = SteadyClock::now();
  }
  const auto limit = s->headers_seen ? s->idle_timeout : s->answer_timeout;
  if (SteadyClock::now() - s->last_byte > limit) {
    s->end.why = StreamEnd::Why::kIdle;
    return 1;
  }
  return 0;
}

}  // namespace

Result<StreamEnd> StreamHttp(const HttpRequest& request, std::chrono::milliseconds idle_timeout,
                             const StreamCallbacks& callbacks) {
  FR_ASSIGN_OR_RETURN(std::unique_ptr<curl::Exchange> x, curl::Prepare(request));
  Stream s;
  s.handle = x->handle.get();
  s.callbacks = &callbacks;
  s.answer_timeout = request.timeout;
  s.idle_timeout = idle_timeout;
  CURL* c = s.handle;
  // The stream has no end time: OnProgress bounds the wait for the answer and between bytes.
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 0L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, OnProgress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &s);
  s.last_byte = SteadyClock::now();

  const CURLcode rc = curl_easy_perform(c);
  s.end.status = static_cast<int>(StatusOf(c));
  s.end.headers = std::move(x->response_headers);
  const bool ended_by_us = s.end.why != StreamEnd::Why::kServerClosed;
  if (rc != CURLE_OK && !ended_by_us) return curl::TransportError(rc, *x);
  return std::move(s.end);
}

}  // namespace fr::channels
