// PatternScanner: finds X's entities with RE2 patterns that look one character behind (internal
// to channels/x/text). X's rules depend on the character before an entity ("@" after a letter is
// no mention, a URL after "$" is no link); RE2 has no look-behind, so every pattern starts by
// consuming that character, and the scanner makes sure there always is one. Immutable after
// construction; Find is safe to call from several threads.
#pragma once

#include <re2/re2.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace fr::channels::x {

// The concatenation of `parts`: patterns are assembled from named pieces.
std::string JoinPattern(std::initializer_list<std::string_view> parts);

class PatternScanner {
 public:
  // Copies `text` behind one space, so that an entity at offset 0 has a character before it
  // (the space, which every pattern accepts there). Ill-formed UTF-8 is searched as U+001A
  // (a control character): never part of an entity, and no obstacle to one that follows.
  explicit PatternScanner(std::string_view text);

  // Finds the leftmost match of `re` that begins with the character before byte `from` of the
  // text or later, so that the entity it captures starts at `from` or later. Fills groups[0..n)
  // as RE2::Match does (group 0 includes that character before the entity); returns false if
  // there is no such match.
  // REQUIRES: `re` starts every alternative by consuming exactly one character before its
  // entity (no ^ anchor); from <= text size.
  bool Find(const RE2& re, size_t from, re2::StringPiece* groups, int n) const;

  // Byte offsets in the original text of a group that Find filled. REQUIRES: the group matched.
  size_t Begin(const re2::StringPiece& group) const;
  size_t End(const re2::StringPiece& group) const;

 private:
  std::string padded_;  // " " + text
};

}  // namespace fr::channels::x
