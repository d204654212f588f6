#include "channels/common/http_client.h"

#include <memory>

#include "channels/common/curl_easy.h"

namespace fr::channels {
namespace {

// What the body callback fills while the answer arrives.
struct Sink {
  std::string body;
  bool too_large = false;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t n = size * count;
  if (sink->body.size() + n > kMaxResponseBytes) {
    sink->too_large = true;
    return 0;  // makes libcurl abort the transfer with CURLE_WRITE_ERROR
  }
  sink->body.append(data, n);
  return n;
}

}  // namespace

Result<HttpResponse> SendHttp(const HttpRequest& request) {
  FR_ASSIGN_OR_RETURN(std::unique_ptr<curl::Exchange> x, curl::Prepare(request));
  Sink sink;
  CURL* c = x->handle.get();
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);

  const CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    if (sink.too_large) {
      // The request went out whole: the answer is what was too big.
      return Status(Errc::kUnavailable, std::string(kRequestMaybeSent),
                    "the answer exceeds " + std::to_string(kMaxResponseBytes) + " bytes");
    }
    return curl::TransportError(rc, *x);
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  HttpResponse response;
  response.status = static_cast<int>(status);
  response.headers = std::move(x->response_headers);
  response.body = std::move(sink.body);
  return response;
}

}  // namespace fr::channels
