// Internal to channels/sim: Boost.JSON helpers shared by the fake APIs and the webhook
// builders. Pure functions; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "channels/sim/sim_http.h"

namespace fr::channels::sim::internal {

// Parses `body` as a JSON object; nullopt when it is not JSON (or not an object).
std::optional<boost::json::object> ParseJsonObject(std::string_view body);

// The string member `key` of `obj`, or nullopt when absent or not a string.
std::optional<std::string_view> StringField(const boost::json::object& obj, std::string_view key);

// A response with `body` serialised and the given content type.
SimResponse JsonResponse(int status, std::string_view content_type, const boost::json::value& body);

// The id as a JSON integer when it is a decimal that fits in 64 bits (the numeric `id` of v1.1
// objects next to `id_str`), else null.
boost::json::value NumericId(std::string_view id);

}  // namespace fr::channels::sim::internal
