#include "base/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

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

}  // namespace fr::unicode
