#include "server/listen_commands.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fr::server {
namespace {

class ListenCommandsTest : public testing::Test {
 protected:
  std::string WriteRules(const std::string& content) {
    std::ofstream(path_) << content;
    return path_.string();
  }
  void TearDown() override { std::filesystem::remove(path_); }

  std::filesystem::path path_ = std::filesystem::temp_directory_path() /
                                ("fr_listen_rules_" + std::to_string(::getpid()) + ".txt");
};

TEST_F(ListenCommandsTest, OneLinePerPost) {
  const std::string rules = WriteRules(
      "# brand\n"
      "cantina: cantina OR קנטינה\n"
      "vip: followers:>=1000 cantina\n"
      "he-replies: קנטינה kind:reply lang:he platform:instagram\n");
  std::istringstream in(
      "{\"text\":\"שבקנטינה היה טוב\",\"lang\":\"he\",\"kind\":\"reply\",\"platform\":\"instagram\"}\n"
      "{\"text\":\"nothing\"}\n"
      "not json\n"
      "{\"text\":\"The CANTINA\",\"followers\":5000,\"author\":\"dana\"}\n"
      "{\"text\":\"x\",\"platform\":\"myspace\"}\n"
      "\n");
  std::ostringstream out, err;
  EXPECT_EQ(RunListenTest(rules, in, out, err), 1);
  EXPECT_EQ(out.str(),
            "{\"matches\":[\"cantina\",\"he-replies\"]}\n"
            "{\"matches\":[]}\n"
            "{\"error\":\"line 3: not JSON: syntax error\"}\n"
            "{\"matches\":[\"cantina\",\"vip\"]}\n"
            "{\"error\":\"line 5: unknown platform \\\"myspace\\\"\"}\n"
            "{\"error\":\"line 6: not JSON: incomplete JSON\"}\n");
  EXPECT_NE(err.str().find("feedroom listen test: line 3: not JSON"), std::string::npos);
}

TEST_F(ListenCommandsTest, AllGoodLinesExitZero) {
  const std::string rules = WriteRules("a: #cantina\n");
  std::istringstream in("{\"text\":\"#Cantina\"}\n");
  std::ostringstream out, err;
  EXPECT_EQ(RunListenTest(rules, in, out, err), 0);
  EXPECT_EQ(out.str(), "{\"matches\":[\"a\"]}\n");
}

TEST_F(ListenCommandsTest, BadRulesFileExitsTwo) {
  const std::string rules = WriteRules("ok: a\nbad: (a OR b\n");
  std::istringstream in("{\"text\":\"a\"}\n");
  std::ostringstream out, err;
  EXPECT_EQ(RunListenTest(rules, in, out, err), 2);
  EXPECT_EQ(err.str(), rules + ":2:13: rule bad: expected ')'\n");
  EXPECT_EQ(out.str(), "");
  std::ostringstream out2, err2;
  EXPECT_EQ(RunListenTest("/nonexistent/rules.txt", in, out2, err2), 2);
  EXPECT_EQ(err2.str(), "feedroom listen test: cannot read /nonexistent/rules.txt\n");
}

}  // namespace
}  // namespace fr::server
