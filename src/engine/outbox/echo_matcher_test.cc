// EchoTextMatches: how a platform's echo of a reply may differ from the text the outbox sent.
// Matching through the threader is tested in outbox_test.cc.
#include "engine/outbox/echo_matcher.h"

#include <gtest/gtest.h>

namespace fr::engine {
namespace {

using domain::Platform;

TEST(EchoTextMatchesTest, SameWordsMatchWhateverTheSpacing) {
  EXPECT_TRUE(
      EchoTextMatches(Platform::kMessenger, "שלום דנה, ההזמנה בדרך", "שלום דנה, ההזמנה בדרך"));
  EXPECT_TRUE(EchoTextMatches(Platform::kFacebook, "  תודה\nרבה ", "תודה רבה"));
  EXPECT_FALSE(EchoTextMatches(Platform::kFacebook, "תודה רבה", "תודה רבה!"));
  EXPECT_FALSE(EchoTextMatches(Platform::kFacebook, "תודה רבה", "תודה"));
}

TEST(EchoTextMatchesTest, XRepliesMayStartWithTheHandlesTheyAnswer) {
  EXPECT_TRUE(EchoTextMatches(Platform::kX, "ההזמנה בדרך 🚚", "@dana ההזמנה בדרך 🚚"));
  EXPECT_TRUE(EchoTextMatches(Platform::kX, "ההזמנה בדרך", "@dana @kantina_il ההזמנה בדרך"));
  // A reply that names someone itself is still matched word for word.
  EXPECT_TRUE(EchoTextMatches(Platform::kX, "@yossi ראה למטה", "@dana @yossi ראה למטה"));
  EXPECT_FALSE(EchoTextMatches(Platform::kX, "ההזמנה בדרך", "@dana ההזמנה התעכבה"));
  // Only X adds handles.
  EXPECT_FALSE(EchoTextMatches(Platform::kInstagram, "ההזמנה בדרך", "@dana ההזמנה בדרך"));
}

TEST(EchoTextMatchesTest, LinksMatchTheirShortenedForm) {
  EXPECT_TRUE(EchoTextMatches(Platform::kX, "מעקב: https://kantina.co.il/track/123 תודה",
                              "@dana מעקב: https://t.co/AbCdEf12 תודה"));
  EXPECT_FALSE(EchoTextMatches(Platform::kX, "מעקב: https://kantina.co.il/track/123",
                               "@dana מעקב: kantina"));
}

}  // namespace
}  // namespace fr::engine
