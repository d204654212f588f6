#include "nlp/understand/datasets.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "nlp/understand/metrics.h"
#include "nlp/understand/recipe.h"

namespace fr::nlp {
namespace {

TEST(DatasetsTest, CsvQuotesCommasAndLineBreaks) {
  const auto rows = ParseCsv("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\r\nlast,\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"x, y", "say \"hi\"\nthere"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"last", ""}));
}

TEST(DatasetsTest, HeldOutIsATenthAndStable) {
  int held = 0;
  for (int i = 0; i < 10000; ++i) held += HeldOut(std::to_string(i)) ? 1 : 0;
  EXPECT_GT(held, 900);
  EXPECT_LT(held, 1100);
  EXPECT_EQ(HeldOut("22631081115127808"), HeldOut("22631081115127808"));
}

TEST(DatasetsTest, RequestOrQuestion) {
  EXPECT_EQ(RequestOrQuestion("Can you cancel my transfer?"), "request");
  EXPECT_EQ(RequestOrQuestion("I want a refund"), "request");
  EXPECT_EQ(RequestOrQuestion("How long does a transfer take?"), "question");
  EXPECT_EQ(RequestOrQuestion("where is my card"), "question");
  EXPECT_EQ(RequestOrQuestion("Top up my account"), "request");
}

TEST(DatasetsTest, ReadsTheSharedDataSets) {
  auto amram = AmramSentiment(FR_SHARED_DIR "/data");
  ASSERT_TRUE(amram.ok()) << amram.status().ToString();
  EXPECT_EQ(amram->train.size(), 5926u);
  EXPECT_EQ(amram->validation.size(), 846u);
  auto tweets = TweetSentiment(FR_SHARED_DIR "/data");
  ASSERT_TRUE(tweets.ok());
  EXPECT_EQ(tweets->validation.size(), 2000u);
  // The pool has 49,570 distinct ids; TweetEval's validation texts are left out of it.
  EXPECT_LT(tweets->train.size(), 49570u - 1900u);
  EXPECT_FALSE(AmramSentiment("/nonexistent").ok());
}

TEST(MetricsTest, AccuracyMacroF1AndRecall) {
  const std::vector<std::string> gold = {"a", "a", "b", "b"};
  const std::vector<std::string> predicted = {"a", "b", "b", "b"};
  const Scores s = Score(gold, predicted);
  EXPECT_DOUBLE_EQ(s.accuracy, 0.75);
  EXPECT_DOUBLE_EQ(s.macro_recall, (0.5 + 1.0) / 2);
  EXPECT_DOUBLE_EQ(s.Of("a").f1, 2 * 1.0 * 0.5 / 1.5);
  EXPECT_DOUBLE_EQ(s.Of("b").precision, 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.macro_f1, (s.Of("a").f1 + s.Of("b").f1) / 2);
}

TEST(CorrectionsTest, ReadsSentimentAndIntentSkipsOtherTasksAndNamesBadLines) {
  const auto path = std::filesystem::temp_directory_path() / "fr_corrections_test.jsonl";
  {
    std::ofstream out(path);
    out << R"({"text":"השירות גרוע","task":"sentiment","label":"negative"})" << '\n'
        << '\n'
        << R"({"text":"hi","task":"language","label":"en"})" << '\n'
        << R"({"text":"where is it?","task":"intent","label":"question"})" << '\n';
  }
  auto corrections = ReadCorrections(path.string());
  ASSERT_TRUE(corrections.ok()) << corrections.status().ToString();
  ASSERT_EQ(corrections->size(), 2u);
  EXPECT_EQ((*corrections)[0].label, "negative");
  EXPECT_EQ((*corrections)[1].task, "intent");

  std::ofstream(path, std::ios::app) << R"({"text":"x","task":"intent","label":"angry"})" << '\n';
  corrections = ReadCorrections(path.string());
  ASSERT_FALSE(corrections.ok());
  EXPECT_NE(corrections.status().message().find(":5: invalid label"), std::string::npos)
      << corrections.status().message();
  std::filesystem::remove(path);
  EXPECT_FALSE(ReadCorrections(path.string()).ok());
}

}  // namespace
}  // namespace fr::nlp
