#include "channels/feed/feed_encoding.h"

#include <libxml/encoding.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "channels/feed/feed_libxml.h"

namespace fr::channels::feed {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Length of the well-formed UTF-8 sequence at `s[i]` (1–4), or 0 if none starts there; in
// that case `*bad` is the length of the maximal ill-formed prefix (at least 1), which is
// replaced by one U+FFFD (Unicode §3.9, "maximal subpart").
size_t Utf8SequenceAt(std::string_view s, size_t i, size_t* bad) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    *bad = 1;
    return 0;
  }
  size_t k = 1;
  for (; k <= need; ++k) {
    if (i + k >= s.size()) break;
    const unsigned char t = b(i + k);
    const unsigned char min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
    if (t < min || t > max) break;
  }
  if (k > need) return need + 1;
  *bad = k;
  return 0;
}

struct Utf8Stats {
  size_t invalid = 0;    // ill-formed sequences
  size_t multibyte = 0;  // well-formed sequences of 2–4 bytes
  bool valid() const { return invalid == 0; }
  // Mostly UTF-8 with a few stray bytes, rather than an 8-bit encoding: in Latin-1 or
  // windows-125x text, byte pairs that happen to be well-formed UTF-8 are rare.
  bool mostly_utf8() const { return multibyte > invalid; }
};

Utf8Stats ScanUtf8(std::string_view s) {
  Utf8Stats st;
  size_t i = 0;
  while (i < s.size()) {
    size_t bad = 0;
    const size_t n = Utf8SequenceAt(s, i, &bad);
    if (n == 0) {
      ++st.invalid;
      i += bad;
    } else {
      if (n > 1) ++st.multibyte;
      i += n;
    }
  }
  return st;
}

bool AllAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

enum class Family { kNone, kUtf8, kUtf16, kUtf16Le, kUtf16Be, kAscii, kLatin1, kOther };

Family FamilyOf(std::string_view label) {
  static constexpr std::array<std::string_view, 3> kUtf8 = {"utf-8", "utf8", "unicode-1-1-utf-8"};
  static constexpr std::array<std::string_view, 5> kAscii = {"us-ascii", "ascii", "ansi_x3.4-1968",
                                                             "iso646-us", "us"};
  static constexpr std::array<std::string_view, 11> kLatin1 = {
      "iso-8859-1", "iso8859-1",    "iso_8859-1", "latin1",   "latin-1", "l1",
      "cp819",      "windows-1252", "cp1252",     "x-cp1252", "ibm819"};
  if (label.empty()) return Family::kNone;
  for (auto n : kUtf8) {
    if (label == n) return Family::kUtf8;
  }
  if (label == "utf-16" || label == "utf16" || label == "ucs-2") return Family::kUtf16;
  if (label == "utf-16le" || label == "utf16le") return Family::kUtf16Le;
  if (label == "utf-16be" || label == "utf16be") return Family::kUtf16Be;
  for (auto n : kAscii) {
    if (label == n) return Family::kAscii;
  }
  for (auto n : kLatin1) {
    if (label == n) return Family::kLatin1;
  }
  return Family::kOther;
}

bool SameUnicodeForm(Family a, Family b) {
  const auto is16 = [](Family f) {
    return f == Family::kUtf16 || f == Family::kUtf16Le || f == Family::kUtf16Be;
  };
  if (a == b) return true;
  if (is16(a) && is16(b)) return a == Family::kUtf16 || b == Family::kUtf16;
  return false;
}

enum class Conversion { kDone, kNoHandler, kHopeless };

// Beyond this many undecodable sequences the label is wrong, not a few bytes.
constexpr int kMaxDecodeErrors = 1000;
// libxml2 moves the rest of its input buffer on every step; feeding it slices of this size
// keeps that linear.
constexpr size_t kSlice = 64 * 1024;

