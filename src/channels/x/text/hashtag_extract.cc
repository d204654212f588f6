#include "channels/x/text/hashtag_extract.h"

#include <re2/re2.h>

#include <algorithm>

#include "channels/x/text/pattern_scanner.h"
#include "channels/x/text/text_offsets.h"
#include "channels/x/text/url_extract.h"

namespace fr::channels::x {
namespace {

using re2::StringPiece;

// The character before the hashtag (not a letter, mark, digit, '_' or '&', but U+FE0E/U+FE0F
// after an emoji are marks X accepts), then the hashtag (group 1) and its text (group 2).
const RE2& HashtagPattern() {
  static const RE2* const re = new RE2(
      R"((?:[^&_\p{L}\p{M}\p{N}]|[\x{FE0E}\x{FE0F}]))"
      R"(([#\x{FF03}]([\p{L}\p{M}\p{N}_\x{200C}\x{200D}\x{B7}\x{5BE}\x{5F3}\x{5F4}\x{F0B}\x{F0C})"
      R"(\x{3003}\x{301C}\x{309B}\x{309C}\x{30FB}\x{FF5E}]+)))");
  return *re;
}

const RE2& LetterOrMark() {
  static const RE2* const re = new RE2(R"([\p{L}\p{M}])");
  return *re;
}

const RE2& BlockedAfterHashtag() {
  static const RE2* const re = new RE2(R"([#\x{FF03}]|://)");
  return *re;
}

// The hashtags of `text` before URLs are taken into account.
std::vector<TextEntity> FindHashtags(std::string_view text) {
  PatternScanner scanner(text);
  Utf16Offsets offsets(text);
  std::vector<TextEntity> hashtags;
  StringPiece groups[3];
  size_t from = 0;
  while (scanner.Find(HashtagPattern(), from, groups, 3)) {
    from = scanner.End(groups[1]);
    if (!RE2::PartialMatch(groups[2], LetterOrMark()) ||
        BlockedAfterHashtag().Match(text, from, text.size(), RE2::ANCHOR_START, nullptr, 0)) {
      continue;
    }
    hashtags.push_back({std::string(groups[2]), offsets.Span(scanner.Begin(groups[1]), from)});
  }
  return hashtags;
}

bool Overlap(const TextSpan& a, const TextSpan& b) {
  return a.byte_begin < b.byte_end && b.byte_begin < a.byte_end;
}

}  // namespace

Result<std::vector<TextEntity>> ExtractHashtags(std::string_view text) {
  std::vector<TextEntity> hashtags = FindHashtags(text);
  if (hashtags.empty()) return hashtags;
  FR_ASSIGN_OR_RETURN(std::vector<TextEntity> urls, ExtractUrls(text));
  std::erase_if(hashtags, [&urls](const TextEntity& hashtag) {
    return std::any_of(urls.begin(), urls.end(), [&hashtag](const TextEntity& url) {
      return Overlap(hashtag.span, url.span);
    });
  });
  return hashtags;
}

bool IsValidHashtag(std::string_view text) {
  // A hashtag has no '.', so no URL can lie inside one that spans the whole text.
  std::vector<TextEntity> hashtags = FindHashtags(text);
  return hashtags.size() == 1 && hashtags[0].span.byte_begin == 0 &&
         hashtags[0].span.byte_end == text.size();
}

}  // namespace fr::channels::x
