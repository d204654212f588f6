#include "nlp/understand/sensitive_topics.h"

#include "domain/listen/listen_text.h"
#include "domain/understanding.h"

namespace fr::nlp {
namespace {

// The lexicon's entries, topic after topic, in SensitivityNames() order: health, legal,
// safety, discrimination, boycott.
std::vector<const std::vector<std::string>*> Lists(const domain::SensitiveLexicon& lexicon) {
  return {&lexicon.health, &lexicon.legal, &lexicon.safety, &lexicon.discrimination,
          &lexicon.boycott};
}

std::vector<std::string> AllEntries(const domain::SensitiveLexicon& lexicon) {
  std::vector<std::string> entries;
  for (const auto* list : Lists(lexicon)) entries.insert(entries.end(), list->begin(), list->end());
  return entries;
}

}  // namespace

SensitiveTopics::SensitiveTopics(const domain::SensitiveLexicon& lexicon)
    : entries_(AllEntries(lexicon)) {
  const auto lists = Lists(lexicon);
  for (size_t i = 0; i < lists.size(); ++i) {
    topic_.insert(topic_.end(), lists[i]->size(), static_cast<std::uint8_t>(i));
  }
}

std::vector<std::string> SensitiveTopics::In(std::string_view text) const {
  thread_local domain::ListenText listen;
  thread_local std::vector<std::string_view> words;
  thread_local std::vector<size_t> found;
  listen.Reset(text);
  words.clear();
  for (size_t i = 0; i < listen.word_count(); ++i) words.push_back(listen.word(i));
  found.clear();
  entries_.EntriesIn(words, &found);
  unsigned topics = 0;  // bit i: SensitivityNames()[i]
  for (const size_t entry : found) topics |= 1u << topic_[entry];
  std::vector<std::string> names;
  for (size_t i = 0; topics >> i != 0; ++i) {
    if (topics >> i & 1) names.emplace_back(domain::SensitivityNames()[i]);
  }
  return names;
}

}  // namespace fr::nlp
