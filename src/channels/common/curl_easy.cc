#include "channels/common/curl_easy.h"

#include <string_view>

namespace fr::channels::curl {
namespace {

// curl_global_init is not thread-safe on every platform: a function-local static runs it once.
bool Ready() {
  static const CURLcode init = curl_global_init(CURL_GLOBAL_DEFAULT);
  return init == CURLE_OK;
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
  auto* headers = static_cast<ports::HttpHeaders*>(user);
  const size_t n = size * count;
  const std::string_view line(data, n);
  if (line.starts_with("HTTP/")) {
    *headers = ports::HttpHeaders();  // a new response begins: keep only the last
    return n;
  }
  const size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    headers->Add(std::string(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
  }
  return n;
}

// Appends `line` to `list`; false when libcurl is out of memory (the list is kept either way).
bool Append(std::unique_ptr<curl_slist, Deleter>& list, const std::string& line) {
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

Result<std::unique_ptr<CURL, Deleter>> NewHandle() {
  if (!Ready()) return Status(Errc::kInternal, "curl_init_failed", "libcurl could not be initialised");
  std::unique_ptr<CURL, Deleter> handle(curl_easy_init());
  if (!handle) return Status(Errc::kInternal, "curl_init_failed", "curl_easy_init failed");
  return handle;
}

Result<std::unique_ptr<Exchange>> Prepare(const HttpRequest& request) {
  auto x = std::make_unique<Exchange>();
  FR_ASSIGN_OR_RETURN(x->handle, NewHandle());
  // An empty "Expect:" stops libcurl from waiting for a 100 Continue before larger bodies.
  bool listed = Append(x->headers, "Expect:");
  for (const auto& [name, value] : request.headers) {
    listed = listed && Append(x->headers, name + ": " + value);
  }
  if (!listed) return Status(Errc::kInternal, "curl_init_failed", "cannot build the header list");

  CURL* c = x->handle.get();
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM for DNS timeouts: threads are in use
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl can decode
  curl_easy_setopt(c, CURLOPT_USERAGENT, "Feedroom");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, x->headers.get());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, x->error);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &x->response_headers);
  if (!request.body.empty() || request.method == "POST") {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  if (request.method != "GET" && request.method != "POST") {
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  return x;
}

Status TransportError(CURLcode rc, Exchange& exchange) {
  std::string what = curl_easy_strerror(rc);
  if (exchange.error[0] != '\0') what += std::string(": ") + exchange.error;
  const bool not_sent = SurelyNotSent(rc, exchange.handle.get());
  return Status(Errc::kUnavailable, std::string(not_sent ? kRequestNotSent : kRequestMaybeSent),
                std::move(what));
}

}  // namespace fr::channels::curl
