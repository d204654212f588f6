#include "nlp/understand/sensitive_topics.h"

#include "domain/listen/listen_text.h"
#include "domain/understanding.h"

namespace fr::nlp {

SensitiveTopics::SensitiveTopics(const domain::SensitiveLexicon& lexicon) {
  // SensitivityNames() order: health, legal, safety, discrimination, boycott.
  const std::vector<const std::vector<std::string>*> lists = {
      &lexicon.health, &lexicon.legal, &lexicon.safety, &lexicon.discrimination,
      &lexicon.boycott};
  for (size_t i = 0; i < lists.size(); ++i) {
    topics_.push_back(Topic{std::string(domain::SensitivityNames()[i]), domain::PhraseList(*lists[i])});
  }
}

std::vector<std::string> SensitiveTopics::In(std::string_view text) const {
  thread_local domain::ListenText listen;
  thread_local std::vector<std::string_view> words;
  listen.Reset(text);
  words.clear();
  for (size_t i = 0; i < listen.word_count(); ++i) words.push_back(listen.word(i));
  const domain::MatchText match = domain::MatchText::OfWords(words);
  std::vector<std::string> found;
  for (const Topic& topic : topics_) {
    if (topic.phrases.FirstIn(match)) found.push_back(topic.name);
  }
  return found;
}

}  // namespace fr::nlp
