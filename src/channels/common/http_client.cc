#include "channels/common/http_client.h"

#include <curl/curl.h>

#include <memory>

namespace fr::channels {
namespace {

struct CurlDeleter {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;
using CurlList = std::unique_ptr<curl_slist, CurlDeleter>;

// curl_global_init is not thread-safe on every platform: a function-local static runs it once.
bool CurlReady() {
  static const CURLcode init = curl_global_init(CURL_GLOBAL_DEFAULT);
  return init == CURLE_OK;
}

// What the callbacks fill while the answer arrives.
struct Sink {
  HttpResponse response;
  bool too_large = false;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t n = size * count;
  if (sink->response.body.size() + n > kMaxResponseBytes) {
    sink->too_large = true;
    return 0;  // makes libcurl abort the transfer with CURLE_WRITE_ERROR
  }
  sink->response.body.append(data, n);
  return n;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// Called once per header line of every response, including interim ones (100 Continue).
size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t n = size * count;
  const std::string_view line(data, n);
  if (line.starts_with("HTTP/")) {
    sink->response.headers = ports::HttpHeaders();  // a new response begins: keep only the last
    return n;
  }
  const size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    sink->response.headers.Add(std::string(Trim(line.substr(0, colon))),
                               std::string(Trim(line.substr(colon + 1))));
  }
  return n;
}

// Appends `line` to `list`; false when libcurl is out of memory (the list is kept either way).
bool Append(CurlList& list, const std::string& line) {
  curl_slist* appended = curl_slist_append(list.get(), line.c_str());
  if (appended == nullptr) return false;
  (void)list.release();  // `appended` is the same list, or a new head when it was empty
  list.reset(appended);
  return true;
}

// True when the failure happened before any byte of the request left: connection set-up
// errors, or any error while libcurl reports no request bytes written and no transfer begun.
bool SurelyNotSent(CURLcode rc, CURL* h) {
  switch (rc) {
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
      return true;
    default:
      break;
  }
  long request_bytes = 0;
  curl_off_t pretransfer_us = 0;
  curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &request_bytes);
  curl_easy_getinfo(h, CURLINFO_PRETRANSFER_TIME_T, &pretransfer_us);
  return request_bytes == 0 && pretransfer_us == 0;
}

}  // namespace

Result<HttpResponse> SendHttp(const HttpRequest& request) {
  if (!CurlReady()) {
    return Status(Errc::kInternal, "curl_init_failed", "libcurl could not be initialised");
  }
  CurlHandle h(curl_easy_init());
  if (!h) return Status(Errc::kInternal, "curl_init_failed", "curl_easy_init failed");

  CurlList headers;
  // An empty "Expect:" stops libcurl from waiting for a 100 Continue before larger bodies.
  bool listed = Append(headers, "Expect:");
  for (const auto& [name, value] : request.headers) {
    listed = listed && Append(headers, name + ": " + value);
  }
  if (!listed) return Status(Errc::kInternal, "curl_init_failed", "cannot build the header list");

  Sink sink;
  char error[CURL_ERROR_SIZE] = {};
  CURL* c = h.get();
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM for DNS timeouts: threads are in use
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl can decode
  curl_easy_setopt(c, CURLOPT_USERAGENT, "Feedroom");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &sink);
  if (!request.body.empty() || request.method == "POST") {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  if (request.method != "GET" && request.method != "POST") {
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }

  const CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    std::string what = sink.too_large
                           ? "the answer exceeds " + std::to_string(kMaxResponseBytes) + " bytes"
                           : std::string(curl_easy_strerror(rc));
    if (!sink.too_large && error[0] != '\0') what += std::string(": ") + error;
    const bool not_sent = !sink.too_large && SurelyNotSent(rc, c);
    return Status(Errc::kUnavailable, std::string(not_sent ? kRequestNotSent : kRequestMaybeSent),
                  std::move(what));
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  sink.response.status = static_cast<int>(status);
  return std::move(sink.response);
}

}  // namespace fr::channels
