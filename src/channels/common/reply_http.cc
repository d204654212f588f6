#include "channels/common/reply_http.h"

#include <algorithm>
#include <utility>

namespace fr::channels {

HttpRequest BearerJsonPost(std::string url, std::string_view token, std::string json_body,
                           std::chrono::milliseconds timeout) {
  HttpRequest request;
  request.method = "POST";
  request.url = std::move(url);
  request.headers = {{"Authorization", "Bearer " + std::string(token)},
                     {"Content-Type", "application/json"}};
  request.body = std::move(json_body);
  request.timeout = timeout;
  return request;
}

ports::SendOutcome TransportFailureOutcome(const Status& transport_error) {
  ports::SendOutcome out;
  out.kind = ports::SendOutcome::Kind::kRetryLater;
  out.ambiguous = transport_error.reason() != kRequestNotSent;
  out.error_code = transport_error.reason();
  out.error_text = transport_error.message();
  return out;
}

Status InvalidReply(std::string reason, std::string message) {
  return Status(Errc::kInvalidArgument, std::move(reason), std::move(message));
}

ports::SendOutcome RefusedOutcome(const Status& invalid) {
  ports::SendOutcome out;
  out.kind = ports::SendOutcome::Kind::kFailed;
  out.error_code = invalid.reason();
  out.error_text = invalid.message();
  return out;
}

bool IsBlankText(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool IsPathSafeId(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           c == '-';
  });
}

}  // namespace fr::channels
