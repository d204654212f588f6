// FastTextScorer: the top label of a fastText classifier for a line of tokens, computed from flat
// tables made once when the model is loaded, without fastText's per-prediction machinery: each
// input row decoded once (a quantised model's rows are product-quantised codes, which fastText
// decodes on every prediction), the row of every word n-gram bucket in an array (a pruned model
// keeps them in an unordered_map), and the vocabulary in an open-addressing table probed with
// the token's precomputed hash. The arithmetic is fastText 0.9.2's, operation for operation and
// in the same order (sum of rows, times 1/n, dot products, softmax, log, exp), so the label and
// the probability are bitwise those of FastText::predictLine for the same line.
//
// Memory: the decoded input rows, rows × dim floats, dim padded to a multiple of 4, on huge
// pages (the shipped models: 50,000 × 32, 6.4 MB each, 8 MB with the last huge page; an
// unquantised model with 200,000 buckets about 28 MB); 4 bytes per n-gram bucket (800 KB for
// 200,000); the vocabulary, 8 bytes per slot at most half full plus its words (the shipped
// models: 0.3–0.6 MB).
//
// Immutable once built; Predict is thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "nlp/understand/feature_tokens.h"
#include "nlp/understand/huge_page_allocator.h"

namespace fasttext {
class FastText;
}

namespace fr::nlp {

class FastTextScorer {
 public:
  struct Top {
    int32_t label = -1;  // fastText's label index; -1 when nothing was predicted
    float p = 0;         // its probability, 0..1
  };

  // Builds the tables of a loaded model. The model must be a supervised classifier with
  // softmax loss, words and word n-grams as features (no character n-grams) and an unquantised
  // output matrix, as TrainAndQuantize makes them; another kind is kInvalidArgument, a model
  // whose parts disagree in size kMalformed. The model can be dropped afterwards.
  static Result<FastTextScorer> Build(const fasttext::FastText& model);

  // fastText's most probable label for `tokens` with its probability, as predictLine gives it
  // (of labels equally probable, the last). Nothing (label -1) when no token or n-gram of the
  // line has a row in the model, as fastText predicts nothing then.
  Top Predict(const FeatureTokens& tokens) const;

 private:
  // The model's words: their ids by fastText's hash and bytes.
  class Vocabulary {
   public:
    // Sizes the table for `words` words. REQUIRES: before the first Add.
    void Reserve(size_t words);
    // Adds the next word (ids 0, 1, ... in the order added), whose hash is `hash`.
    // REQUIRES: fewer than Reserve's `words` added so far; `word` not added before.
    void Add(std::string_view word, uint32_t hash);
    // The id of `word` (whose hash is `hash`), or -1.
    int32_t Find(std::string_view word, uint32_t hash) const;

   private:
    struct Slot {
      uint32_t hash = 0;
      int32_t id = -1;  // -1: empty
    };
    std::vector<Slot> slots_;       // a power of two, at most half full
    std::string bytes_;             // the words one after the other
    std::vector<uint32_t> starts_;  // where word id begins in bytes_, then where the last ends
  };

  // Rows are stored padded with zeros to a multiple of this many floats, which are added at once.
  static constexpr size_t kRowBlock = 4;

  FastTextScorer() = default;

  // Adds input row `row` to `hidden` (stride_ floats).
  void AddRow(int32_t row, float* __restrict hidden) const;

  size_t dim_ = 0;
  size_t stride_ = 0;  // floats per stored input row: dim_, then zeros to a multiple of kRowBlock
  size_t labels_ = 0;
  size_t word_ngrams_ = 1;
  std::string label_prefix_;          // tokens that begin with it are labels, never features
  Vocabulary vocabulary_;             // word id = its input row
  std::vector<int32_t> bucket_rows_;  // input row of each n-gram bucket; -1 when pruned away
  std::vector<float, HugePageAllocator<float>> rows_;  // the input rows, stride_ floats each
  std::vector<float> output_;  // the output matrix: labels_ rows of dim_ floats
};

}  // namespace fr::nlp
