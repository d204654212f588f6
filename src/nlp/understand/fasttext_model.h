// A fastText classifier: loading a model file, predicting the top label of a feature line, and
// training and quantising one from a labelled file (the `feedroom train` recipe). fastText's
// exceptions stop here and come back as Status. Predictions come from FastTextScorer's tables
// (fasttext_scorer.h), equal bit for bit to fastText's predictLine; fastText itself loads and
// trains. A loaded FastTextModel is immutable; Predict is thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "nlp/understand/fasttext_scorer.h"
#include "nlp/understand/feature_tokens.h"

namespace fr::nlp {

struct Prediction {
  std::string label;  // without fastText's "__label__" prefix; empty when nothing was predicted
  float p = 0;        // probability, 0..1
};

class FastTextModel {
 public:
  // Loads a .bin or quantised .ftz file. Errors name the file: kNotFound for a missing file;
  // kMalformed for one that is not a fastText model, is cut short or is not a classifier;
  // kInvalidArgument for a classifier of a kind FastTextScorer does not reproduce (see
  // FastTextScorer::Build; TrainAndQuantize never makes one).
  static Result<FastTextModel> Load(const std::string& path);

  // The most probable label of `feature_line` (a FeatureLine result). An empty line, or one of
  // words the model never saw, still gets one, from the row of fastText's end-of-line token;
  // the label is "" only when no token or n-gram of the line has a row in the model.
  Prediction Predict(std::string_view feature_line) const;
  // The same for a line already cut into tokens: what Predict(line) gives for the line.
  Prediction Predict(const FeatureTokens& tokens) const;

  // The model's labels, without the "__label__" prefix.
  std::vector<std::string> Labels() const;

 private:
  FastTextModel(FastTextScorer scorer, std::vector<std::string> labels);
  FastTextScorer scorer_;
  std::vector<std::string> labels_;  // Labels(), by fastText's label id
};

// Hyper-parameters of a supervised model; the defaults are those of the shipped models.
struct TrainSettings {
  int dim = 30;
  int epoch = 10;
  double lr = 0.5;
  int word_ngrams = 2;  // no character n-grams: FastTextScorer reads words and word n-grams
  int min_count = 1;
  int bucket = 200000;
  int seed = 20261122;
  // Quantisation: keep the `cutoff` most important words and n-grams, then retrain.
  size_t cutoff = 50000;
  size_t dsub = 2;
};

// Trains a softmax classifier on `input` (fastText's format: "__label__X tokens..." lines) with
// one thread (reproducible), saves it to `bin_path`, then quantises it (qnorm, cutoff, retrain)
// and saves that to `ftz_path`. Either path may be empty to skip that file.
Status TrainAndQuantize(const std::string& input, const TrainSettings& settings,
                        const std::string& bin_path, const std::string& ftz_path);

}  // namespace fr::nlp
