#include "nlp/understand/fasttext_model.h"

#include <fasttext/fasttext.h>

#include <cmath>
#include <cstdint>
#include <exception>
#include <fstream>
#include <istream>
#include <utility>
#include <vector>

namespace fr::nlp {

// fastText reads a model's header (magic number, format version) in a protected member that
// also records the version the rest of the file is read with.
class LoadableFastText : public fasttext::FastText {
 public:
  bool ReadHeader(std::istream& in) { return checkModel(in); }
  const fasttext::Dictionary& Dictionary() const { return *dict_; }
};

namespace {

constexpr std::string_view kLabelPrefix = "__label__";

// The steps of fastText's Dictionary::getLine that turn a word into ids, which the dictionary
// keeps protected; the member pointers are named through this class, as C++ allows.
struct DictionarySteps : fasttext::Dictionary {
  // Appends the ids of `token` (the word's, or its character n-grams') to `line`.
  static void AddWord(const fasttext::Dictionary& dict, std::vector<int32_t>& line,
                      const std::string& token, int32_t id) {
    (dict.*&DictionarySteps::addSubwords)(line, token, id);
  }
  // Appends the ids of the word n-grams of the words hashed `hashes` to `line`.
  static void AddWordNgrams(const fasttext::Dictionary& dict, std::vector<int32_t>& line,
                            const std::vector<int32_t>& hashes, int32_t n) {
    (dict.*&DictionarySteps::addWordNgrams)(line, hashes, n);
  }
};

bool IsFastTextSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f' || c == '\0';
}

std::string WithoutLabelPrefix(const std::string& label) {
  return label.compare(0, kLabelPrefix.size(), kLabelPrefix) == 0 ? label.substr(kLabelPrefix.size())
                                                                   : label;
}

Status LoadError(Errc code, const std::string& path, const std::string& what) {
  return Status(code, "model_load_failed", "model file " + path + ": " + what);
}

}  // namespace

FastTextModel::FastTextModel(std::unique_ptr<LoadableFastText> model)
    : model_(std::move(model)), word_ngrams_(model_->getArgs().wordNgrams) {
  const fasttext::Dictionary& dict = model_->Dictionary();
  for (int32_t i = 0; i < dict.nlabels(); ++i) labels_.push_back(WithoutLabelPrefix(dict.getLabel(i)));
}
FastTextModel::FastTextModel(FastTextModel&&) noexcept = default;
FastTextModel& FastTextModel::operator=(FastTextModel&&) noexcept = default;
FastTextModel::~FastTextModel() = default;

Result<FastTextModel> FastTextModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return LoadError(Errc::kNotFound, path, "cannot be opened");
  auto model = std::make_unique<LoadableFastText>();
  if (!model->ReadHeader(in)) return LoadError(Errc::kMalformed, path, "not a fastText model");
  try {
    model->loadModel(in);
  } catch (const std::exception& e) {
    return LoadError(Errc::kMalformed, path, std::string("unreadable: ") + e.what());
  }
  if (!in || in.peek() != std::char_traits<char>::eof()) {
    return LoadError(Errc::kMalformed, path, "cut short or followed by extra bytes");
  }
  if (model->getDictionary()->nlabels() == 0) {
    return LoadError(Errc::kMalformed, path, "not a classifier (no labels)");
  }
  return FastTextModel(std::move(model));
}

// fastText's Dictionary::hash: FNV-1a over the bytes taken as signed chars.
void FeatureTokens::Add(std::string_view token) {
  if (count_ == tokens_.size()) {
    tokens_.emplace_back();
    hashes_.emplace_back();
  }
  tokens_[count_].assign(token);
  uint32_t h = 2166136261u;
  for (const char c : token) {
    h ^= static_cast<uint32_t>(static_cast<int8_t>(c));
    h *= 16777619u;
  }
  hashes_[count_] = h;
  ++count_;
}

void FeatureTokens::Reset(std::string_view feature_line) {
  count_ = 0;
  size_t start = 0;
  for (size_t i = 0; i <= feature_line.size(); ++i) {
    if (i < feature_line.size() && !IsFastTextSpace(feature_line[i])) continue;
    if (i > start) Add(feature_line.substr(start, i - start));
    start = i + 1;
    if (i < feature_line.size() && feature_line[i] == '\n') break;
  }
  Add(fasttext::Dictionary::EOS);
}

Prediction FastTextModel::Predict(std::string_view feature_line) const {
  thread_local FeatureTokens tokens;
  tokens.Reset(feature_line);
  return Predict(tokens);
}

// As fastText's getLine and predictLine, from the tokens on: every token is a word (a feature
// line has no labels), with its ids, then the word n-grams; the top prediction's log
// probability made a probability.
Prediction FastTextModel::Predict(const FeatureTokens& tokens) const {
  const fasttext::Dictionary& dict = model_->Dictionary();
  thread_local std::vector<int32_t> ids;
  thread_local std::vector<int32_t> hashes;
  thread_local fasttext::Predictions predictions;
  ids.clear();
  hashes.clear();
  predictions.clear();
  for (size_t i = 0; i < tokens.count_; ++i) {
    const std::string& token = tokens.tokens_[i];
    const int32_t id = dict.getId(token, tokens.hashes_[i]);
    if ((id < 0 ? dict.getType(token) : dict.getType(id)) != fasttext::entry_type::word) continue;
    DictionarySteps::AddWord(dict, ids, token, id);
    hashes.push_back(static_cast<int32_t>(tokens.hashes_[i]));
  }
  DictionarySteps::AddWordNgrams(dict, ids, hashes, word_ngrams_);
  model_->predict(1, ids, predictions, 0.0);
  Prediction out;
  if (predictions.empty()) return out;
  out.label = labels_[static_cast<size_t>(predictions.front().second)];
  out.p = std::exp(predictions.front().first);
  return out;
}

std::vector<std::string> FastTextModel::Labels() const { return labels_; }

Status TrainAndQuantize(const std::string& input, const TrainSettings& settings,
                        const std::string& bin_path, const std::string& ftz_path) {
  fasttext::Args args;
  args.input = input;
  args.model = fasttext::model_name::sup;
  args.loss = fasttext::loss_name::softmax;
  args.dim = settings.dim;
  args.epoch = settings.epoch;
  args.lr = settings.lr;
  args.wordNgrams = settings.word_ngrams;
  args.minn = settings.minn;
  args.maxn = settings.maxn;
  args.minCount = settings.min_count;
  args.bucket = settings.bucket;
  args.seed = settings.seed;
  args.thread = 1;
  args.verbose = 0;
  try {
    fasttext::FastText model;
    model.train(args);
    if (!bin_path.empty()) model.saveModel(bin_path);
    if (!ftz_path.empty()) {
      fasttext::Args qargs = args;
      qargs.qnorm = true;
      qargs.retrain = true;
      qargs.cutoff = settings.cutoff;
      qargs.dsub = settings.dsub;
      model.quantize(qargs);
      model.saveModel(ftz_path);
    }
  } catch (const std::exception& e) {
    return Status(Errc::kInternal, "train_failed",
                  "training on " + input + " failed: " + e.what());
  }
  return Status::Ok();
}

}  // namespace fr::nlp
