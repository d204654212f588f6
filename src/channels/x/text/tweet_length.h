// The weighted length of an X post, as X counts it before accepting it: what lets Feedroom
// refuse a reply longer than 280 before sending it, and show the count while it is typed.
// X's rules (counting-characters doc, twitter-text config v3; PROTOCOLS.md §1.8): count the NFC
// form; code points in a few ranges (Latin, Hebrew, Arabic, Cyrillic… up to U+10FF, and some
// punctuation) weigh 1, every other one 2; an emoji sequence weighs 2 once; a URL weighs 23
// whatever its length (url_extract.h decides what a URL is). Pure; thread-safe.
#pragma once

#include <span>
#include <string_view>

#include "base/status.h"

namespace fr::channels::x {

// Code points first..last (inclusive) weigh `weight`.
struct WeightRange {
  char32_t first;
  char32_t last;
  int weight;
};

// A counting configuration, field for field as in twitter-text's config files.
struct CountingRules {
  int max_weighted_length;     // the most a valid post may weigh
  int scale;                   // weights are in 1/scale units
  int default_weight;          // the weight of a code point outside `ranges`, and of an emoji
  int transformed_url_length;  // the weight of every URL (in units, not scaled)
  bool emoji_parsing;          // an emoji sequence weighs default_weight once
  std::span<const WeightRange> ranges;
};

inline constexpr WeightRange kXWeightRanges[] = {
    {0x0000, 0x10FF, 100}, {0x2000, 0x200D, 100}, {0x2010, 0x201F, 100}, {0x2032, 0x2037, 100}};

// X's rules today (twitter-text config v3: 280, emoji sequences count once).
inline constexpr CountingRules kXCountingRules{.max_weighted_length = 280,
                                               .scale = 100,
                                               .default_weight = 200,
                                               .transformed_url_length = 23,
                                               .emoji_parsing = true,
                                               .ranges = kXWeightRanges};

// The measure of a post. Offsets are in UTF-16 code units of the text as given, and ranges are
// inclusive, as X's own parser reports them.
struct TweetLength {
  int weighted_length = 0;
  // Not empty, no U+FFFE, U+FEFF or U+FFFF, and weighted_length <= max_weighted_length.
  bool valid = false;
  int permillage = 0;  // weighted_length per 1000 of the maximum, rounded down
  // The whole text: [0, units - 1] ([0, 0] for the empty text).
  int display_start = 0;
  int display_end = 0;
  // The prefix that fits the maximum and holds no invalid character: [0, valid_end]
  // (valid_end is -1 when nothing fits). X measures the NFC form and shifts the end by the
  // difference in length between the text and its NFC form, so it is exact when NFC changes
  // nothing and approximate otherwise — as X reports it.
  int valid_start = 0;
  int valid_end = 0;
};

// Measures `utf8_text` under `rules`. Only the empty text is invalid for being empty; text of
// whitespace only is valid, as in X's reference parser (twitter-text). Errors:
// kMalformed "invalid_utf8"; kInternal "tld_list_missing" / "tld_list_empty" (URLs cannot be
// found without the TLD list) or "icu".
Result<TweetLength> MeasureTweet(std::string_view utf8_text,
                                 const CountingRules& rules = kXCountingRules);

}  // namespace fr::channels::x