// Converts with a libxml2 encoding handler (built-in or iconv). Undecodable input becomes
// U+FFFD, `unit` bytes at a time, and sets `*had_errors`.
Conversion ConvertWithLibxml(std::string_view bytes, const char* name, size_t unit,
                             std::string* out, bool* had_errors) {
  LibxmlScope quiet;  // a conversion error is reported through libxml2's handlers
  xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(name);
  if (handler == nullptr) return Conversion::kNoHandler;
  xmlBufferPtr in = xmlBufferCreateSize(kSlice + 16);
  xmlBufferPtr chunk = xmlBufferCreateSize(3 * kSlice);
  // Moves what the handler produced for `from` into `out`.
  const auto convert = [&](xmlBufferPtr from) {
    (void)xmlCharEncInFunc(handler, chunk, from);
    out->append(reinterpret_cast<const char*>(xmlBufferContent(chunk)),
                static_cast<size_t>(xmlBufferLength(chunk)));
    xmlBufferEmpty(chunk);
  };
  // glibc's iconv holds back a letter a following combining mark could join (windows-1255,
  // windows-1258) until it sees the next character. Converting one ASCII space pushes the
  // letter out; the space is then dropped again.
  const auto flush = [&] {
    if (unit != 1) return;  // UTF-16 has nothing held back
    xmlBufferPtr space = xmlBufferCreateSize(2);
    xmlBufferAdd(space, reinterpret_cast<const xmlChar*>(" "), 1);
    const size_t before = out->size();
    convert(space);
    xmlBufferFree(space);
    if (out->size() > before && out->back() == ' ') out->pop_back();
  };
  out->clear();
  out->reserve(bytes.size() + bytes.size() / 2);
  size_t next = 0;  // first byte of `bytes` not yet given to `in`
  int errors = 0;
  while (next < bytes.size() || xmlBufferLength(in) > 0) {
    const size_t held = static_cast<size_t>(xmlBufferLength(in));
    if (held < kSlice / 2 && next < bytes.size()) {
      const size_t n = std::min(kSlice - held, bytes.size() - next);
      xmlBufferAdd(in, reinterpret_cast<const xmlChar*>(bytes.data() + next), static_cast<int>(n));
      next += n;
    }
    const int before_in = xmlBufferLength(in);
    const size_t before_out = out->size();
    convert(in);
    if (xmlBufferLength(in) == before_in && out->size() == before_out) {
      // No progress: an invalid sequence at the front (or a truncated one at the very end).
      *had_errors = true;
      if (++errors > kMaxDecodeErrors) break;
      flush();
      *out += kReplacement;
      xmlBufferShrink(in, static_cast<unsigned>(std::min<size_t>(before_in, unit)));
    }
  }
  flush();
  xmlBufferFree(in);
  xmlBufferFree(chunk);
  xmlCharEncCloseFunc(handler);
  if (errors > kMaxDecodeErrors) return Conversion::kHopeless;
  // Some built-in converters pass lone UTF-16 surrogates through; never let them out.
  std::string clean = ReplaceInvalidUtf8(*out);
  if (clean != *out) {
    *had_errors = true;
    *out = std::move(clean);
  }
  return Conversion::kDone;
}

// No usable label: UTF-8 when the bytes are (mostly) UTF-8, else windows-1252; flagged
// unless they are valid UTF-8 (`reason_if_guessed` is the flag for a label that did not fit).
Utf8Body Guess(std::string_view bytes, std::string reason_if_guessed) {
  Utf8Body r;
  const Utf8Stats st = ScanUtf8(bytes);
  if (st.valid()) {
    r.text.assign(bytes);
    r.encoding = "utf-8";
  } else if (st.mostly_utf8()) {
    r.text = ReplaceInvalidUtf8(bytes);
    r.encoding = "utf-8";
    r.bozo_reason = "invalid_bytes";
  } else {
    r.text = Windows1252ToUtf8(bytes);
    r.encoding = "windows-1252";
    r.bozo_reason = "encoding_mismatch";
  }
  if (r.bozo_reason.empty()) r.bozo_reason = std::move(reason_if_guessed);
  return r;
}

Utf8Body DecodeUtf16(std::string_view bytes, bool little_endian) {
  Utf8Body r;
  bool errors = false;
  r.encoding = little_endian ? "utf-16le" : "utf-16be";
  if (ConvertWithLibxml(bytes, little_endian ? "UTF-16LE" : "UTF-16BE", 2, &r.text, &errors) !=
      Conversion::kDone) {
    return Guess(bytes, "encoding_mismatch");
  }
  if (errors) r.bozo_reason = "invalid_bytes";
  return r;
}

}  // namespace

std::string ReplaceInvalidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t bad = 0;
    const size_t n = Utf8SequenceAt(text, i, &bad);
    if (n == 0) {
      out += kReplacement;
      i += bad;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  static constexpr std::array<std::uint16_t, 32> kHigh = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 && c < 0xA0) {
      AppendUtf8(out, kHigh[c - 0x80]);
    } else {
      AppendUtf8(out, c);
    }
  }
  return out;
}

std::string CharsetOfContentType(std::string_view content_type) {
  size_t pos = content_type.find(';');
  while (pos != std::string_view::npos) {
    const size_t next = content_type.find(';', pos + 1);
    std::string_view param = content_type.substr(
        pos + 1, next == std::string_view::npos ? std::string_view::npos : next - pos - 1);
    pos = next;
    const size_t eq = param.find('=');
    if (eq == std::string_view::npos || Lower(Trim(param.substr(0, eq))) != "charset") continue;
    std::string_view value = Trim(param.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = Trim(value.substr(1, value.size() - 2));
    }
    return Lower(value);
  }
  return "";
}

