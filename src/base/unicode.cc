#include "base/unicode.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

namespace fr::unicode {

bool IsValidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

Result<std::string> ToNfc(std::string_view text) {
  if (!IsValidUtf8(text)) {
    return Status(Errc::kMalformed, "invalid_utf8", "text is not valid UTF-8");
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return Status(Errc::kInternal, "icu", u_errorName(err));
  // Fast path: most texts are already NFC, and ICU checks that on the UTF-8 bytes directly.
  icu::StringPiece utf8(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(utf8, err) && U_SUCCESS(err)) return std::string(text);
  err = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc->normalize(icu::UnicodeString::fromUTF8(utf8), err);
  if (U_FAILURE(err)) return Status(Errc::kInternal, "icu", u_errorName(err));
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

Shortened LeadingGraphemes(std::string_view text, std::size_t max_code_points) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  std::size_t count = 0;
  for (int32_t i = 0; i < length; ++count) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
  }
  if (count <= max_code_points) return {std::string(text), false};
  const icu::UnicodeString whole =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), length));
  // The UTF-16 offset just after the last code point that may be kept.
  const int32_t limit = whole.moveIndex32(0, static_cast<int32_t>(max_code_points));
  // One iterator per thread: creating one loads the break rules.
  thread_local std::unique_ptr<icu::BreakIterator> clusters = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), err));
    return U_SUCCESS(err) ? std::move(it) : nullptr;
  }();
  int32_t cut = limit;
  if (clusters) {
    clusters->setText(whole);
    const int32_t boundary = clusters->isBoundary(limit) ? limit : clusters->preceding(limit);
    if (boundary > 0) cut = boundary;
  }
  std::string out;
  whole.tempSubString(0, cut).toUTF8String(out);
  Result<std::string> nfc = ToNfc(out);
  return {nfc.ok() ? std::move(*nfc) : std::move(out), true};
}

}  // namespace fr::unicode
