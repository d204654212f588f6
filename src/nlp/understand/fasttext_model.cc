#include "nlp/understand/fasttext_model.h"

#include <fasttext/fasttext.h>

#include <cstdint>
#include <exception>
#include <fstream>
#include <istream>
#include <utility>

namespace fr::nlp {
namespace {

// fastText reads a model's header (magic number, format version) in a protected member that
// also records the version the rest of the file is read with.
class LoadableFastText : public fasttext::FastText {
 public:
  bool ReadHeader(std::istream& in) { return checkModel(in); }
};

constexpr std::string_view kLabelPrefix = "__label__";

std::string WithoutLabelPrefix(const std::string& label) {
  return label.compare(0, kLabelPrefix.size(), kLabelPrefix) == 0 ? label.substr(kLabelPrefix.size())
                                                                   : label;
}

Status LoadError(Errc code, const std::string& path, const std::string& what) {
  return Status(code, "model_load_failed", "model file " + path + ": " + what);
}

}  // namespace

FastTextModel::FastTextModel(FastTextScorer scorer, std::vector<std::string> labels)
    : scorer_(std::move(scorer)), labels_(std::move(labels)) {}

Result<FastTextModel> FastTextModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return LoadError(Errc::kNotFound, path, "cannot be opened");
  LoadableFastText model;
  if (!model.ReadHeader(in)) return LoadError(Errc::kMalformed, path, "not a fastText model");
  try {
    model.loadModel(in);
  } catch (const std::exception& e) {
    return LoadError(Errc::kMalformed, path, std::string("unreadable: ") + e.what());
  }
  if (!in || in.peek() != std::char_traits<char>::eof()) {
    return LoadError(Errc::kMalformed, path, "cut short or followed by extra bytes");
  }
  const fasttext::Dictionary& dict = *model.getDictionary();
  if (dict.nlabels() == 0) return LoadError(Errc::kMalformed, path, "not a classifier (no labels)");
  auto scorer = FastTextScorer::Build(model);
  if (!scorer.ok()) return LoadError(scorer.status().code(), path, scorer.status().message());
  std::vector<std::string> labels;
  for (int32_t i = 0; i < dict.nlabels(); ++i) {
    labels.push_back(WithoutLabelPrefix(dict.getLabel(i)));
  }
  return FastTextModel(std::move(scorer).value(), std::move(labels));
}

Prediction FastTextModel::Predict(std::string_view feature_line) const {
  thread_local FeatureTokens tokens;
  tokens.Reset(feature_line);
  return Predict(tokens);
}

Prediction FastTextModel::Predict(const FeatureTokens& tokens) const {
  const FastTextScorer::Top top = scorer_.Predict(tokens);
  if (top.label < 0) return Prediction{};
  return Prediction{labels_[static_cast<size_t>(top.label)], top.p};
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
  args.minn = 0;
  args.maxn = 0;
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
