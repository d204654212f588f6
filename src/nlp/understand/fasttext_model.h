// A fastText classifier: loading a model file, predicting the top label of a feature line, and
// training and quantising one from a labelled file (the `feedroom train` recipe). fastText's
// exceptions stop here and come back as Status. A loaded FastTextModel is immutable; Predict is
// thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace fr::nlp {

class LoadableFastText;  // fasttext::FastText with its header check and dictionary reachable

struct Prediction {
  std::string label;  // without fastText's "__label__" prefix; empty when nothing was predicted
  float p = 0;        // probability, 0..1
};

// A feature line cut into the tokens fastText reads, each with fastText's hash of it: made once
// for a line and read by every model that predicts on it (neither depends on the model). The
// tokens are those of fastText's own reader: runs of bytes between spaces, tabs, CR, VT, FF and
// NUL, up to the first new line, then fastText's end-of-line token. Reusable: Reset keeps the
// buffers. Not thread-safe; use one per thread.
class FeatureTokens {
 public:
  FeatureTokens() = default;
  explicit FeatureTokens(std::string_view feature_line) { Reset(feature_line); }

  // Replaces the contents with the tokens of `feature_line` (any bytes).
  void Reset(std::string_view feature_line);

 private:
  friend class FastTextModel;
  void Add(std::string_view token);

  std::vector<std::string> tokens_;  // the first count_ are in use; the rest keep their buffers
  std::vector<uint32_t> hashes_;
  size_t count_ = 0;
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
  // The same for a line already cut into tokens: what Predict(line) gives for the line.
  Prediction Predict(const FeatureTokens& tokens) const;

  // The model's labels, without the "__label__" prefix.
  std::vector<std::string> Labels() const;

 private:
  explicit FastTextModel(std::unique_ptr<LoadableFastText> model);
  std::unique_ptr<LoadableFastText> model_;
  int word_ngrams_;                  // the model's n-gram length
  std::vector<std::string> labels_;  // Labels(), by fastText's label id
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
