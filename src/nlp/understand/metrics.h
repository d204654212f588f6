// Classification scores: accuracy, macro-averaged F1 and recall, and per-class figures. Pure;
// thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace fr::nlp {

struct ClassScores {
  std::string label;
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  size_t support = 0;  // gold examples of the class
};

struct Scores {
  size_t n = 0;
  double accuracy = 0;
  double macro_f1 = 0;      // mean F1 over the gold classes
  double macro_recall = 0;  // mean recall over the gold classes (SemEval's AvgRec)
  std::vector<ClassScores> classes;  // the gold classes, sorted by label

  // The scores of `label`; zeros if it is not a gold class.
  ClassScores Of(const std::string& label) const;
};

// Scores `predicted` against `gold` (REQUIRES: equal sizes). Macro averages run over the labels
// that occur in `gold`; a predicted label outside them counts against accuracy and recall only.
Scores Score(const std::vector<std::string>& gold, const std::vector<std::string>& predicted);

}  // namespace fr::nlp
