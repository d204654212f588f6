#include "channels/x/text/tweet_length.h"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <vector>

#include "base/unicode.h"
#include "channels/x/text/emoji_sequence.h"
#include "channels/x/text/text_offsets.h"
#include "channels/x/text/url_extract.h"

namespace fr::channels::x {
namespace {

// Characters X refuses in a post: the byte order mark and two non-characters.
bool IsRefusedCharacter(UChar32 c) { return c == 0xFEFF || c == 0xFFFE || c == 0xFFFF; }

int Weight(UChar32 c, const CountingRules& rules) {
  for (const WeightRange& range : rules.ranges) {
    if (static_cast<char32_t>(c) >= range.first && static_cast<char32_t>(c) <= range.last) {
      return range.weight;
    }
  }
  return rules.default_weight;
}

}  // namespace

Result<TweetLength> MeasureTweet(std::string_view utf8_text, const CountingRules& rules) {
  FR_ASSIGN_OR_RETURN(std::string nfc, unicode::ToNfc(utf8_text));
  FR_ASSIGN_OR_RETURN(std::vector<TextEntity> urls, ExtractUrls(nfc));

  const int64_t limit = int64_t{rules.max_weighted_length} * rules.scale;
  int64_t weight = 0;    // in 1/scale units
  int units = 0;         // UTF-16 units of `nfc` counted so far
  int valid_units = 0;   // the longest counted prefix that is still valid
  bool refused = false;  // a refused character was counted
  auto next_url = urls.begin();
  for (size_t pos = 0; pos < nfc.size();) {
    size_t emoji_bytes = 0;
    if (next_url != urls.end() && next_url->span.byte_begin == pos) {
      weight += int64_t{rules.transformed_url_length} * rules.scale;
      units += next_url->span.utf16_end - next_url->span.utf16_begin;
      pos = next_url->span.byte_end;
      ++next_url;
    } else if (rules.emoji_parsing && (emoji_bytes = EmojiSequenceLength(nfc, pos)) > 0) {
      weight += rules.default_weight;
      units += Utf16Length(std::string_view(nfc).substr(pos, emoji_bytes));
      pos += emoji_bytes;
    } else {
      int32_t i = static_cast<int32_t>(pos);
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(nfc.data()), i, static_cast<int32_t>(nfc.size()), c);
      weight += Weight(c, rules);
      units += U16_LENGTH(c);
      refused = refused || IsRefusedCharacter(c);
      pos = static_cast<size_t>(i);
    }
    if (!refused && weight <= limit) valid_units = units;
  }

  const int text_units = Utf16Length(utf8_text);
  TweetLength length;
  length.weighted_length = static_cast<int>(weight / rules.scale);
  length.valid = !utf8_text.empty() && !refused && weight <= limit;
  length.permillage = static_cast<int>(weight * 1000 / limit);
  length.display_end = text_units > 0 ? text_units - 1 : 0;
  length.valid_end = valid_units + (text_units - units) - 1;
  return length;
}

}  // namespace fr::channels::x
