#include "channels/feed/feed_fields.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "base/crypto.h"
#include "channels/common/time_formats.h"
#include "channels/feed/feed_text.h"

namespace fr::channels::feed {
namespace {

bool LooksLikeAddress(std::string_view s) {
  const size_t at = s.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < s.size() &&
         s.find_first_of(" \t\r\n") == std::string_view::npos;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

AuthorParts SplitAuthor(std::string_view text) {
  const std::string_view t = TrimAscii(text);
  AuthorParts parts;
  // "x (y)": one side the address, the other the name.
  if (!t.empty() && t.back() == ')') {
    const size_t open = t.rfind('(');
    if (open != std::string_view::npos) {
      const std::string_view outside = TrimAscii(t.substr(0, open));
      const std::string_view inside = TrimAscii(t.substr(open + 1, t.size() - open - 2));
      if (LooksLikeAddress(outside)) {
        parts.email = outside;
        parts.name = inside;
        return parts;
      }
      if (LooksLikeAddress(inside)) {
        parts.name = outside;
        parts.email = inside;
        return parts;
      }
    }
  }
  // "Name <a@b>".
  if (!t.empty() && t.back() == '>') {
    const size_t open = t.rfind('<');
    if (open != std::string_view::npos) {
      const std::string_view inside = TrimAscii(t.substr(open + 1, t.size() - open - 2));
      if (LooksLikeAddress(inside)) {
        parts.name = TrimAscii(t.substr(0, open));
        parts.email = inside;
        return parts;
      }
    }
  }
  if (LooksLikeAddress(t)) {
    parts.email = t;
  } else {
    parts.name = t;
  }
  return parts;
}

std::optional<UnixMillis> ParseFeedDate(std::string_view text, DateStyle style) {
  const std::string_view t = TrimAscii(text);
  if (t.empty()) return std::nullopt;
  if (style == DateStyle::kRfc822First) {
    if (auto v = ParseRfc822Date(t)) return v;
    return ParseIso8601Lenient(t);
  }
  if (auto v = ParseIso8601Lenient(t)) return v;
  return ParseRfc822Date(t);
}

PickedDate FirstDate(const std::vector<DatedText>& candidates) {
  PickedDate picked;
  for (const DatedText& d : candidates) {
    if (picked.text.empty()) picked.text = TrimAscii(d.text);
    if (auto ms = ParseFeedDate(d.text, d.style)) {
      picked.published = *ms;
      break;
    }
  }
  return picked;
}

std::string FallbackKey(std::string_view title, std::string_view date_text, std::string_view text) {
  std::string material;
  if (title.empty() && date_text.empty()) {
    material = "\n";
    material += text;
  } else {
    material.assign(title);
    material += '\n';
    material += date_text;
  }
  return "sha256:" + crypto::Hex(crypto::Sha256(material));
}

std::optional<int> PositiveMinutes(std::string_view text) {
  const std::string_view t = TrimAscii(text);
  int value = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (ec != std::errc() || end != t.data() + t.size() || value <= 0) return std::nullopt;
  return value;
}

std::optional<int> SyndicationMinutes(std::string_view period, std::string_view frequency) {
  const std::string p = Lower(TrimAscii(period));
  int minutes = 0;
  if (p == "hourly") {
    minutes = 60;
  } else if (p == "daily") {
    minutes = 24 * 60;
  } else if (p == "weekly") {
    minutes = 7 * 24 * 60;
  } else if (p == "monthly") {
    minutes = 30 * 24 * 60;
  } else if (p == "yearly") {
    minutes = 365 * 24 * 60;
  } else {
    return std::nullopt;
  }
  int times = 1;
  if (!TrimAscii(frequency).empty()) {
    auto f = PositiveMinutes(frequency);
    if (!f) return std::nullopt;
    times = *f;
  }
  return std::max(1, minutes / times);
}

}  // namespace fr::channels::feed
