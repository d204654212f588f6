#include "nlp/understand/fasttext_model.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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

}  // namespace
}  // namespace fr::nlp
