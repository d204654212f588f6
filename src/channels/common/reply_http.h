// What every platform's ports::ReplyGateway shares around its one HTTP call: the authorised JSON
// POST, the outcomes of a transport failure and of a refused reply, and the checks on text and
// on ids put into URL paths.
// No platform knowledge here. Pure functions; thread-safe.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "base/status.h"
#include "channels/common/http_client.h"
#include "ports/reply_gateway.h"

namespace fr::channels {

// A POST of `json_body` to `url` with "Authorization: Bearer <token>" (tokens travel in a
// header, never in the URL) and "Content-Type: application/json".
HttpRequest BearerJsonPost(std::string url, std::string_view token, std::string json_body,
                           std::chrono::milliseconds timeout);

// The outcome of a SendHttp error: kRetryLater without a retry hint (the outbox's backoff
// applies), ambiguous unless the error says the request surely never left (kRequestNotSent),
// with the error's reason as error_code and its message as error_text.
ports::SendOutcome TransportFailureOutcome(const Status& transport_error);

// A Validate error: kInvalidArgument with `reason` (one of ports::ReplyGateway::Validate's)
// and a `message` an agent can act on.
Status InvalidReply(std::string reason, std::string message);

// The outcome of a reply its gateway's Validate refused, should it reach Send anyway: kFailed
// with the validation reason as error_code and its message as error_text; nothing was sent.
ports::SendOutcome RefusedOutcome(const Status& invalid);

// True if `text` is empty or only ASCII whitespace: nothing a platform would post.
bool IsBlankText(std::string_view text);

// True if `id` is a non-empty platform id made only of ASCII letters, digits, '_' and '-' (X
// ids are digits; Meta ids are digits, sometimes joined by '_'), so it can be put into a URL
// path without escaping and cannot change the path it is put into.
bool IsPathSafeId(std::string_view id);

}  // namespace fr::channels
