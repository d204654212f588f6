// A fastText classifier: loading a model file, predicting the top label of a feature line, and
// training and quantising one from a labelled file (the `feedroom train` recipe). fastText's
// exceptions stop here and come back as Status. A loaded FastTextModel is immutable; Predict is
// thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace fr::nlp {

class LoadableFastText;  // fasttext::FastText with its header check reachable

struct Prediction {
  std::string label;  // without fastText's "__label__" prefix; empty when nothing was predicted
  float p = 0;        // probability, 0..1
};

class FastTextModel {
 public:
  // Loads a .bin or quantised .ftz file. Errors (kNotFound, kMalformed) name the file: a
  // missing file, one that is not a fastText model, or one cut short.
  static Result<FastTextModel> Load(const std::string& path);

  FastTextModel(FastTextModel&&) noexcept;
  FastTextModel& operator=(FastTextModel&&) noexcept;
  ~FastTextModel();

  // The most probable label of `feature_line` (a FeatureLine result). An empty line, or one of
  // words the model never saw, gets the label of the model's bias ("" only for a model
  // without labels).
  Prediction Predict(std::string_view feature_line) const;

  // The model's labels, without the "__label__" prefix.
  std::vector<std::string> Labels() const;

 private:
  explicit FastTextModel(std::unique_ptr<LoadableFastText> model);
  std::unique_ptr<LoadableFastText> model_;
};

// Hyper-parameters of a supervised model; the defaults are those of the shipped models.
struct TrainSettings {
  int dim = 30;
  int epoch = 10;
  double lr = 0.5;
  int word_ngrams = 2;
  int minn = 0;  // character n-grams: 0 for none
  int maxn = 0;
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
