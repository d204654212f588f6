#include "channels/common/time_formats.h"

#include <gtest/gtest.h>

namespace fr::channels {
namespace {

TEST(TimeFormatsTest, TwitterDate) {
  // 2019-12-19T11:27:49Z
  EXPECT_EQ(ParseTwitterDate("Thu Dec 19 11:27:49 +0000 2019"), 1576754869000);
  EXPECT_EQ(ParseTwitterDate("Thu Dec 19 13:27:49 +0200 2019"), 1576754869000);
  EXPECT_EQ(ParseTwitterDate("Thu Dex 19 11:27:49 +0000 2019"), std::nullopt);
  EXPECT_EQ(ParseTwitterDate("2019-12-19"), std::nullopt);
}

TEST(TimeFormatsTest, Iso8601) {
  EXPECT_EQ(ParseIso8601("2020-06-25T06:14:19.000Z"), 1593065659000);
  EXPECT_EQ(ParseIso8601("2020-06-25T06:14:19.5Z"), 1593065659500);
  EXPECT_EQ(ParseIso8601("2020-06-25T08:14:19+02:00"), 1593065659000);
  EXPECT_EQ(ParseIso8601("1969-12-31T23:59:59Z"), -1000);
  EXPECT_EQ(ParseIso8601("2020-13-25T06:14:19Z"), std::nullopt);
  EXPECT_EQ(ParseIso8601("2020-06-25T06:14:19"), std::nullopt);
}

}  // namespace
}  // namespace fr::channels
