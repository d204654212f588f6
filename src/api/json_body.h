// JsonBody: reads a JSON request body with errors a client can act on. Every failure is a
// 400 with the field's name ("invalid_json", "missing_field", "wrong_type",
// "unknown_field"), never an exception. Built on Boost.JSON; a body is parsed once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "base/status.h"

namespace fr::api {

class JsonBody {
 public:
  // Parses `body`, which must be one JSON object of valid UTF-8.
  // Errors: kMalformed "invalid_json" (with the byte offset), kInvalidArgument "not_an_object".
  static Result<JsonBody> Parse(std::string_view body);

  // Refuses members other than `known` (a typo must not be silently ignored).
  Status AllowOnly(std::initializer_list<std::string_view> known) const;

  // Required members: kInvalidArgument "missing_field" or "wrong_type" naming the field.
  Result<std::string> String(std::string_view name) const;
  // Optional members: nullopt when absent (null counts as absent); "wrong_type" otherwise.
  Result<std::optional<std::string>> OptionalString(std::string_view name) const;
  Result<std::optional<std::int64_t>> OptionalInt(std::string_view name) const;
  Result<std::optional<bool>> OptionalBool(std::string_view name) const;
  Result<std::optional<std::vector<std::string>>> OptionalStringList(std::string_view name) const;

 private:
  explicit JsonBody(boost::json::object object) : object_(std::move(object)) {}

  boost::json::object object_;
};

}  // namespace fr::api
