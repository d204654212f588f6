#include "channels/x/x_stream_rules.h"

#include <gtest/gtest.h>


#include "channels/x/x_test_util.h"
#include "tests/support/event_json.h"

namespace fr::channels::x {
namespace {

// The bytes of the shared X fixture `name`.
std::string ReadFixture(const std::string& name) {
  return fr::testing::ReadFileOrDie(testing::FixtureDir() + "/" + name);
}

TEST(XStreamRulesTest, ReadsTheRulesXHoldsFromTheSharedFixture) {
  auto rules = ParseStreamRules(ReadFixture("sns-python-twitter/get_rules.json"));
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  ASSERT_EQ(rules->size(), 2u);
  EXPECT_EQ((*rules)[0].id, "1165037377523306497");
  EXPECT_EQ((*rules)[0].value, "dog has:images");
  EXPECT_EQ((*rules)[0].tag, "dog pictures");
  EXPECT_EQ((*rules)[1].tag, "");  // the second has none

  auto added = ParseStreamRules(ReadFixture("sns-python-twitter/post_rules.json"));
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->size(), 4u);
  auto none = ParseStreamRules(R"({"meta":{"sent":"2026-11-23T00:00:00Z","result_count":0}})");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(ParseStreamRules(R"({"data":[{"id":"1"}]})").status().reason(), "missing_field");
}

TEST(XStreamRulesTest, PlanKeepsWhatMatchesDeletesTheRestAndAddsWhatIsMissing) {
  const std::vector<XStreamRuleOnX> on_x = {
      {"1", "קנטינה OR cantina", "brand"},
      {"2", "old rule", "old"},
      {"3", "קנטינה OR cantina", "brand"},       // a repeat of 1
      {"4", "קנטינה OR cantina", "other tag"},   // same value, another tag: not the same
  };
  const std::vector<XStreamRuleSpec> wanted = {{"קנטינה OR cantina", "brand"},
                                               {"\"Cantina Café\" -is:retweet", "cafe"},
                                               {"\"Cantina Café\" -is:retweet", "cafe"}};
  const XRuleChanges c = PlanRuleChanges(on_x, wanted);
  EXPECT_EQ(c.delete_ids, (std::vector<std::string>{"2", "3", "4"}));
  ASSERT_EQ(c.add.size(), 1u);
  EXPECT_EQ(c.add[0].tag, "cafe");
  EXPECT_TRUE(PlanRuleChanges({{"9", "a", ""}}, {{"a", ""}}).empty());
}

TEST(XStreamRulesTest, BodiesAreWhatXExpects) {
  EXPECT_EQ(DeleteRulesBody({"1", "2"}), R"({"delete":{"ids":["1","2"]}})");
  EXPECT_EQ(AddRulesBody({{"קנטינה", "brand"}, {"cantina", ""}}),
            R"({"add":[{"value":"קנטינה","tag":"brand"},{"value":"cantina"}]})");
}

TEST(XStreamRulesTest, AnswersWithRefusedRulesAreErrorsButDuplicatesAreNot) {
  EXPECT_TRUE(CheckRulesAnswer(201, R"({"meta":{"summary":{"created":1}}})").ok());
  EXPECT_TRUE(CheckRulesAnswer(
                  200, R"({"errors":[{"value":"cantina","id":"7","title":"DuplicateRule"}]})")
                  .ok());
  Status bad = CheckRulesAnswer(
      200, R"({"errors":[{"value":"has:images","title":"UnprocessableEntity"}]})");
  EXPECT_EQ(bad.code(), Errc::kInvalidArgument);
  EXPECT_NE(bad.message().find("has:images"), std::string::npos);
  EXPECT_EQ(CheckRulesAnswer(400, ReadFixture("sns-python-twitter/delete_error.json")).reason(),
            "rules_refused");
  EXPECT_EQ(CheckRulesAnswer(503, "").code(), Errc::kUnavailable);
}

}  // namespace
}  // namespace fr::channels::x
