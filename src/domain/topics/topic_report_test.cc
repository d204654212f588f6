#include "domain/topics/topic_report.h"

#include <gtest/gtest.h>

namespace fr::domain::topics {
namespace {

constexpr UnixMillis kFrom = 1'800'057'600'000;  // 2027-01-16T00:00:00Z
constexpr UnixMillis kDay = 86'400'000;

TopicReportInput Late(bool hebrew) {
  TopicReportInput in;
  in.name = "משלוח · הגיע";
  in.terms = {"משלוח", "הגיע"};
  in.count = 41;
  in.previous_count = 17;
  in.from = kFrom;
  in.to = kFrom + 7 * kDay;
  in.examples = {{"x", "dana", "המשלוח לא הגיע כבר שבוע\nמה קורה?", kFrom + 3600'000}};
  in.link = "https://care.example.com/topics?topic=12";
  in.hebrew = hebrew;
  return in;
}

TEST(TopicReportTest, EnglishReportWithCountsChangeWordsAndQuotedExamples) {
  const TopicReport r = MakeTopicReport(Late(false));
  EXPECT_EQ(r.title, "Recurring complaint: משלוח · הגיע (41)");
  EXPECT_EQ(r.body,
            "**41** complaints between 2027-01-16 and 2027-01-22 (17 in the period before, +141%).\n\n"
            "Top words: משלוח, הגיע\n\n"
            "### Examples\n\n"
            "> המשלוח לא הגיע כבר שבוע\n> מה קורה?\n"
            "— @dana on x, 2027-01-16 01:00 UTC\n\n"
            "[Open in Feedroom](https://care.example.com/topics?topic=12)\n\n"
            "_Sent from Feedroom_\n");
}

TEST(TopicReportTest, HebrewReportAndNothingBefore) {
  TopicReportInput in = Late(true);
  in.previous_count = 0;
  in.link.clear();
  const TopicReport r = MakeTopicReport(in);
  EXPECT_EQ(r.title, "תלונה חוזרת: משלוח · הגיע (41)");
  EXPECT_NE(r.body.find("**41** תלונות בין 2027-01-16 ל-2027-01-22 (אף אחת בתקופה שלפני)."),
            std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("Feedroom]("), std::string::npos);  // no link
}

TEST(TopicReportTest, LongExamplesAreCutOnCharacters) {
  TopicReportInput in = Late(false);
  in.examples[0].text = std::string(600, 'a');
  const TopicReport r = MakeTopicReport(in);
  EXPECT_NE(r.body.find("> " + std::string(500, 'a') + "…\n"), std::string::npos);
}

}  // namespace
}  // namespace fr::domain::topics
