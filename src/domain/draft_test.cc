#include "domain/draft.h"

#include <gtest/gtest.h>

namespace fr::domain {
namespace {

TEST(DraftTest, RoutesRoundTrip) {
  for (DraftRoute r : {DraftRoute::kPublicReply, DraftRoute::kPrivateReply,
                       DraftRoute::kDirectMessage, DraftRoute::kMoveToPrivate}) {
    EXPECT_EQ(ParseDraftRoute(DraftRouteName(r)), r);
  }
  EXPECT_EQ(ParseDraftRoute("move-to-private"), std::nullopt);
  EXPECT_EQ(ParseDraftRoute(""), std::nullopt);
}

TEST(DraftTest, TextsBecomeNfc) {
  Draft d;
  d.text = "caf\u0065\u0301";                                    // e + combining acute
  d.public_text = "\u05e9\u05c1\u05b8\u05dc\u05d5\u05b9\u05dd";  // שָׁלוֹם, marks out of order
  ASSERT_TRUE(NormalizeDraftTexts(d).ok());
  EXPECT_EQ(d.text, "caf\u00e9");
  EXPECT_EQ(d.public_text, "\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd");
}

TEST(DraftTest, EachTextHoldsTenThousandCharactersAfterNfc) {
  Draft d;
  // Hebrew letters are two bytes each: the limit counts characters, not bytes.
  for (std::size_t i = 0; i < kMaxDraftChars; ++i) d.private_text += "\u05d0";
  ASSERT_TRUE(NormalizeDraftTexts(d).ok());
  // 10,000 "e" + combining acute pairs are 20,000 code points, but 10,000 after NFC.
  for (std::size_t i = 0; i < kMaxDraftChars; ++i) d.text += "e\u0301";
  ASSERT_TRUE(NormalizeDraftTexts(d).ok());
  d.public_text = std::string(kMaxDraftChars + 1, 'a');
  Status s = NormalizeDraftTexts(d);
  EXPECT_EQ(s.code(), Errc::kInvalidArgument);
  EXPECT_EQ(s.reason(), "draft_too_long");
  EXPECT_EQ(s.message(), "public_text: at most 10000 characters, got 10001");
}

TEST(DraftTest, InvalidUtf8IsRefused) {
  Draft d;
  d.text = "\xC3\x28";
  EXPECT_EQ(NormalizeDraftTexts(d).reason(), "invalid_utf8");
}

}  // namespace
}  // namespace fr::domain
