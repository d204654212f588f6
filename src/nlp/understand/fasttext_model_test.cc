#include "nlp/understand/fasttext_model.h"

#include <fasttext/fasttext.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "nlp/understand/recipe.h"
#include "nlp/understand/text_features.h"

namespace fr::nlp {
namespace {

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

// Predicting from FeatureTokens must give what fastText's own predictLine gives for the line:
// the same label and the same probability, for each shipped model, on the feature lines of
// every validation text (and a few odd lines).
TEST(FastTextModelShippedTest, TokensPredictAsFastTextsPredictLine) {
  auto sets = ValidationSets(FR_SHARED_DIR "/data");
  ASSERT_TRUE(sets.ok()) << sets.status().ToString();
  std::vector<std::string> lines = {"", " ", "a\tb\vc", "a\nb", "__label__positive good",
                                    "xxq xxq xxq"};
  for (const ValidationSet& set : *sets) {
    for (const Example& e : set.examples) lines.push_back(FeatureLine(e.text));
  }
  ASSERT_GT(lines.size(), 5000u);
  for (const char* name : {"sentiment_he.ftz", "sentiment_en.ftz", "intent.ftz"}) {
    const std::string path = std::string(FR_SOURCE_DIR "/models/") + name;
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
      ASSERT_EQ(expected.empty(), got.label.empty()) << name << ": " << line;
      if (expected.empty()) continue;
      ASSERT_EQ("__label__" + got.label, expected.front().second) << name << ": " << line;
      ASSERT_EQ(got.p, expected.front().first) << name << ": " << line;
    }
  }
}

}  // namespace
}  // namespace fr::nlp
