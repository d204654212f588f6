#include "nlp/understand/fasttext_scorer.h"

#include <fasttext/fasttext.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <unordered_map>

namespace fr::nlp {
namespace {

// fastText keeps the matrices and the pruned n-gram index protected; the member pointers are
// named through these classes, as C++ allows, and read on the model's own objects.
struct FastTextParts : fasttext::FastText {
  static const fasttext::Matrix& Input(const fasttext::FastText& model) {
    return *(model.*&FastTextParts::input_);
  }
  static const fasttext::Matrix& Output(const fasttext::FastText& model) {
    return *(model.*&FastTextParts::output_);
  }
};
struct DictionaryParts : fasttext::Dictionary {
  // The number of n-gram buckets kept by quantisation; -1 when the model was not pruned.
  static int64_t PrunedSize(const fasttext::Dictionary& dict) {
    return dict.*&DictionaryParts::pruneidx_size_;
  }
  // Bucket → index among the kept buckets, when PrunedSize > 0.
  static const std::unordered_map<int32_t, int32_t>& PruneIndex(const fasttext::Dictionary& dict) {
    return dict.*&DictionaryParts::pruneidx_;
  }
};

Status Unsupported(const std::string& what) {
  return Status(Errc::kInvalidArgument, "model_load_failed", "unsupported model: " + what);
}
Status Inconsistent(const std::string& what) {
  return Status(Errc::kMalformed, "model_load_failed", "inconsistent model: " + what);
}

// fastText's Loss::findKBest compares log probabilities, as std_log makes them.
float LogProbability(float p) {
  return static_cast<float>(std::log(static_cast<double>(p) + 1e-5));
}

}  // namespace

void FastTextScorer::Vocabulary::Reserve(size_t words) {
  slots_.assign(std::bit_ceil(std::max<size_t>(2 * words, 2)), Slot{});
  starts_.reserve(words + 1);
  starts_.assign(1, 0);
}

void FastTextScorer::Vocabulary::Add(std::string_view word, uint32_t hash) {
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].id >= 0) i = (i + 1) & mask;
  slots_[i] = Slot{hash, static_cast<int32_t>(starts_.size() - 1)};
  bytes_.append(word);
  starts_.push_back(static_cast<uint32_t>(bytes_.size()));
}

int32_t FastTextScorer::Vocabulary::Find(std::string_view word, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask; slots_[i].id >= 0; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.hash != hash) continue;
    const auto id = static_cast<size_t>(slot.id);
    if (std::string_view(bytes_).substr(starts_[id], starts_[id + 1] - starts_[id]) == word) {
      return slot.id;
    }
  }
  return -1;
}

Result<FastTextScorer> FastTextScorer::Build(const fasttext::FastText& model) {
  const fasttext::Args args = model.getArgs();
  if (args.model != fasttext::model_name::sup) return Unsupported("not a classifier");
  if (args.loss != fasttext::loss_name::softmax) {
    return Unsupported("loss " + args.lossToString(args.loss) + ", not softmax");
  }
  if (args.maxn > 0) return Unsupported("character n-grams");
  const auto* output = dynamic_cast<const fasttext::DenseMatrix*>(&FastTextParts::Output(model));
  if (output == nullptr) return Unsupported("quantised output matrix");
  const fasttext::Matrix& input = FastTextParts::Input(model);
  const fasttext::Dictionary& dict = *model.getDictionary();

  FastTextScorer scorer;
  const int64_t rows = input.size(0);
  if (input.size(1) < 1 || dict.nlabels() < 1 || output->size(0) != dict.nlabels() ||
      output->size(1) != input.size(1)) {
    return Inconsistent("matrices of the wrong size");
  }
  scorer.dim_ = static_cast<size_t>(input.size(1));
  scorer.labels_ = static_cast<size_t>(dict.nlabels());
  scorer.word_ngrams_ = static_cast<size_t>(std::max(args.wordNgrams, 1));
  scorer.label_prefix_ = args.label;
  if (args.wordNgrams > 1 && args.bucket <= 0) return Inconsistent("word n-grams without buckets");
  if (dict.nwords() > rows) return Inconsistent("more words than input rows");

  scorer.vocabulary_.Reserve(static_cast<size_t>(dict.nwords()));
  for (int32_t id = 0; id < dict.nwords(); ++id) {
    const std::string word = dict.getWord(id);
    scorer.vocabulary_.Add(word, dict.hash(word));
  }

  // Dictionary::pushHash: bucket b is row nwords + b unpruned, nwords + its index among the
  // kept buckets pruned, and has no row when quantisation kept none.
  const int64_t pruned = DictionaryParts::PrunedSize(dict);
  scorer.bucket_rows_.assign(static_cast<size_t>(std::max(args.bucket, 0)), -1);
  for (int32_t bucket = 0; pruned < 0 && bucket < args.bucket; ++bucket) {
    scorer.bucket_rows_[static_cast<size_t>(bucket)] = dict.nwords() + bucket;
  }
  if (pruned > 0) {
    for (const auto& [bucket, index] : DictionaryParts::PruneIndex(dict)) {
      if (bucket < 0 || bucket >= args.bucket) return Inconsistent("n-gram bucket out of range");
      scorer.bucket_rows_[static_cast<size_t>(bucket)] = dict.nwords() + index;
    }
  }
  if (std::any_of(scorer.bucket_rows_.begin(), scorer.bucket_rows_.end(),
                  [&](int32_t row) { return row >= rows; })) {
    return Inconsistent("n-gram row beyond the input rows");
  }

  // Each row as fastText adds it to the hidden vector: Matrix::addRowToVector on zeros gives
  // the row's values (a quantised row: norm × centroid, the product addcode adds).
  const size_t dim = scorer.dim_;
  scorer.stride_ = (dim + kRowBlock - 1) / kRowBlock * kRowBlock;
  scorer.rows_.assign(static_cast<size_t>(rows) * scorer.stride_, 0.0f);
  fasttext::Vector row(input.size(1));
  for (int64_t r = 0; r < rows; ++r) {
    row.zero();
    input.addRowToVector(row, static_cast<int32_t>(r));
    std::copy(row.data(), row.data() + dim,
              scorer.rows_.data() + static_cast<size_t>(r) * scorer.stride_);
  }
  scorer.output_.assign(output->data(), output->data() + scorer.labels_ * dim);
  return scorer;
}

