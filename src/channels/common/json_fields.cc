#include "channels/common/json_fields.h"

#include <charconv>

#include "base/unicode.h"

namespace fr::channels {

Status JsonDocument::Parse(std::string_view body) {
  auto err = parser_.parse(body.data(), body.size(), /*realloc_if_needed=*/true).get(root_);
  if (err == simdjson::UTF8_ERROR) {
    return Status(Errc::kMalformed, "invalid_utf8", "body is not valid UTF-8");
  }
  if (err) {
    return Status(Errc::kMalformed, "malformed_json",
                  std::string("body is not valid JSON: ") + simdjson::error_message(err));
  }
  return Status::Ok();
}

std::optional<JsonElement> Member(JsonElement obj, std::string_view key) {
  if (!obj.is_object()) return std::nullopt;
  JsonElement v;
  if (obj.get_object().at_key(key).get(v)) return std::nullopt;
  if (v.is_null()) return std::nullopt;
  return v;
}

std::optional<std::string_view> StringMember(JsonElement obj, std::string_view key) {
  auto v = Member(obj, key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string_view(v->get_string().value_unsafe());
}

std::optional<std::string> IdMember(JsonElement obj, std::string_view key) {
  auto v = Member(obj, key);
  if (!v) return std::nullopt;
  if (v->is_string()) return std::string(v->get_string().value_unsafe());
  if (v->is_int64()) return std::to_string(v->get_int64().value_unsafe());
  if (v->is_uint64()) return std::to_string(v->get_uint64().value_unsafe());
  return std::nullopt;  // a double cannot carry an exact 64-bit id
}

std::optional<std::int64_t> IntMember(JsonElement obj, std::string_view key) {
  auto v = Member(obj, key);
  if (!v) return std::nullopt;
  if (v->is_int64()) return v->get_int64().value_unsafe();
  if (v->is_string()) {
    std::string_view s = v->get_string().value_unsafe();
    std::int64_t out = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec == std::errc() && p == s.data() + s.size()) return out;
  }
  // A real (non-integer) number: accept it only when it fits; is_double() alone is also true
  // for integers, and casting an out-of-range double is undefined behaviour.
  if (v->type() == simdjson::dom::element_type::DOUBLE) {
    double d = v->get_double().value_unsafe();
    if (d >= -9.2e18 && d <= 9.2e18) return static_cast<std::int64_t>(d);
  }
  return std::nullopt;
}

std::optional<bool> BoolMember(JsonElement obj, std::string_view key) {
  auto v = Member(obj, key);
  if (!v) return std::nullopt;
  if (v->is_bool()) return v->get_bool().value_unsafe();
  if (v->is_string()) {
    std::string_view s = v->get_string().value_unsafe();
    if (s == "true") return true;
    if (s == "false") return false;
  }
  return std::nullopt;
}

std::optional<simdjson::dom::array> ArrayMember(JsonElement obj, std::string_view key) {
  auto v = Member(obj, key);
  if (!v || !v->is_array()) return std::nullopt;
  return v->get_array().value_unsafe();
}

Result<std::string> NormalizeText(std::string_view text) { return unicode::ToNfc(text); }

Status MissingField(std::string_view path) {
  return Status(Errc::kInvalidArgument, "missing_field",
                std::string("required field is missing or has the wrong type: ") + std::string(path));
}

}  // namespace fr::channels
