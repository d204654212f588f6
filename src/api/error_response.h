// The one table from Errc to HTTP status, and the JSON error body every 4xx/5xx carries:
//   {"error":{"code":"bad_signature","message":"..."}}
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "api/http_types.h"
#include "base/status.h"

namespace fr::api {

// The HTTP status for `code`.
int HttpStatusFor(Errc code);

// A JSON error response for `status` (which must not be OK). `http_status` overrides the
// table when non-zero (405 has no Errc of its own).
ApiResponse ErrorResponse(const Status& status, int http_status = 0);

// Escapes `s` as a JSON string literal, quotes included.
std::string JsonQuote(std::string_view s);

// A 200 (or `status`) response carrying the JSON text `body`.
ApiResponse JsonResponse(std::string body, int status = 200);
// 204 No Content.
ApiResponse NoContent();

// Parses a decimal 64-bit integer (our ids, limits); nullopt unless the whole text is one.
std::optional<std::int64_t> ParseInt64(std::string_view s);

// The `{id}` path parameter as one of our ids. Errors: kInvalidArgument "invalid_parameter".
Result<std::int64_t> PathId(const ApiRequest& req);

}  // namespace fr::api
