#include "channels/sim/sim_ids.h"

#include <gtest/gtest.h>

namespace fr::channels::sim {
namespace {

bool Less(const std::string& a, const std::string& b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

TEST(IdGeneratorTest, SnowflakesAreTimeOrderedAndUniqueEvenWhenTimeRepeats) {
  IdGenerator ids;
  const std::string a = ids.Snowflake(1'767'225'600'000);
  const std::string b = ids.Snowflake(1'767'225'600'000);
  const std::string c = ids.Snowflake(1'767'225'599'000);  // the clock went back
  EXPECT_EQ(a.size(), 19u);
  EXPECT_TRUE(Less(a, b));
  EXPECT_TRUE(Less(b, c));
  // The time sits in the top bits, as in X's ids: (ms - epoch) << 22.
  EXPECT_EQ(std::stoll(a) >> 22, 1'767'225'600'000 - 1'288'834'974'657);
}

TEST(IdGeneratorTest, MetaIdsHaveTheirPlatformsShapes) {
  IdGenerator ids;
  const std::string post = ids.FacebookPostId("104000000000001");
  EXPECT_EQ(post.substr(0, 16), "104000000000001_");
  const std::string comment = ids.FacebookCommentId(post);
  EXPECT_EQ(comment.substr(0, comment.find('_')), post.substr(post.find('_') + 1));
  EXPECT_EQ(ids.InstagramId().size(), 17u);
  EXPECT_NE(ids.InstagramId(), ids.InstagramId());
  const std::string mid = ids.MessengerMid();
  EXPECT_EQ(mid.substr(0, 2), "m_");
  EXPECT_EQ(mid.size(), 45u);
  EXPECT_EQ(mid.find_first_of("+/="), std::string::npos);
  EXPECT_EQ(ids.InstagramMid().substr(0, 4), "aWdf");
  EXPECT_EQ(ids.FbTraceId().size(), 11u);
}

TEST(IdGeneratorTest, NumericIdsAreCheckedAndOrderedAsNumbers) {
  EXPECT_TRUE(IsNumericId("1500000000000000001"));
  EXPECT_FALSE(IsNumericId("15000000000000000010"));  // 20 digits
  EXPECT_FALSE(IsNumericId(""));
  EXPECT_FALSE(IsNumericId("-1"));
  EXPECT_TRUE(NumericIdBefore("99", "100"));
  EXPECT_TRUE(NumericIdBefore("100", "101"));
  EXPECT_FALSE(NumericIdBefore("101", "101"));
  IdGenerator ids;
  const std::string first = ids.Snowflake(1'767'225'600'000);
  EXPECT_TRUE(NumericIdBefore(first, ids.Snowflake(1'767'225'600'000)));
}

}  // namespace
}  // namespace fr::channels::sim
