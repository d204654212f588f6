#include "nlp/understand/fasttext_model.h"

#include <fasttext/fasttext.h>
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "nlp/understand/recipe.h"
#include "nlp/understand/text_features.h"

namespace fr::nlp {
namespace {

// The feature lines of every validation text of shared/data, and a few odd lines.
const std::vector<std::string>& Lines() {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> lines = {
        "", " ", "a\tb\vc", "a\nb", "a </s> b", "__label__positive good", "xxq xxq xxq"};
    auto sets = ValidationSets(FR_SHARED_DIR "/data");
    EXPECT_TRUE(sets.ok()) << sets.status().ToString();
    if (sets.ok()) {
      for (const ValidationSet& set : *sets) {
        for (const Example& e : set.examples) lines.push_back(FeatureLine(e.text));
      }
    }
    return lines;
  }();
  return lines;
}

// Expects the model at `path` to predict, for each of `lines`, what fastText's own predictLine
// gives: the same label and the same probability, bit for bit.
void ExpectPredictsAsFastText(const std::string& path, const std::vector<std::string>& lines) {
  SCOPED_TRACE(path);
  auto ours = FastTextModel::Load(path);
  ASSERT_TRUE(ours.ok()) << ours.status().ToString();
  fasttext::FastText reference;
  reference.loadModel(path);
  std::vector<std::pair<fasttext::real, std::string>> expected;
  FeatureTokens tokens;
  for (const std::string& line : lines) {
    std::istringstream in(line + "\n");
    ASSERT_TRUE(reference.predictLine(in, expected, 1, 0.0));
    tokens.Reset(line);
    const Prediction got = ours->Predict(tokens);
    ASSERT_EQ(expected.empty(), got.label.empty()) << line;
    if (expected.empty()) continue;
    ASSERT_EQ("__label__" + got.label, expected.front().second) << line;
    ASSERT_EQ(std::bit_cast<uint32_t>(got.p), std::bit_cast<uint32_t>(expected.front().first))
        << line << ": " << got.p << " against " << expected.front().first;
  }
}

class FastTextModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("fr_fasttext_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  // Trains a tiny two-label model; returns the paths of its .bin and .ftz.
  std::pair<std::string, std::string> TrainTiny() {
    std::ofstream input(Path("train.txt"));
    for (int i = 0; i < 50; ++i) {
      input << "__label__positive great good lovely\n__label__negative bad awful broken\n";
    }
    input.close();
    TrainSettings settings;
    settings.dim = 8;
    settings.epoch = 5;
    settings.bucket = 1000;
    settings.cutoff = 300;  // product quantisation needs at least 256 rows
    const Status trained =
        TrainAndQuantize(Path("train.txt"), settings, Path("m.bin"), Path("m.ftz"));
    EXPECT_TRUE(trained.ok()) << trained.ToString();
    return {Path("m.bin"), Path("m.ftz")};
  }

  // Trains a model of `args` (fastText's own settings; input and output are set here) on the
  // tiny model's lines; returns the path of its .bin.
  std::string TrainWithFastText(fasttext::Args args) {
    std::ofstream(Path("plain.txt")) << "__label__positive great good\n__label__negative bad\n";
    args.input = Path("plain.txt");
    args.model = fasttext::model_name::sup;
    args.thread = 1;
    args.verbose = 0;
    args.epoch = 1;
    args.dim = 4;
    args.bucket = 100;
    fasttext::FastText model;
    model.train(args);
    model.saveModel(Path("plain.bin"));
    return Path("plain.bin");
  }

  std::filesystem::path dir_;
};

TEST_F(FastTextModelTest, TrainsQuantisesAndPredicts) {
  const auto [bin, ftz] = TrainTiny();
  for (const std::string& path : {bin, ftz}) {
    auto model = FastTextModel::Load(path);
    ASSERT_TRUE(model.ok()) << model.status().ToString();
    const Prediction p = model->Predict("awful broken");
    EXPECT_EQ(p.label, "negative");
    EXPECT_GT(p.p, 0.5f);
    EXPECT_LE(p.p, 1.0f);
    EXPECT_EQ(model->Predict("lovely").label, "positive");
    EXPECT_EQ(model->Labels().size(), 2u);
  }
}

TEST_F(FastTextModelTest, MissingFileIsNotFoundAndNamesIt) {
  auto model = FastTextModel::Load(Path("nope.ftz"));
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), Errc::kNotFound);
  EXPECT_NE(model.status().message().find("nope.ftz"), std::string::npos);
}

