#include "channels/common/json_fields.h"

#include <gtest/gtest.h>

namespace fr::channels {
namespace {

TEST(JsonFieldsTest, IdsKeepEveryDigitWhetherNumberOrString) {
  JsonDocument doc;
  ASSERT_TRUE(doc.Parse(R"({"a":1924465506158878979,"b":"1924465506158878979","c":1.5})").ok());
  EXPECT_EQ(IdMember(doc.root(), "a"), "1924465506158878979");
  EXPECT_EQ(IdMember(doc.root(), "b"), "1924465506158878979");
  EXPECT_EQ(IdMember(doc.root(), "c"), std::nullopt);
  EXPECT_EQ(IdMember(doc.root(), "missing"), std::nullopt);
}

TEST(JsonFieldsTest, IntsAndBoolsAcceptBothEncodings) {
  JsonDocument doc;
  ASSERT_TRUE(doc.Parse(R"({"t":"1577000000000","u":42,"x":"4x","b":"false","c":true,"n":null})").ok());
  EXPECT_EQ(IntMember(doc.root(), "t"), 1577000000000);
  EXPECT_EQ(IntMember(doc.root(), "u"), 42);
  EXPECT_EQ(IntMember(doc.root(), "x"), std::nullopt);
  JsonDocument big;
  ASSERT_TRUE(big.Parse(R"({"huge":1e300,"u64":18446744073709551615,"f":1.5e3})").ok());
  EXPECT_EQ(IntMember(big.root(), "huge"), std::nullopt);
  EXPECT_EQ(IntMember(big.root(), "u64"), std::nullopt);
  EXPECT_EQ(IntMember(big.root(), "f"), 1500);
  EXPECT_EQ(BoolMember(doc.root(), "b"), false);
  EXPECT_EQ(BoolMember(doc.root(), "c"), true);
  EXPECT_EQ(StringMember(doc.root(), "n"), std::nullopt);
}

TEST(JsonFieldsTest, SurrogatePairEscapesBecomeOneCodePoint) {
  JsonDocument doc;
  ASSERT_TRUE(doc.Parse(R"({"t":"\uD83E\uDD28 \u05e9\u05dc\u05d5\u05dd"})").ok());
  EXPECT_EQ(StringMember(doc.root(), "t"), "\xF0\x9F\xA4\xA8 שלום");
}

TEST(JsonFieldsTest, RejectsBadJsonAndBadUtf8WithDistinctReasons) {
  JsonDocument doc;
  Status s = doc.Parse("{\"a\":");
  EXPECT_EQ(s.code(), Errc::kMalformed);
  EXPECT_EQ(s.reason(), "malformed_json");
  s = doc.Parse("{\"a\":\"\xC3\x28\"}");
  EXPECT_EQ(s.reason(), "invalid_utf8");
}

}  // namespace
}  // namespace fr::channels
