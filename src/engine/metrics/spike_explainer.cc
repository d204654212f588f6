#include "engine/metrics/spike_explainer.h"

#include <algorithm>
#include <set>

#include "domain/topics/topic_terms.h"

namespace fr::engine {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kDay = 1440 * kMinute;

}  // namespace

SpikeExplainer::SpikeExplainer(ports::Store& store, SpikeExplainerOptions options)
    : store_(store), options_(std::move(options)) {}

Result<ports::ExplainedSpike> SpikeExplainer::Explain(const ports::SpikeAlert& alert) const {
  const UnixMillis from = alert.started_at - (options_.window_minutes - 1) * kMinute;
  const UnixMillis cap = alert.started_at + options_.max_window_minutes * kMinute;
  const UnixMillis last = std::min(alert.ended_at.value_or(cap), cap);
  FR_ASSIGN_OR_RETURN(std::vector<ports::SeriesMessage> window,
                      store_.metrics().SeriesMessages(alert.series, from, last + kMinute,
                                                      options_.max_window_messages));
  FR_ASSIGN_OR_RETURN(std::vector<ports::SeriesMessage> before,
                      store_.metrics().SeriesMessages(alert.series, from - options_.background_days * kDay,
                                                      from, options_.max_background_messages));
  // Words first: which form of a Hebrew word is its term depends on the whole corpus.
  std::vector<std::vector<std::string>> words;
  domain::topics::TermVocabulary vocabulary;
  for (const auto* part : {&window, &before}) {
    for (const ports::SeriesMessage& m : *part) {
      words.push_back(domain::topics::TermWords(m.text));
      vocabulary.AddDocument(words.back());
    }
  }
  auto terms_of = [&vocabulary](const std::vector<std::string>& text_words) {
    std::set<std::string> terms;
    for (const std::string& w : text_words) terms.insert(vocabulary.TermOf(w));
    return std::vector<std::string>(terms.begin(), terms.end());
  };
  std::vector<domain::metrics::WindowMessage> heads;
  domain::topics::DisplayForms display;
  for (std::size_t i = 0; i < window.size(); ++i) {
    heads.push_back(window[i].head);
    heads.back().terms = terms_of(words[i]);
    for (const domain::topics::WrittenWord& w : domain::topics::WrittenWords(window[i].text)) {
      display.Add(vocabulary.TermOf(w.word), w.word, w.written);
    }
  }
  domain::metrics::TermBackground background;
  background.documents = static_cast<std::int64_t>(before.size());
  for (std::size_t i = window.size(); i < words.size(); ++i) {
    for (std::string& term : terms_of(words[i])) ++background.document_counts[std::move(term)];
  }
  ports::ExplainedSpike out{alert, domain::metrics::ExplainSpike(heads, background, options_.explain), {}};
  for (domain::metrics::TermLift& t : out.explanation.top_terms) t.term = display.Of(t.term);
  for (std::int64_t id : out.explanation.sample_message_ids) {
    auto m = std::find_if(window.begin(), window.end(),
                          [id](const ports::SeriesMessage& s) { return s.head.message_id == id; });
    out.samples.push_back(*m);
  }
  return out;
}

}  // namespace fr::engine
