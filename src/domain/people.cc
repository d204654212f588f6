#include "domain/people.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "base/unicode.h"

namespace fr::domain {

std::string_view RoleName(Role r) {
  switch (r) {
    case Role::kAgent: return "agent";
    case Role::kSupervisor: return "supervisor";
    case Role::kAdmin: return "admin";
  }
  return "agent";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : {Role::kAgent, Role::kSupervisor, Role::kAdmin}) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

std::string_view SignatureStyleName(SignatureStyle s) {
  switch (s) {
    case SignatureStyle::kCaret: return "caret";
    case SignatureStyle::kDashName: return "dash_name";
    case SignatureStyle::kNone: return "none";
  }
  return "none";
}

std::optional<SignatureStyle> ParseSignatureStyle(std::string_view name) {
  for (SignatureStyle s : {SignatureStyle::kCaret, SignatureStyle::kDashName, SignatureStyle::kNone}) {
    if (SignatureStyleName(s) == name) return s;
  }
  return std::nullopt;
}

std::string UsernameKey(std::string_view username) {
  std::string folded;
  icu::UnicodeString::fromUTF8(icu::StringPiece(username.data(), static_cast<int32_t>(username.size())))
      .foldCase()
      .toUTF8String(folded);
  Result<std::string> nfc = unicode::ToNfc(folded);
  return nfc.ok() ? std::move(nfc).value() : folded;
}

std::optional<std::string> CheckUsername(std::string_view username) {
  if (username.empty()) return "a user name is required";
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(username.size());
  int chars = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(username.data(), i, n, c);
    if (c < 0) return "the user name is not valid UTF-8";
    bool letter_or_digit = u_isalnum(c);
    if (chars == 0 && !letter_or_digit) return "a user name starts with a letter or a digit";
    if (!letter_or_digit && c != '.' && c != '_' && c != '-') {
      return "a user name holds letters, digits, '.', '_' and '-' only";
    }
    if (++chars > 64) return "a user name is at most 64 characters";
  }
  return std::nullopt;
}

}  // namespace fr::domain