TEST_F(FastTextModelTest, GarbageIsMalformed) {
  std::ofstream(Path("garbage.ftz")) << "this is not a model at all";
  auto model = FastTextModel::Load(Path("garbage.ftz"));
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), Errc::kMalformed);
  EXPECT_NE(model.status().message().find("garbage.ftz"), std::string::npos);
}

TEST_F(FastTextModelTest, TruncatedModelIsMalformed) {
  const auto [bin, ftz] = TrainTiny();
  std::filesystem::resize_file(ftz, std::filesystem::file_size(ftz) / 2);
  auto model = FastTextModel::Load(ftz);
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), Errc::kMalformed);
}

// Predicting from FeatureTokens must give what fastText's own predictLine gives for the line,
// for each shipped model, on the feature lines of every validation text (and a few odd lines).
TEST(FastTextModelShippedTest, PredictsAsFastTextsPredictLine) {
  ASSERT_GT(Lines().size(), 5000u);
  for (const char* name : {"sentiment_he.ftz", "sentiment_en.ftz", "intent.ftz"}) {
    ExpectPredictsAsFastText(std::string(FR_SOURCE_DIR "/models/") + name, Lines());
  }
}

// The same for models trained here: unquantised (every n-gram bucket a row) and quantised,
// with word trigrams and an odd dimension (the product quantiser's last block is one wide), on
// the validation lines themselves; and the tiny model, for which nearly every word is unknown.
TEST_F(FastTextModelTest, TrainedModelsPredictAsFastTextsPredictLine) {
  {
    auto sets = ValidationSets(FR_SHARED_DIR "/data");
    ASSERT_TRUE(sets.ok()) << sets.status().ToString();
    std::ofstream input(Path("validation.txt"));
    for (const ValidationSet& set : *sets) {
      for (const Example& e : set.examples) {
        input << "__label__" << e.label << ' ' << FeatureLine(e.text) << '\n';
      }
    }
  }
  TrainSettings settings;
  settings.dim = 7;
  settings.epoch = 2;
  settings.word_ngrams = 3;
  settings.bucket = 20000;
  settings.cutoff = 8000;
  const Status trained =
      TrainAndQuantize(Path("validation.txt"), settings, Path("v.bin"), Path("v.ftz"));
  ASSERT_TRUE(trained.ok()) << trained.ToString();
  const auto [bin, ftz] = TrainTiny();
  for (const std::string& path : {Path("v.bin"), Path("v.ftz"), bin, ftz}) {
    ExpectPredictsAsFastText(path, Lines());
  }
}

// Labels equally probable (an output matrix of zeros): fastText's heap keeps the last of them.
TEST_F(FastTextModelTest, TiesGoToTheLastLabelAsInFastText) {
  const auto [bin, ftz] = TrainTiny();
  fasttext::FastText model;
  model.loadModel(bin);
  auto output = std::make_shared<fasttext::DenseMatrix>(*model.getOutputMatrix());
  output->zero();
  model.setMatrices(std::make_shared<fasttext::DenseMatrix>(*model.getInputMatrix()), output);
  model.saveModel(Path("tie.bin"));
  ExpectPredictsAsFastText(Path("tie.bin"), {"", "lovely", "awful broken"});
  auto tie = FastTextModel::Load(Path("tie.bin"));
  ASSERT_TRUE(tie.ok()) << tie.status().ToString();
  EXPECT_EQ(tie->Predict("lovely").label, tie->Labels().back());
}

// A classifier of a kind the scorer does not reproduce is refused, naming the file.
TEST_F(FastTextModelTest, KindsTheScorerDoesNotReproduceAreInvalid) {
  fasttext::Args hierarchical;
  hierarchical.loss = fasttext::loss_name::hs;
  hierarchical.minn = 0;
  hierarchical.maxn = 0;
  fasttext::Args subwords;
  subwords.loss = fasttext::loss_name::softmax;
  subwords.minn = 2;
  subwords.maxn = 3;
  for (const fasttext::Args& args : {hierarchical, subwords}) {
    const std::string path = TrainWithFastText(args);
    auto model = FastTextModel::Load(path);
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.status().code(), Errc::kInvalidArgument);
    EXPECT_NE(model.status().message().find(path), std::string::npos);
  }
}

}  // namespace
}  // namespace fr::nlp
