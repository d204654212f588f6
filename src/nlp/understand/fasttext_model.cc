#include "nlp/understand/fasttext_model.h"

#include <fasttext/fasttext.h>

#include <cstdint>
#include <exception>
#include <fstream>
#include <istream>
#include <streambuf>
#include <utility>
#include <vector>

namespace fr::nlp {

// fastText reads a model's header (magic number, format version) in a protected member that
// also records the version the rest of the file is read with.
class LoadableFastText : public fasttext::FastText {
 public:
  bool ReadHeader(std::istream& in) { return checkModel(in); }
};

namespace {

constexpr std::string_view kLabelPrefix = "__label__";

// An istream over a caller's buffer, reused per thread so a prediction allocates no stream.
class ViewBuf : public std::streambuf {
 public:
  // The get area is only read; streambuf just wants a char*.
  void Reset(const std::string& s) {
    char* p = const_cast<char*>(s.data());
    setg(p, p, p + s.size());
  }
};

Status LoadError(Errc code, const std::string& path, const std::string& what) {
  return Status(code, "model_load_failed", "model file " + path + ": " + what);
}

}  // namespace

FastTextModel::FastTextModel(std::unique_ptr<LoadableFastText> model)
    : model_(std::move(model)) {}
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

Prediction FastTextModel::Predict(std::string_view feature_line) const {
  thread_local std::string line;
  thread_local ViewBuf buf;
  thread_local std::istream in(&buf);
  thread_local std::vector<std::pair<fasttext::real, std::string>> predictions;
  line.assign(feature_line);
  line += '\n';
  buf.Reset(line);
  in.clear();
  Prediction out;
  if (!model_->predictLine(in, predictions, 1, 0.0) || predictions.empty()) return out;
  const std::string& label = predictions.front().second;
  out.label = label.compare(0, kLabelPrefix.size(), kLabelPrefix) == 0
                  ? label.substr(kLabelPrefix.size())
                  : label;
  out.p = predictions.front().first;
  return out;
}

std::vector<std::string> FastTextModel::Labels() const {
  const auto dict = model_->getDictionary();
  std::vector<std::string> labels;
  for (int32_t i = 0; i < dict->nlabels(); ++i) {
    std::string label = dict->getLabel(i);
    labels.push_back(label.compare(0, kLabelPrefix.size(), kLabelPrefix) == 0
                         ? label.substr(kLabelPrefix.size())
                         : label);
  }
  return labels;
}

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
