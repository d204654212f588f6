// TopLevelDomains: the DNS top-level labels a link in an X post may end with. X links
// "example.com" and "foo.co.jp" but not "foo.baz" or "tar.bz2", so URL extraction needs the list
// of delegated TLDs. We read it from the Public Suffix List that Debian's `publicsuffix` package
// installs (scripts/install-deps.sh) rather than embedding a copy. Immutable once loaded, so one
// object is safely shared by all threads.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "base/status.h"

namespace fr::channels::x {

class TopLevelDomains {
 public:
  // Where Debian's publicsuffix package installs the list.
  static constexpr std::string_view kSystemListPath =
      "/usr/share/publicsuffix/public_suffix_list.dat";

  // Reads the last label of every rule of the Public Suffix List at `path` ("co.uk" → "uk",
  // "*.ck" → "ck"), from the ICANN and the private sections alike (a private rule always sits
  // under an ICANN TLD), lowercased; an internationalised label is also stored in its ASCII form
  // ("みんな" and "xn--q9jyb4c"). Errors: kInternal "tld_list_missing" if the file cannot be
  // read, kInternal "tld_list_empty" if it holds no rule.
  static Result<TopLevelDomains> LoadFromFile(const std::string& path);

  // The list at kSystemListPath, loaded by the first call (thread-safe); every call returns the
  // same object, or the same error.
  static const Result<TopLevelDomains>& System();

  // True if `label` (UTF-8, any case, without dots) is a top-level domain: "com", "JP",
  // "みんな", "xn--q9jyb4c".
  bool Contains(std::string_view label) const;

 private:
  TopLevelDomains() = default;
  void Add(std::string_view label);

  std::unordered_set<std::string> labels_;  // case-folded UTF-8
  size_t longest_ = 0;                      // bytes of the longest label, to reject early
};

}  // namespace fr::channels::x
