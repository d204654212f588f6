#include "channels/x/text/mention_extract.h"

#include <re2/re2.h>

#include "channels/x/text/char_classes.h"
#include "channels/x/text/pattern_scanner.h"
#include "channels/x/text/text_offsets.h"

namespace fr::channels::x {
namespace {

using re2::StringPiece;

// The character before the mention, then the mention (group 1): sigil, screen name (group 2)
// and list slug (group 3).
const RE2& MentionPattern() {
  static const RE2* const re =
      new RE2(R"((?:[^A-Za-z0-9_!#$%&*@\x{FF20}]|[^A-Za-z0-9_+~.\-](?i:rt):?))"
              R"(([@\x{FF20}]([A-Za-z0-9_]{1,20})(?:/([A-Za-z][A-Za-z0-9_\-]{0,24}))?))");
  return *re;
}

// What may not follow a mention.
const RE2& BlockedAfterMention() {
  static const RE2* const re = new RE2(JoinPattern({"[@\\x{FF20}", kLatinAccentChars, "]|://"}));
  return *re;
}

const RE2& OnlyWhitespace() {
  static const RE2* const re = new RE2(JoinPattern({"[", kWhitespaceChars, "]*"}));
  return *re;
}

// True if `mentions` is one mention covering all of `text`, of a list or not per `list`.
bool IsWholeText(const std::vector<Mention>& mentions, std::string_view text, bool list) {
  return mentions.size() == 1 && mentions[0].span.byte_begin == 0 &&
         mentions[0].span.byte_end == text.size() && mentions[0].list_slug.empty() != list;
}

}  // namespace

std::vector<Mention> ExtractMentions(std::string_view text) {
  PatternScanner scanner(text);
  Utf16Offsets offsets(text);
  std::vector<Mention> mentions;
  StringPiece groups[4];
  size_t from = 0;
  while (scanner.Find(MentionPattern(), from, groups, 4)) {
    from = scanner.End(groups[1]);
    if (BlockedAfterMention().Match(text, from, text.size(), RE2::ANCHOR_START, nullptr, 0)) {
      continue;
    }
    mentions.push_back({.screen_name = std::string(groups[2]),
                        .list_slug = std::string(groups[3]),
                        .span = offsets.Span(scanner.Begin(groups[1]), from)});
  }
  return mentions;
}

std::optional<std::string> ExtractReplyScreenName(std::string_view text) {
  std::vector<Mention> mentions = ExtractMentions(text);
  if (mentions.empty() ||
      !RE2::FullMatch(text.substr(0, mentions[0].span.byte_begin), OnlyWhitespace())) {
    return std::nullopt;
  }
  return std::move(mentions[0].screen_name);
}

bool IsValidUsername(std::string_view text) {
  return IsWholeText(ExtractMentions(text), text, /*list=*/false);
}

bool IsValidList(std::string_view text) {
  return IsWholeText(ExtractMentions(text), text, /*list=*/true);
}

}  // namespace fr::channels::x