std::string DeclaredEncoding(std::string_view head) {
  head = head.substr(0, 1024);
  size_t i = 0;
  while (i < head.size() && IsAsciiSpace(head[i])) ++i;
  if (head.substr(i, 5) != "<?xml") return "";
  const size_t end = head.find("?>", i);
  if (end == std::string_view::npos) return "";
  const std::string_view decl = head.substr(i + 5, end - i - 5);
  const size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  size_t k = at + 8;
  while (k < decl.size() && IsAsciiSpace(decl[k])) ++k;
  if (k >= decl.size() || decl[k] != '=') return "";
  ++k;
  while (k < decl.size() && IsAsciiSpace(decl[k])) ++k;
  if (k >= decl.size() || (decl[k] != '"' && decl[k] != '\'')) return "";
  const size_t close = decl.find(decl[k], k + 1);
  if (close == std::string_view::npos) return "";
  return Lower(Trim(decl.substr(k + 1, close - k - 1)));
}

namespace {

Utf8Body Decode(std::string_view body, std::string_view content_type);

}  // namespace

Utf8Body DecodeBody(std::string_view body, std::string_view content_type) {
  Utf8Body r = Decode(body, content_type);
  // libxml2 takes U+0000 for the end of the input and would drop the rest of the feed.
  if (r.text.find('\0') != std::string::npos) {
    r.text.erase(std::remove(r.text.begin(), r.text.end(), '\0'), r.text.end());
    if (r.bozo_reason.empty()) r.bozo_reason = "invalid_bytes";
  }
  return r;
}

namespace {

Utf8Body Decode(std::string_view body, std::string_view content_type) {
  const std::string http = CharsetOfContentType(content_type);
  const Family http_family = FamilyOf(http);

  // 1. A byte-order mark, or UTF-16 recognisable from "<" without one.
  const auto starts = [&](std::string_view prefix) {
    return body.substr(0, prefix.size()) == prefix;
  };
  Family bom = Family::kNone;
  size_t bom_size = 0;
  if (starts("\xEF\xBB\xBF")) {
    bom = Family::kUtf8;
    bom_size = 3;
  } else if (starts("\xFF\xFE")) {
    bom = Family::kUtf16Le;
    bom_size = 2;
  } else if (starts("\xFE\xFF")) {
    bom = Family::kUtf16Be;
    bom_size = 2;
  } else if (body.size() >= 2 && body[0] == '<' && body[1] == '\0') {
    bom = Family::kUtf16Le;
  } else if (body.size() >= 2 && body[0] == '\0' && body[1] == '<') {
    bom = Family::kUtf16Be;
  }
  if (bom != Family::kNone) {
    const std::string_view rest = body.substr(bom_size);
    Utf8Body r;
    if (bom == Family::kUtf8) {
      r.encoding = "utf-8";
      r.text = ReplaceInvalidUtf8(rest);
      if (r.text != rest) r.bozo_reason = "invalid_bytes";
    } else {
      r = DecodeUtf16(rest, bom == Family::kUtf16Le);
    }
    if (!http.empty() && !SameUnicodeForm(http_family, bom) && r.bozo_reason.empty()) {
      r.bozo_reason = "encoding_mismatch";
    }
    return r;
  }

  // 2. The HTTP charset, else the XML declaration.
  const std::string label = !http.empty() ? http : DeclaredEncoding(body);
  switch (FamilyOf(label)) {
    case Family::kNone:
      return Guess(body, "");
    case Family::kUtf16:
    case Family::kUtf16Le:
    case Family::kUtf16Be:
      // Declared UTF-16, but the bytes start like an 8-bit document.
      return Guess(body, "encoding_mismatch");
    case Family::kUtf8:
      return Guess(body, "");
    case Family::kAscii:
      if (AllAscii(body)) return Utf8Body{std::string(body), label, ""};
      return Guess(body, "encoding_mismatch");
    case Family::kLatin1:
      return Utf8Body{Windows1252ToUtf8(body), label, ""};
    case Family::kOther: {
      Utf8Body r;
      bool errors = false;
      switch (ConvertWithLibxml(body, label.c_str(), 1, &r.text, &errors)) {
        case Conversion::kNoHandler:
          return Guess(body, "unknown_encoding");
        case Conversion::kHopeless:
          return Guess(body, "encoding_mismatch");
        case Conversion::kDone:
          break;
      }
      r.encoding = label;
      if (errors) r.bozo_reason = "invalid_bytes";
      return r;
    }
  }
  return Guess(body, "");
}

}  // namespace
}  // namespace fr::channels::feed
