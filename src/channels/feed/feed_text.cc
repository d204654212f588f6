#include "channels/feed/feed_text.h"

#include <libxml/HTMLparser.h>

#include <cctype>
#include <cstdint>

#include "base/unicode.h"
#include "channels/feed/feed_encoding.h"
#include "channels/feed/feed_libxml.h"

namespace fr::channels::feed {
namespace {

// Decodes the code point at `s[*i]` and advances `*i`. REQUIRES: valid UTF-8.
std::uint32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto b = [&](size_t k) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(s[k]));
  };
  const std::uint32_t c = b(*i);
  if (c < 0x80) {
    *i += 1;
    return c;
  }
  if (c < 0xE0 && *i + 1 < s.size()) {
    const std::uint32_t cp = ((c & 0x1F) << 6) | (b(*i + 1) & 0x3F);
    *i += 2;
    return cp;
  }
  if (c < 0xF0 && *i + 2 < s.size()) {
    const std::uint32_t cp = ((c & 0x0F) << 12) | ((b(*i + 1) & 0x3F) << 6) | (b(*i + 2) & 0x3F);
    *i += 3;
    return cp;
  }
  if (*i + 3 < s.size()) {
    const std::uint32_t cp = ((c & 0x07) << 18) | ((b(*i + 1) & 0x3F) << 12) |
                             ((b(*i + 2) & 0x3F) << 6) | (b(*i + 3) & 0x3F);
    *i += 4;
    return cp;
  }
  *i = s.size();  // truncated: cannot happen for valid input
  return 0xFFFD;
}

bool IsUnicodeSpace(std::uint32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

bool IsControl(std::uint32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp < 0xA0); }

bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// "&name;", "&#123;" or "&#x1F;" at `s[i]` (which is '&').
bool CharacterReferenceAt(std::string_view s, size_t i) {
  size_t k = i + 1;
  if (k < s.size() && s[k] == '#') {
    ++k;
    const bool hex = k < s.size() && (s[k] == 'x' || s[k] == 'X');
    if (hex) ++k;
    const size_t start = k;
    while (k < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[k]))
                                : std::isdigit(static_cast<unsigned char>(s[k])))) {
      ++k;
    }
    return k > start && k < s.size() && s[k] == ';';
  }
  const size_t start = k;
  while (k < s.size() && IsAlnum(s[k]) && k - start < 32) ++k;
  return k > start && IsAlpha(s[start]) && k < s.size() && s[k] == ';';
}

}  // namespace

std::string_view TrimAscii(std::string_view s) {
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string HtmlToText(std::string_view html) {
  if (TrimAscii(html).empty()) return "";
  LibxmlScope quiet;  // its own error count: broken markup in a description is not bozo
  // A fragment comes from a feed of at most kMaxFeedBytes (three times that in UTF-8): the
  // size fits in int. The encoding is given, so a <meta charset> inside cannot switch it.
  htmlDocPtr doc = htmlReadMemory(
      html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (doc == nullptr) return "";
  std::string text = MarkupText(reinterpret_cast<const xmlNode*>(doc));
  xmlFreeDoc(doc);
  return text;
}

bool LooksLikeHtml(std::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '<' && (IsAlpha(text[i + 1]) || text[i + 1] == '/' || text[i + 1] == '!')) {
      return true;
    }
    if (text[i] == '&' && CharacterReferenceAt(text, i)) return true;
  }
  return false;
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    const std::uint32_t cp = NextCodePoint(text, &i);
    if (IsUnicodeSpace(cp)) {
      pending_space = true;
      continue;
    }
    if (IsControl(cp)) continue;
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out.append(text.substr(start, i - start));
  }
  return out;
}

std::string RepairDoubleEncoding(std::string_view text) {
  std::string bytes;
  bytes.reserve(text.size());
  bool high = false;
  size_t i = 0;
  while (i < text.size()) {
    const std::uint32_t cp = NextCodePoint(text, &i);
    if (cp > 0xFF) return std::string(text);
    if (cp >= 0x80) high = true;
    bytes += static_cast<char>(cp);
  }
  if (!high || !unicode::IsValidUtf8(bytes)) return std::string(text);
  return bytes;
}

std::string FinishText(std::string_view text, bool repair_double_encoding) {
  std::string clean = unicode::IsValidUtf8(text) ? std::string(text) : ReplaceInvalidUtf8(text);
  if (repair_double_encoding) clean = RepairDoubleEncoding(clean);
  clean = CollapseWhitespace(clean);
  Result<std::string> nfc = unicode::ToNfc(clean);
  return nfc.ok() ? std::move(nfc).value() : clean;
}

}  // namespace fr::channels::feed
