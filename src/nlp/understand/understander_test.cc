#include "nlp/understand/understander.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fr::nlp {
namespace {

using domain::Intent;
using domain::Sentiment;

// The models shipped in models/ (the `feedroom train` recipe).
class ShippedModelsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded =
        ModelUnderstander::Load(FR_SOURCE_DIR "/models", domain::DefaultSensitiveLexicon());
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    understander_ = std::move(loaded).value().release();
  }
  static void TearDownTestSuite() { delete understander_; }

  static const ModelUnderstander* understander_;
};
const ModelUnderstander* ShippedModelsTest::understander_ = nullptr;

TEST_F(ShippedModelsTest, ClearHebrewSentences) {
  const auto good = understander_->Understand("תודה רבה על השירות המעולה, אתם פשוט נהדרים!");
  EXPECT_EQ(good.language, "he");
  EXPECT_EQ(good.sentiment, Sentiment::kPositive);
  EXPECT_GT(good.sentiment_p, 0.5f);

  const auto bad = understander_->Understand("שירות מחפיר, מבזים את הלקוחות. בושה וחרפה");
  EXPECT_EQ(bad.language, "he");
  EXPECT_EQ(bad.sentiment, Sentiment::kNegative);
  EXPECT_EQ(bad.intent, Intent::kComplaint);
}

TEST_F(ShippedModelsTest, NegativePraiseIsAComplaint) {
  // The intent model alone calls this Hebrew complaint praise; the sentiment overrules it.
  const auto u =
      understander_->Understand("הזמנתי לפני שבועיים וזה עדיין לא הגיע, אני פונה לעורך דין");
  EXPECT_EQ(u.sentiment, Sentiment::kNegative);
  EXPECT_GE(u.sentiment_p, kPraiseOverruledAt);
  EXPECT_EQ(u.intent, Intent::kComplaint);
  EXPECT_EQ(u.intent_p, u.sentiment_p);
}

TEST_F(ShippedModelsTest, HebrewQuestionsAndRequestsByTheirWording) {
  // The intent model alone calls "מתי אתם פתוחים מחר?" and "אפשר לבטל את ההזמנה שלי" praise.
  const auto question = understander_->Understand("מתי אתם פתוחים מחר?");
  EXPECT_EQ(question.language, "he");
  EXPECT_EQ(question.intent, Intent::kQuestion);
  EXPECT_EQ(question.intent_p, kCueP);
  EXPECT_EQ(understander_->Understand("האם יש לכם משלוחים לאילת?").intent, Intent::kQuestion);
  EXPECT_EQ(understander_->Understand("אפשר לבטל את ההזמנה שלי").intent, Intent::kRequest);
  // A request stays a request when the sentiment model is sure it is negative.
  for (const char* text : {"תחזירו לי את הכסף בבקשה", "אני צריכה עזרה עם החשבון"}) {
    const auto u = understander_->Understand(text);
    EXPECT_EQ(u.sentiment, Sentiment::kNegative) << text;
    EXPECT_GE(u.sentiment_p, kPraiseOverruledAt) << text;
    EXPECT_EQ(u.intent, Intent::kRequest) << text;
  }
}

TEST_F(ShippedModelsTest, AnAngryHebrewQuestionIsAComplaint) {
  for (const char* text :
       {"למה ההזמנה שלי עוד לא הגיעה?!", "איפה החבילה שלי?! כבר חודש אני מחכה, שירות מחפיר"}) {
    const auto u = understander_->Understand(text);
    EXPECT_EQ(u.sentiment, Sentiment::kNegative) << text;
    EXPECT_GE(u.sentiment_p, kPraiseOverruledAt) << text;
    EXPECT_EQ(u.intent, Intent::kComplaint) << text;
  }
}

