#include "base/unicode.h"

#include <gtest/gtest.h>

namespace fr::unicode {
namespace {

TEST(UnicodeTest, ComposesToNfc) {
  // "e" + COMBINING ACUTE -> "é"; Hebrew shin + shin dot stays composed-equivalent.
  auto r = ToNfc("cafe\xCC\x81");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "caf\xC3\xA9");
  auto he = ToNfc("שלום");
  ASSERT_TRUE(he.ok());
  EXPECT_EQ(*he, "שלום");
}

TEST(UnicodeTest, RejectsInvalidUtf8) {
  EXPECT_FALSE(IsValidUtf8("\xC3\x28"));
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // an encoded surrogate
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong '/'
  auto r = ToNfc("\xFF");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "invalid_utf8");
}

}  // namespace
}  // namespace fr::unicode
