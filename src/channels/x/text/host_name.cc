#include "channels/x/text/host_name.h"

#include <re2/re2.h>
#include <unicode/bytestream.h>
#include <unicode/idna.h>

#include <memory>

#include "channels/x/text/char_classes.h"
#include "channels/x/text/pattern_scanner.h"

namespace fr::channels::x {
namespace {

// A DNS name is at most 253 ASCII characters, and punycode spends at least one character on a
// code point that takes at most 4 bytes of UTF-8, so a longer host is never linkable (leaving
// aside characters UTS #46 deletes, such as variation selectors, which no sane host repeats).
// Checking first keeps URL extraction linear when a long text looks like one huge host.
constexpr size_t kMaxHostBytes = 4 * 253;

// Errors X does not care about: "ab--cd" is reserved by IDNA2008 but linked by X.
constexpr uint32_t kIgnoredIdnaErrors = UIDNA_ERROR_HYPHEN_3_4;

// Non-transitional processing (IDNA2008, as browsers do) keeps "ß" rather than mapping it to
// "ss". The instance is immutable and thread-safe; nullptr if ICU could not create it.
const icu::IDNA* Uts46() {
  static const icu::IDNA* const idna = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::IDNA> created(
        icu::IDNA::createUTS46Instance(UIDNA_NONTRANSITIONAL_TO_ASCII, err));
    return U_SUCCESS(err) ? created.release() : nullptr;
  }();
  return idna;
}

// The labels before the TLD: subdomain labels may hold '_' inside, the last label only '-'.
const RE2& DomainLabels() {
  static const RE2* const re = new RE2([] {
    const std::string subdomain =
        JoinPattern({kHostChar, "(?:(?:", kHostChar, "|[_-])*", kHostChar, ")?"});
    const std::string domain =
        JoinPattern({kHostChar, "(?:(?:", kHostChar, "|-)*", kHostChar, ")?"});
    return JoinPattern({"(?:", subdomain, "\\.)*", domain});
  }());
  return *re;
}

}  // namespace

Result<std::string> HostNameToAscii(std::string_view utf8) {
  const icu::IDNA* idna = Uts46();
  if (idna == nullptr) return Status(Errc::kInternal, "icu", "cannot create the UTS #46 IDNA");
  std::string ascii;
  icu::StringByteSink<std::string> sink(&ascii);
  icu::IDNAInfo info;
  UErrorCode err = U_ZERO_ERROR;
  idna->nameToASCII_UTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink,
                         info, err);
  if (U_FAILURE(err)) return Status(Errc::kInternal, "icu", u_errorName(err));
  if ((info.getErrors() & ~kIgnoredIdnaErrors) != 0) {
    return Status(Errc::kInvalidArgument, "invalid_host_name", "not a valid IDNA host name");
  }
  return ascii;
}

bool IsLinkableHostName(std::string_view host, const TopLevelDomains& tlds) {
  if (host.size() > kMaxHostBytes) return false;
  size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || !tlds.Contains(host.substr(dot + 1))) return false;
  return RE2::FullMatch(host.substr(0, dot), DomainLabels()) && HostNameToAscii(host).ok();
}

}  // namespace fr::channels::x
