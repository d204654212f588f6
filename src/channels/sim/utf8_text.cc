#include "channels/sim/utf8_text.h"

#include <fmt/format.h>

#include <cstdint>

namespace fr::channels::sim::internal {
namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

bool IsHandleChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

// Decodes the sequence starting at text[i]; sets `length` to its byte count. A malformed
// sequence decodes as its lead byte alone (callers copy it through).
char32_t Decode(std::string_view text, std::size_t i, std::size_t& length) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t n = lead < 0x80           ? 1
                  : (lead >> 5) == 0x6  ? 2
                  : (lead >> 4) == 0xE  ? 3
                  : (lead >> 3) == 0x1E ? 4
                                        : 0;
  if (n == 0 || i + n > text.size()) {
    length = 1;
    return lead;
  }
  char32_t cp = n == 1 ? lead : n == 2 ? (lead & 0x1F) : n == 3 ? (lead & 0x0F) : (lead & 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    if (!IsContinuation(c)) {
      length = 1;
      return lead;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  length = n;
  return cp;
}

}  // namespace

std::size_t CodePointCount(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += IsContinuation(static_cast<unsigned char>(c)) ? 0 : 1;
  return count;
}

std::string_view CodePointPrefix(std::string_view text, std::size_t count) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!IsContinuation(static_cast<unsigned char>(text[i])) && seen++ == count) {
      return text.substr(0, i);
    }
  }
  return text;
}

std::vector<MentionSpan> FindMentions(std::string_view text, std::string_view handle) {
  std::vector<MentionSpan> out;
  if (handle.empty()) return out;
  const std::size_t length = handle.size() + 1;
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    if (at + length > text.size() ||
        !EqualsIgnoreAsciiCase(text.substr(at + 1, handle.size()), handle)) {
      continue;
    }
    if (at > 0 && IsHandleChar(text[at - 1])) continue;
    if (at + length < text.size() && IsHandleChar(text[at + length])) continue;
    const std::size_t begin = CodePointCount(text.substr(0, at));
    out.push_back(MentionSpan{begin, begin + length});
  }
  return out;
}

std::string EscapeLikeMeta(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 2);
  for (std::size_t i = 0; i < json.size();) {
    const char c = json[i];
    if (c == '/') {
      out += "\\/";
      ++i;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      out += c;
      ++i;
      continue;
    }
    std::size_t length = 0;
    const char32_t cp = Decode(json, i, length);
    if (length == 1) {
      out += c;  // not well-formed: copied through untouched
    } else if (cp >= 0x10000) {
      const std::uint32_t v = cp - 0x10000;
      out += fmt::format("\\u{:04x}\\u{:04x}", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
    } else {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
    }
    i += length;
  }
  return out;
}

bool HasHebrew(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 0;
    const char32_t cp = Decode(text, i, length);
    if (cp >= 0x05D0 && cp <= 0x05EA) return true;
    i += length;
  }
  return false;
}

}  // namespace fr::channels::sim::internal
