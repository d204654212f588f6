#include "nlp/understand/metrics.h"

#include <algorithm>
#include <cassert>
#include <map>

namespace fr::nlp {

ClassScores Scores::Of(const std::string& label) const {
  for (const ClassScores& c : classes) {
    if (c.label == label) return c;
  }
  return ClassScores{label};
}

Scores Score(const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  assert(gold.size() == predicted.size());
  struct Counts {
    size_t true_positive = 0, gold = 0, predicted = 0;
  };
  std::map<std::string, Counts> counts;
  for (const std::string& g : gold) ++counts[g].gold;
  Scores scores;
  scores.n = gold.size();
  size_t correct = 0;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (auto it = counts.find(predicted[i]); it != counts.end()) ++it->second.predicted;
    if (gold[i] == predicted[i]) {
      ++correct;
      ++counts[gold[i]].true_positive;
    }
  }
  if (scores.n == 0) return scores;
  scores.accuracy = static_cast<double>(correct) / static_cast<double>(scores.n);
  for (const auto& [label, c] : counts) {
    ClassScores s{label};
    s.support = c.gold;
    s.recall = static_cast<double>(c.true_positive) / static_cast<double>(c.gold);
    s.precision = c.predicted == 0 ? 0 : static_cast<double>(c.true_positive) / static_cast<double>(c.predicted);
    s.f1 = s.precision + s.recall == 0 ? 0 : 2 * s.precision * s.recall / (s.precision + s.recall);
    scores.macro_f1 += s.f1;
    scores.macro_recall += s.recall;
    scores.classes.push_back(s);
  }
  scores.macro_f1 /= static_cast<double>(counts.size());
  scores.macro_recall /= static_cast<double>(counts.size());
  return scores;
}

}  // namespace fr::nlp
