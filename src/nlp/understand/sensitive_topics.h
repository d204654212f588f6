// SensitiveTopics: which topics of the approval rules' sensitive lexicon
// (domain::SensitiveLexicon, domain/approval_rules.h) a message touches, matched as the rules
// match them (domain::MatchText and PhraseList: prefixes, finals, niqqud and case do not
// matter). The words come from domain::ListenText's byte loop, equal to MatchWords and without
// ICU for nearly every message; the entries of every topic are looked up together, once per
// form of each word. Immutable once made; In is thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/approval_rules.h"
#include "domain/text_normalize.h"

namespace fr::nlp {

class SensitiveTopics {
 public:
  explicit SensitiveTopics(const domain::SensitiveLexicon& lexicon);

  // The names (domain::SensitivityNames()) of the topics with an entry in `text`, in that order;
  // empty if none.
  std::vector<std::string> In(std::string_view text) const;

 private:
  domain::PhraseList entries_;  // every topic's entries, topic after topic
  // By position in entries_: the index of the entry's topic in SensitivityNames().
  std::vector<std::uint8_t> topic_;
};

}  // namespace fr::nlp
