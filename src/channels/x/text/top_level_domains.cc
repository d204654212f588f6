#include "channels/x/text/top_level_domains.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>

#include "channels/x/text/host_name.h"

namespace fr::channels::x {
namespace {

// `label` in the form labels_ holds: ASCII lowercased, anything else Unicode case-folded.
std::string FoldLabel(std::string_view label) {
  if (std::all_of(label.begin(), label.end(), [](char c) { return (c & 0x80) == 0; })) {
    std::string folded(label);
    for (char& c : folded) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return folded;
  }
  std::string folded;
  icu::UnicodeString::fromUTF8(icu::StringPiece(label.data(), static_cast<int32_t>(label.size())))
      .foldCase()
      .toUTF8String(folded);
  return folded;
}

}  // namespace

Result<TopLevelDomains> TopLevelDomains::LoadFromFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return Status(Errc::kInternal, "tld_list_missing",
                  "cannot read the Public Suffix List at " + path +
                      " (install the Debian package publicsuffix)");
  }
  TopLevelDomains tlds;
  std::string line;
  while (std::getline(in, line)) {
    // A rule is the first word of its line; comment lines start with "//".
    std::string_view rule(line);
    rule = rule.substr(0, rule.find_first_of(" \t\r"));
    if (rule.empty() || rule.starts_with("//")) continue;
    tlds.Add(rule.substr(rule.rfind('.') + 1));  // the whole rule when it has no dot
  }
  if (tlds.labels_.empty()) {
    return Status(Errc::kInternal, "tld_list_empty",
                  "no rule in the Public Suffix List at " + path);
  }
  return tlds;
}

const Result<TopLevelDomains>& TopLevelDomains::System() {
  static const Result<TopLevelDomains>* const tlds =
      new Result<TopLevelDomains>(LoadFromFile(std::string(kSystemListPath)));
  return *tlds;
}

void TopLevelDomains::Add(std::string_view label) {
  std::string folded = FoldLabel(label);
  if (labels_.contains(folded)) return;  // most rules sit under a TLD seen before
  if (Result<std::string> ascii = HostNameToAscii(folded); ascii.ok() && *ascii != folded) {
    longest_ = std::max(longest_, ascii->size());
    labels_.insert(std::move(ascii).value());
  }
  longest_ = std::max(longest_, folded.size());
  labels_.insert(std::move(folded));
}

bool TopLevelDomains::Contains(std::string_view label) const {
  // Case folding shrinks UTF-8 at most threefold (the Kelvin sign, 3 bytes, folds to "k"), so a
  // longer candidate cannot match; URL extraction asks about many long ones.
  if (label.empty() || label.size() > 3 * longest_) return false;
  return labels_.contains(FoldLabel(label));
}

}  // namespace fr::channels::x
