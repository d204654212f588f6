#include "channels/x/text/top_level_domains.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/temp_dir.h"

namespace fr::channels::x {
namespace {

TEST(TopLevelDomainsTest, KeepsTheLastLabelOfEveryRuleInBothForms) {
  fr::testing::TempDir dir;
  std::ofstream(dir.File("list.dat")) << "// ===BEGIN ICANN DOMAINS===\n"
                                         "com\n"
                                         "co.uk\n"
                                         "*.ck\n"
                                         "!www.ck\n"
                                         "\n"
                                         "// comment.org\n"
                                         "みんな\n"
                                         "blogspot.com  trailing words\n";
  Result<TopLevelDomains> tlds = TopLevelDomains::LoadFromFile(dir.File("list.dat"));
  ASSERT_TRUE(tlds.ok()) << tlds.status().ToString();
  for (std::string_view label :
       {"com", "COM", "uk", "ck", "みんな", "xn--q9jyb4c", "XN--Q9JYB4C"}) {
    EXPECT_TRUE(tlds->Contains(label)) << label;
  }
  for (std::string_view label : {"co", "org", "blogspot", "", "co.uk", "comm"}) {
    EXPECT_FALSE(tlds->Contains(label)) << label;
  }
}

TEST(TopLevelDomainsTest, MissingOrEmptyListIsAClearError) {
  fr::testing::TempDir dir;
  Result<TopLevelDomains> missing = TopLevelDomains::LoadFromFile(dir.File("absent.dat"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().reason(), "tld_list_missing");
  EXPECT_NE(missing.status().message().find("publicsuffix"), std::string::npos);

  std::ofstream(dir.File("empty.dat")) << "// nothing here\n";
  Result<TopLevelDomains> empty = TopLevelDomains::LoadFromFile(dir.File("empty.dat"));
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().reason(), "tld_list_empty");
}

TEST(TopLevelDomainsTest, SystemListHasTheTldsXLinks) {
  const Result<TopLevelDomains>& tlds = TopLevelDomains::System();
  ASSERT_TRUE(tlds.ok()) << tlds.status().ToString();
  for (std::string_view label : {"com", "il", "jp", "co", "ly", "みんな", "中国", "پاکستان"}) {
    EXPECT_TRUE(tlds->Contains(label)) << label;
  }
  for (std::string_view label : {"baz", "comm", "bz2", "x", "jpeg"}) {
    EXPECT_FALSE(tlds->Contains(label)) << label;
  }
  EXPECT_EQ(&TopLevelDomains::System(), &tlds);  // loaded once
}

}  // namespace
}  // namespace fr::channels::x
