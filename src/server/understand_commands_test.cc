#include "server/understand_commands.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <sstream>

namespace fr::server {
namespace {

// Negative complaints about food poisoning, whatever the text: classify's plumbing, not the
// models, is under test here.
class FixedUnderstander final : public ports::Understander {
 public:
  domain::Understanding Understand(std::string_view text) const override {
    domain::Understanding u;
    u.language = "he";
    u.sentiment = domain::Sentiment::kNegative;
    u.sentiment_p = 0.9f;
    u.intent = domain::Intent::kComplaint;
    u.intent_p = 0.8f;
    u.sensitivity = {"health"};
    return u;
  }
};

std::vector<boost::json::object> OutputLines(const std::string& out) {
  std::vector<boost::json::object> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(boost::json::parse(line).as_object());
  }
  return lines;
}

TEST(ClassifyCommandTest, OneAnswerPerLineWithTriage) {
  std::istringstream in(
      "{\"text\":\"הרעלת מזון\",\"followers\":50000,\"verified\":true,\"platform\":\"x\"}\n"
      "\n"
      "{\"text\":\"again\"}\n");
  std::ostringstream out, err;
  EXPECT_EQ(RunClassify(FixedUnderstander(), in, out, err), 0);
  EXPECT_EQ(err.str(), "");
  const auto lines = OutputLines(out.str());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].at("lang"), "he");
  EXPECT_EQ(lines[0].at("sentiment"), "negative");
  EXPECT_DOUBLE_EQ(lines[0].at("sentiment_p").as_double(), 0.9);
  EXPECT_EQ(lines[0].at("intent"), "complaint");
  EXPECT_EQ(lines[0].at("sensitivity"), boost::json::array{"health"});
  EXPECT_EQ(lines[0].at("priority"), "urgent");
  const auto& reasons = lines[0].at("reasons").as_array();
  EXPECT_NE(std::find(reasons.begin(), reasons.end(), boost::json::value("reach:vip")),
            reasons.end());
  // Without followers the same message is less urgent.
  EXPECT_EQ(lines[1].at("reasons").as_array().size() + 2, reasons.size());
}

TEST(ClassifyCommandTest, BadLinesGetAnErrorNamingTheLine) {
  std::istringstream in(
      "{\"text\":\"fine\"}\n"
      "not json\n"
      "{\"followers\":3}\n"
      "{\"text\":\"x\",\"followers\":\"many\"}\n"
      "[1,2]\n"
      "{\"text\":\"still here\"}\n");
  std::ostringstream out, err;
  EXPECT_EQ(RunClassify(FixedUnderstander(), in, out, err), 2);
  const auto lines = OutputLines(out.str());
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_TRUE(lines[0].contains("sentiment"));
  EXPECT_EQ(lines[1].at("error"), "line 2: not a JSON object");
  EXPECT_EQ(lines[2].at("error"), "line 3: no string \"text\"");
  EXPECT_EQ(lines[3].at("error"), "line 4: \"followers\" is not an integer");
  EXPECT_EQ(lines[4].at("error"), "line 5: not a JSON object");
  EXPECT_TRUE(lines[5].contains("sentiment"));
  EXPECT_NE(err.str().find("line 2: not a JSON object"), std::string::npos);
  EXPECT_NE(err.str().find("line 4:"), std::string::npos);
}

TEST(ClassifyCommandTest, MissingModelsNameTheFile) {
  std::istringstream in("{\"text\":\"hi\"}\n");
  std::ostringstream out, err;
  EXPECT_EQ(RunClassifyCommand("/nonexistent-models", in, out, err), 1);
  EXPECT_NE(err.str().find("/nonexistent-models/sentiment_he.ftz"), std::string::npos);
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace fr::server
