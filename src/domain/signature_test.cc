#include "domain/signature.h"

#include <gtest/gtest.h>

namespace fr::domain {
namespace {

constexpr SignatureOutcome kSigned = SignatureOutcome::kSigned;
constexpr SignatureOutcome kUnsigned = SignatureOutcome::kUnsigned;
constexpr SignatureOutcome kTooLong = SignatureOutcome::kTooLong;

const Signer kDanaHe{SignatureStyle::kDashName, "דנה", "צוות שירות הלקוחות"};
const Signer kDanaEn{SignatureStyle::kDashName, "Dana", "Customer Care"};

// LRM, RLM, ALM, the embeddings and overrides, the isolates.
bool HasBidiControl(std::string_view s) {
  for (const char* control : {"\u200E", "\u200F", "\u061C", "\u202A", "\u202B", "\u202C",
                              "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"}) {
    if (s.find(control) != std::string_view::npos) return true;
  }
  return false;
}

TEST(SignatureTest, FormsByPlatformAndStyle) {
  struct Case {
    const char* text;
    Platform platform;
    Signer signer;
    const char* want;  // byte for byte; \xE2\x80\x94 is the em dash U+2014
    SignatureOutcome outcome;
  };
  const Case cases[] = {
      // X and TikTok always take the caret form, after one space.
      {"ההזמנה בדרך", Platform::kX, {SignatureStyle::kCaret, "דנה", ""},
       "ההזמנה בדרך ^דנה", kSigned},
      {"ההזמנה בדרך", Platform::kX, kDanaHe, "ההזמנה בדרך ^דנה", kSigned},
      {"On its way!", Platform::kX, kDanaEn, "On its way! ^Dana", kSigned},
      {"On its way!", Platform::kTikTok, kDanaEn, "On its way! ^Dana", kSigned},
      // Meta and LinkedIn: the team's style; dash_name on its own line, with the team's name.
      {"תודה על הסבלנות", Platform::kFacebook, kDanaHe,
       "תודה על הסבלנות\n\xE2\x80\x94 דנה, צוות שירות הלקוחות", kSigned},
      {"Your refund is on its way.", Platform::kMessenger, kDanaEn,
       "Your refund is on its way.\n\xE2\x80\x94 Dana, Customer Care", kSigned},
      {"Done", Platform::kLinkedIn, {SignatureStyle::kDashName, "Dana", ""},
       "Done\n\xE2\x80\x94 Dana", kSigned},
      {"Done", Platform::kInstagram, {SignatureStyle::kCaret, "Dana", "Care"}, "Done ^Dana",
       kSigned},
      // Trailing whitespace goes; the name is trimmed and kept whole.
      {"בדקנו  \n\t", Platform::kX, {SignatureStyle::kCaret, " דנה כהן ", ""},
       "בדקנו ^דנה כהן", kSigned},
      {"  ", Platform::kX, kDanaHe, "^דנה", kSigned},
      // No signature.
      {"שלום ", Platform::kX, {SignatureStyle::kNone, "דנה", ""}, "שלום", kUnsigned},
      {"Hi", Platform::kFacebook, {SignatureStyle::kNone, "Dana", "Care"}, "Hi", kUnsigned},
      {"Hi", Platform::kFacebook, {SignatureStyle::kDashName, "  ", "Care"}, "Hi", kUnsigned},
  };
  for (const Case& c : cases) {
    const SignedText got = SignReply(c.text, c.platform, c.signer);
    EXPECT_EQ(got.text, c.want) << c.text;
    EXPECT_EQ(got.outcome, c.outcome) << c.text;
    EXPECT_FALSE(HasBidiControl(got.text)) << c.text;
  }
}

TEST(SignatureTest, ResultIsNfc) {
  // "Renée" with a combining acute, and a text with שׁ as letter + shin dot after a dagesh
  // (NFC orders the points: dagesh U+05BC, then shin dot U+05C1).
  const SignedText got = SignReply("\u05E9\u05C1\u05BC\u05DC\u05D5\u05DD", Platform::kFacebook,
                                   {SignatureStyle::kDashName, "Rene\u0301e", ""});
  EXPECT_EQ(got.text, "\u05E9\u05BC\u05C1\u05DC\u05D5\u05DD\n\u2014 Ren\u00E9e");
}

TEST(SignatureTest, SigningTwiceChangesNothing) {
  for (Platform platform : {Platform::kX, Platform::kFacebook}) {
    const SignedText once = SignReply("תודה רבה", platform, kDanaHe);
    const SignedText twice = SignReply(once.text, platform, kDanaHe);
    EXPECT_EQ(twice, once);
    EXPECT_EQ(twice.outcome, kSigned);
  }
  // Another agent's signature is not this one's: it is signed again.
  EXPECT_EQ(SignReply("תודה ^יעל", Platform::kX, kDanaHe).text, "תודה ^יעל ^דנה");
}

TEST(SignatureTest, NeverPushesATextPastItsLimit) {
  // A stand-in for X's weighted counter: one unit per code point, 280 at most.
  const FitsLimit fits = [](std::string_view text) {
    int units = 0;
    for (unsigned char c : text) units += (c & 0xC0) != 0x80;
    return units <= 280;
  };
  const Signer dana{SignatureStyle::kCaret, "דנה", ""};  // " ^דנה" adds 5
  const std::string at_limit(275, 'a');
  EXPECT_EQ(SignReply(at_limit, Platform::kX, dana, fits),
            (SignedText{at_limit + " ^דנה", kSigned}));
  const std::string over(276, 'a');
  EXPECT_EQ(SignReply(over, Platform::kX, dana, fits), (SignedText{over, kTooLong}));
  // Without a check the signature is always added.
  EXPECT_EQ(SignReply(over, Platform::kX, dana).outcome, kSigned);
  // An already signed text stays signed, even when it is at the limit.
  const std::string signed_at_limit = at_limit + " ^דנה";
  EXPECT_EQ(SignReply(signed_at_limit, Platform::kX, dana, fits).outcome, kSigned);
  // kNone never asks.
  EXPECT_EQ(SignReply(over, Platform::kX, {SignatureStyle::kNone, "דנה", ""},
                      [](std::string_view) { return false; }).outcome,
            kUnsigned);
}

}  // namespace
}  // namespace fr::domain