TEST_F(ShippedModelsTest, EnglishIntentIsTheModels) {
  // No wording rule for English: these are the intent model's own answers.
  EXPECT_EQ(understander_->Understand("Can you cancel my order please?").intent, Intent::kRequest);
  EXPECT_EQ(understander_->Understand("When do you open tomorrow?").intent, Intent::kQuestion);
  const auto angry =
      understander_->Understand("Why is my order still not here?! Worst service ever");
  EXPECT_EQ(angry.intent, Intent::kComplaint);
  EXPECT_NE(angry.intent_p, kCueP);
}

TEST_F(ShippedModelsTest, ClearEnglishSentences) {
  const auto good = understander_->Understand("Thank you so much, the support team was great! :)");
  EXPECT_EQ(good.language, "en");
  EXPECT_EQ(good.sentiment, Sentiment::kPositive);
  EXPECT_EQ(good.intent, Intent::kPraise);

  const auto bad = understander_->Understand(
      "@united worst airline ever, my flight was cancelled and my bag is lost. terrible service");
  EXPECT_EQ(bad.sentiment, Sentiment::kNegative);
  EXPECT_EQ(bad.intent, Intent::kComplaint);

  const auto question = understander_->Understand("How do I reset my card PIN?");
  EXPECT_EQ(question.intent, Intent::kQuestion);
}

TEST_F(ShippedModelsTest, SensitiveTopicsFromTheLexicon) {
  const auto u = understander_->Understand("אכלתי אצלכם וקיבלתי הרעלת מזון, אני פונה לעורך דין");
  EXPECT_EQ(u.sensitivity, (std::vector<std::string>{"health", "legal"}));
  EXPECT_TRUE(understander_->Understand("Great pizza").sensitivity.empty());
  EXPECT_EQ(understander_->Understand("We will boycott you").sensitivity,
            std::vector<std::string>{"boycott"});
}

TEST_F(ShippedModelsTest, NothingToReadIsUndNeutralOther) {
  for (const char* text : {"", "   ", "\xff\xfe"}) {
    const auto u = understander_->Understand(text);
    EXPECT_EQ(u.language, "und");
    EXPECT_EQ(u.sentiment, Sentiment::kNeutral);
    EXPECT_EQ(u.intent, Intent::kOther);
    EXPECT_TRUE(u.sensitivity.empty());
  }
}

TEST(ModelUnderstanderLoadTest, MissingModelNamesTheFile) {
  const auto dir = std::filesystem::temp_directory_path() / "fr_understander_empty_models";
  std::filesystem::create_directories(dir);
  auto loaded = ModelUnderstander::Load(dir.string(), domain::DefaultSensitiveLexicon());
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("sentiment_he.ftz"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(ModelUnderstanderLoadTest, CorruptModelNamesTheFile) {
  const auto dir = std::filesystem::temp_directory_path() / "fr_understander_corrupt_models";
  std::filesystem::create_directories(dir);
  for (const char* name : {"sentiment_he.ftz", "sentiment_en.ftz"}) {
    std::filesystem::copy_file(std::string(FR_SOURCE_DIR "/models/") + name, dir / name,
                               std::filesystem::copy_options::overwrite_existing);
  }
  std::ofstream(dir / "intent.ftz") << "garbage";
  auto loaded = ModelUnderstander::Load(dir.string(), domain::DefaultSensitiveLexicon());
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("intent.ftz"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(ModelUnderstanderLoadTest, ModelWithForeignLabelsIsRejected) {
  const auto dir = std::filesystem::temp_directory_path() / "fr_understander_swapped_models";
  std::filesystem::create_directories(dir);
  // An intent model where a sentiment model belongs.
  std::filesystem::copy_file(FR_SOURCE_DIR "/models/intent.ftz", dir / "sentiment_he.ftz",
                             std::filesystem::copy_options::overwrite_existing);
  auto loaded = ModelUnderstander::Load(dir.string(), domain::DefaultSensitiveLexicon());
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("unexpected label"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace fr::nlp
