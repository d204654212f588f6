#include "api/json_body.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace fr::api {
namespace {

namespace json = boost::json;

Status WrongType(std::string_view name, std::string_view expected) {
  return Status(Errc::kInvalidArgument, "wrong_type",
                "field \"" + std::string(name) + "\" must be " + std::string(expected));
}

}  // namespace

Result<JsonBody> JsonBody::Parse(std::string_view body) {
  boost::system::error_code ec;
  json::parse_options options;
  options.max_depth = 32;
  json::value v = json::parse(body, ec, {}, options);
  if (ec) {
    return Status(Errc::kMalformed, "invalid_json", "the body is not valid JSON: " + ec.message());
  }
  if (!v.is_object()) {
    return Status(Errc::kInvalidArgument, "not_an_object", "the body must be a JSON object");
  }
  return JsonBody(std::move(v.as_object()));
}

Status JsonBody::AllowOnly(std::initializer_list<std::string_view> known) const {
  for (const auto& member : object_) {
    bool listed = false;
    for (std::string_view k : known) listed = listed || member.key() == k;
    if (!listed) {
      return Status(Errc::kInvalidArgument, "unknown_field",
                    "unknown field \"" + std::string(member.key()) + "\"");
    }
  }
  return Status::Ok();
}

Result<std::string> JsonBody::String(std::string_view name) const {
  FR_ASSIGN_OR_RETURN(std::optional<std::string> v, OptionalString(name));
  if (!v) {
    return Status(Errc::kInvalidArgument, "missing_field",
                  "field \"" + std::string(name) + "\" is required");
  }
  return std::move(*v);
}

Result<std::optional<std::string>> JsonBody::OptionalString(std::string_view name) const {
  const json::value* v = object_.if_contains(name);
  if (!v || v->is_null()) return std::optional<std::string>();
  if (!v->is_string()) return WrongType(name, "a string");
  return std::optional<std::string>(std::string(v->as_string()));
}

Result<std::optional<std::int64_t>> JsonBody::OptionalInt(std::string_view name) const {
  const json::value* v = object_.if_contains(name);
  if (!v || v->is_null()) return std::optional<std::int64_t>();
  if (v->is_int64()) return std::optional<std::int64_t>(v->as_int64());
  if (v->is_uint64() && v->as_uint64() <= INT64_MAX) {
    return std::optional<std::int64_t>(static_cast<std::int64_t>(v->as_uint64()));
  }
  return WrongType(name, "an integer");
}

Result<std::optional<bool>> JsonBody::OptionalBool(std::string_view name) const {
  const json::value* v = object_.if_contains(name);
  if (!v || v->is_null()) return std::optional<bool>();
  if (!v->is_bool()) return WrongType(name, "true or false");
  return std::optional<bool>(v->as_bool());
}

Result<std::optional<std::vector<std::string>>> JsonBody::OptionalStringList(
    std::string_view name) const {
  const json::value* v = object_.if_contains(name);
  if (!v || v->is_null()) return std::optional<std::vector<std::string>>();
  if (!v->is_array()) return WrongType(name, "an array of strings");
  std::vector<std::string> out;
  for (const json::value& item : v->as_array()) {
    if (!item.is_string()) return WrongType(name, "an array of strings");
    out.emplace_back(item.as_string());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

}  // namespace fr::api
