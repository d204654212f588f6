#include "channels/x/text/cashtag_extract.h"

#include <re2/re2.h>

#include "channels/x/text/char_classes.h"
#include "channels/x/text/pattern_scanner.h"
#include "channels/x/text/text_offsets.h"

namespace fr::channels::x {
namespace {

// Whitespace before, the cashtag (group 1) with its symbol (group 2), and what must follow.
// The follower is consumed, so RE2 drops the optional suffix when only that lets it match.
const RE2& CashtagPattern() {
  static const RE2* const re = new RE2(
      JoinPattern({"[", kWhitespaceChars, R"(](\$([A-Za-z]{1,6}(?:[._][A-Za-z]{1,2})?))(?:$|[)",
                   kWhitespaceChars, R"(!-/:-@\[-\x60{-~]))"}));
  return *re;
}

}  // namespace

std::vector<TextEntity> ExtractCashtags(std::string_view text) {
  PatternScanner scanner(text);
  Utf16Offsets offsets(text);
  std::vector<TextEntity> cashtags;
  re2::StringPiece groups[3];
  size_t from = 0;
  while (scanner.Find(CashtagPattern(), from, groups, 3)) {
    from = scanner.End(groups[1]);
    cashtags.push_back({std::string(groups[2]), offsets.Span(scanner.Begin(groups[1]), from)});
  }
  return cashtags;
}

}  // namespace fr::channels::x
