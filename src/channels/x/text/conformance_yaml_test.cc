#include "channels/x/text/conformance_yaml.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

namespace fr::channels::x::testing {
namespace {

TEST(ConformanceYamlTest, MissingSectionOrFileFailsTheTest) {
  EXPECT_NONFATAL_FAILURE(LoadConformanceSection("validate.yml", "no_such_section"),
                          "no cases in section no_such_section");
  EXPECT_NONFATAL_FAILURE(LoadConformanceSection("no_such_file.yml", "tweets"),
                          "cannot read no_such_file.yml");
}

TEST(ConformanceYamlTest, ReadsEveryCaseOfASection) {
  std::vector<ConformanceCase> cases = LoadConformanceSection("validate.yml", "usernames");
  ASSERT_EQ(cases.size(), 4u);
  EXPECT_EQ(cases[0].description, "Valid username: a-z < 20 characters");
  EXPECT_EQ(cases[0].text, "@username");
  EXPECT_TRUE(cases[0].expected.as<bool>());
}

}  // namespace
}  // namespace fr::channels::x::testing