void FastTextScorer::AddRow(int32_t row, float* __restrict hidden) const {
  const float* __restrict values = rows_.data() + static_cast<size_t>(row) * stride_;
  for (size_t j = 0; j < stride_; j += kRowBlock) {  // element by element: exact in any width
    for (size_t k = 0; k < kRowBlock; ++k) hidden[j + k] += values[j + k];
  }
}

// fastText's Dictionary::getLine and FastText::predict with k = 1, step by step: the rows of
// the words, then of the word n-grams (Dictionary::addWordNgrams), summed in that order and
// averaged (Model::computeHidden); the output (SoftmaxLoss::computeOutput); the best label by
// log probability (Loss::findKBest), whose exp predictLine reports. The rows are listed (and
// fetched ahead) before they are summed.
FastTextScorer::Top FastTextScorer::Predict(const FeatureTokens& tokens) const {
  struct Scratch {
    std::vector<int32_t> hashes;  // of the line's words, as fastText's int32_t
    std::vector<int32_t> rows;    // the line's input rows, in fastText's order
    std::vector<float> hidden;
    std::vector<float> output;
  };
  thread_local Scratch scratch;
  std::vector<int32_t>& hashes = scratch.hashes;
  std::vector<int32_t>& rows = scratch.rows;
  hashes.clear();
  // Lists `row` when it is one (>= 0), without a branch on it, and fetches it ahead.
  size_t count = 0;
  auto add = [&](int32_t row) {
    const float* values = rows_.data() + static_cast<size_t>(std::max(row, 0)) * stride_;
    __builtin_prefetch(values);
    __builtin_prefetch(values + stride_ - 1);
    rows[count] = row;
    count += row >= 0 ? 1 : 0;
  };
  rows.resize(tokens.size() * word_ngrams_);  // the most a line can have
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view token = tokens.token(i);
    if (token.starts_with(label_prefix_)) continue;  // a label: not a feature
    add(vocabulary_.Find(token, tokens.hash(i)));
    hashes.push_back(static_cast<int32_t>(tokens.hash(i)));
  }
  // An n-gram's hash combines its words' hashes, each widened from int32_t to uint64_t with
  // its sign, as fastText does.
  for (size_t i = 0; i < hashes.size(); ++i) {
    auto h = static_cast<uint64_t>(hashes[i]);
    for (size_t j = i + 1; j < hashes.size() && j < i + word_ngrams_; ++j) {
      h = h * 116049371 + static_cast<uint64_t>(hashes[j]);
      add(bucket_rows_[h % bucket_rows_.size()]);
    }
  }
  rows.resize(count);
  if (rows.empty()) return Top{};
  std::vector<float>& hidden = scratch.hidden;
  hidden.assign(stride_, 0.0f);
  for (const int32_t row : rows) AddRow(row, hidden.data());
  const auto scale = static_cast<float>(1.0 / static_cast<double>(rows.size()));
  for (float& x : hidden) x *= scale;

  std::vector<float>& output = scratch.output;
  output.resize(labels_);
  for (size_t i = 0; i < labels_; ++i) {
    const float* weights = output_.data() + i * dim_;
    float dot = 0.0f;
    for (size_t j = 0; j < dim_; ++j) dot += weights[j] * hidden[j];
    output[i] = dot;
  }
  float max = output[0];
  for (const float o : output) max = std::max(o, max);
  float z = 0.0f;
  for (float& o : output) {
    o = static_cast<float>(std::exp(static_cast<double>(o - max)));
    z += o;
  }
  for (float& o : output) o /= z;

  Top top;
  float top_log = 0;
  for (size_t i = 0; i < labels_; ++i) {
    const float log_p = LogProbability(output[i]);
    if (top.label < 0 || !(log_p < top_log)) {  // a tie goes to the later label, as in the heap
      top.label = static_cast<int32_t>(i);
      top_log = log_p;
    }
  }
  top.p = std::exp(top_log);
  return top;
}

}  // namespace fr::nlp
