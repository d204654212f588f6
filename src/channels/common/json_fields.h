// Tolerant field access over simdjson's DOM for platform payloads, where the same field may
// arrive as a number in one delivery and a string in the next (PROTOCOLS.md §0), and where
// absent fields are normal. Shared by every channel adapter; no platform knowledge here.
// Thread safety: a JsonDocument is used by one thread at a time.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace fr::channels {

using JsonElement = simdjson::dom::element;

// Owns a parser and the parsed document; elements are valid while it lives and is not reused.
class JsonDocument {
 public:
  // Parses `body` (validating UTF-8). Errors: kMalformed with reason "invalid_utf8" or
  // "malformed_json"; the message names the problem, never the content.
  Status Parse(std::string_view body);
  JsonElement root() const { return root_; }

 private:
  simdjson::dom::parser parser_;
  JsonElement root_;
};

// The member `key` of `obj`, if `obj` is an object that has it and it is not null.
std::optional<JsonElement> Member(JsonElement obj, std::string_view key);
// A string member, or nullopt when absent / not a string.
std::optional<std::string_view> StringMember(JsonElement obj, std::string_view key);
// An id: a string as is, an integer as its decimal digits. Never goes through a double, so
// 64-bit ids keep every digit.
std::optional<std::string> IdMember(JsonElement obj, std::string_view key);
// An integer given as a number or as a string of digits.
std::optional<std::int64_t> IntMember(JsonElement obj, std::string_view key);
// A boolean given as true/false or as the strings "true"/"false".
std::optional<bool> BoolMember(JsonElement obj, std::string_view key);
// The array member `key`, or nullopt.
std::optional<simdjson::dom::array> ArrayMember(JsonElement obj, std::string_view key);

// Text for the domain: NFC. Fails with kMalformed / "invalid_utf8" (cannot happen after a
// successful JsonDocument::Parse, which validates UTF-8, but the contract is explicit).
Result<std::string> NormalizeText(std::string_view text);

// Shorthand for a kInvalidArgument "missing_field" error naming the JSON path.
Status MissingField(std::string_view path);

}  // namespace fr::channels
