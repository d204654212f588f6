#include "domain/reply_capability.h"

#include <gtest/gtest.h>

namespace fr::domain {
namespace {

constexpr UnixMillis kMinute = 60 * 1000;
constexpr UnixMillis kHour = 60 * kMinute;
constexpr UnixMillis kDay = 24 * kHour;
constexpr UnixMillis kNow = 1'763'800'000'000;

// A fresh public comment that summoned the brand, from a customer who wrote privately an hour
// ago: every route the platform has is open.
ReplyCapabilityQuery Open(Platform platform, ReplyRoute route) {
  ReplyCapabilityQuery q;
  q.platform = platform;
  q.route = route;
  q.target_kind = MessageKind::kComment;
  q.target_visibility = Visibility::kPublic;
  q.target_created_at = kNow - kHour;
  q.target_summons_brand = true;
  q.last_inbound_dm_at = kNow - kHour;
  q.now = kNow;
  return q;
}

TEST(ReplyCapabilityTest, RoutesEachPlatformOffers) {
  constexpr auto kPublic = ReplyRoute::kPublicReply;
  constexpr auto kPrivate = ReplyRoute::kPrivateReply;
  constexpr auto kDm = ReplyRoute::kDirectMessage;
  struct Case {
    Platform platform;
    ReplyRoute route;
    const char* code;
  };
  const Case cases[] = {
      {Platform::kX, kPublic, "allowed"},
      {Platform::kX, kPrivate, "unsupported_route"},
      {Platform::kX, kDm, "allowed"},
      {Platform::kFacebook, kPublic, "allowed"},
      {Platform::kFacebook, kPrivate, "allowed"},
      {Platform::kFacebook, kDm, "unsupported_route"},
      {Platform::kMessenger, kPublic, "unsupported_route"},
      {Platform::kMessenger, kPrivate, "unsupported_route"},
      {Platform::kMessenger, kDm, "allowed"},
      {Platform::kInstagram, kPublic, "allowed"},
      {Platform::kInstagram, kPrivate, "allowed"},
      {Platform::kInstagram, kDm, "allowed"},
      {Platform::kLinkedIn, kPublic, "allowed"},
      {Platform::kLinkedIn, kPrivate, "unsupported_route"},
      {Platform::kLinkedIn, kDm, "unsupported_route"},
      {Platform::kTikTok, kPublic, "allowed"},
      {Platform::kTikTok, kPrivate, "unsupported_route"},
      {Platform::kTikTok, kDm, "unsupported_route"},
      {Platform::kRss, kPublic, "no_reply_path"},
      {Platform::kRss, kPrivate, "no_reply_path"},
      {Platform::kRss, kDm, "no_reply_path"},
  };
  for (const Case& c : cases) {
    const ReplyCapability got = CheckReplyCapability(Open(c.platform, c.route));
    EXPECT_EQ(got.reason.code, c.code)
        << PlatformName(c.platform) << " " << ReplyRouteName(c.route);
    const bool allowed = std::string_view(c.code) == "allowed";
    EXPECT_EQ(got.verdict, allowed ? ReplyVerdict::kAllowed : ReplyVerdict::kDenied);
    EXPECT_FALSE(got.reason.message.empty());
  }
}

TEST(ReplyCapabilityTest, UnsupportedRouteSaysWhatToUseInstead) {
  EXPECT_EQ(CheckReplyCapability(Open(Platform::kX, ReplyRoute::kPrivateReply)).reason.message,
            "X does not offer a private reply; use a public reply or a direct message.");
  EXPECT_EQ(
      CheckReplyCapability(Open(Platform::kMessenger, ReplyRoute::kPublicReply)).reason.message,
      "Messenger does not offer a public reply; use a direct message.");
  EXPECT_EQ(
      CheckReplyCapability(Open(Platform::kFacebook, ReplyRoute::kDirectMessage)).reason.message,
      "Facebook does not offer a direct message; use a public reply or a private reply.");
}

TEST(ReplyCapabilityTest, XPublicReplyOnlyWhenSummoned) {
  struct Case {
    MessageKind kind;
    bool summons;
    const char* code;
  };
  const Case cases[] = {
      {MessageKind::kPost, false, "x_not_summoned"},
      {MessageKind::kReply, false, "x_not_summoned"},
      {MessageKind::kPost, true, "allowed"},
      {MessageKind::kReply, true, "allowed"},
      {MessageKind::kMention, false, "allowed"},  // a mention summons by definition
      {MessageKind::kQuote, false, "allowed"},    // so does a quote of the brand's post
  };
  for (const Case& c : cases) {
    ReplyCapabilityQuery q = Open(Platform::kX, ReplyRoute::kPublicReply);
    q.target_kind = c.kind;
    q.target_summons_brand = c.summons;
    const ReplyCapability got = CheckReplyCapability(q);
    EXPECT_EQ(got.reason.code, c.code) << MessageKindName(c.kind) << " " << c.summons;
    EXPECT_EQ(got.open_until, 0);
  }
  // The DM is X's private route, open whether or not the customer ever wrote one.
  ReplyCapabilityQuery dm = Open(Platform::kX, ReplyRoute::kDirectMessage);
  dm.target_summons_brand = false;
  dm.last_inbound_dm_at = 0;
  EXPECT_EQ(CheckReplyCapability(dm).verdict, ReplyVerdict::kAllowed);
}

TEST(ReplyCapabilityTest, RepliesMustFitTheTarget) {
  struct Case {
    Platform platform;
    ReplyRoute route;
    MessageKind kind;
    Visibility visibility;
    const char* code;
  };
  const Case cases[] = {
      {Platform::kX, ReplyRoute::kPublicReply, MessageKind::kDm, Visibility::kPrivate,
       "unsupported_route"},
      {Platform::kInstagram, ReplyRoute::kPublicReply, MessageKind::kDm, Visibility::kPrivate,
       "unsupported_route"},
      {Platform::kInstagram, ReplyRoute::kPrivateReply, MessageKind::kDm, Visibility::kPrivate,
       "unsupported_route"},
      {Platform::kFacebook, ReplyRoute::kPrivateReply, MessageKind::kReview,
       Visibility::kPublic, "unsupported_route"},
      {Platform::kFacebook, ReplyRoute::kPrivateReply, MessageKind::kRepost,
       Visibility::kPublic, "unsupported_route"},
      {Platform::kFacebook, ReplyRoute::kPrivateReply, MessageKind::kPost, Visibility::kPublic,
       "allowed"},
      {Platform::kFacebook, ReplyRoute::kPrivateReply, MessageKind::kReply, Visibility::kPublic,
       "allowed"},
      {Platform::kInstagram, ReplyRoute::kPrivateReply, MessageKind::kMention,
       Visibility::kPublic, "allowed"},
      {Platform::kFacebook, ReplyRoute::kPublicReply, MessageKind::kReview, Visibility::kPublic,
       "allowed"},
  };
  for (const Case& c : cases) {
    ReplyCapabilityQuery q = Open(c.platform, c.route);
    q.target_kind = c.kind;
    q.target_visibility = c.visibility;
    EXPECT_EQ(CheckReplyCapability(q).reason.code, c.code)
        << PlatformName(c.platform) << " " << ReplyRouteName(c.route) << " "
        << MessageKindName(c.kind);
  }
}

TEST(ReplyCapabilityTest, PrivateReplyOncePerCommentWithinSevenDays) {
  struct Case {
    UnixMillis age;
    bool already_sent;
    const char* code;
  };
  const Case cases[] = {
      {0, false, "allowed"},
      {-5 * kMinute, false, "allowed"},  // clock skew: a comment "from the future"
      {7 * kDay - 1, false, "allowed"},
      {7 * kDay, false, "private_reply_expired"},
      {30 * kDay, false, "private_reply_expired"},
      {kHour, true, "private_reply_used"},
      {30 * kDay, true, "private_reply_used"},
  };
  for (Platform platform : {Platform::kFacebook, Platform::kInstagram}) {
    for (const Case& c : cases) {
      ReplyCapabilityQuery q = Open(platform, ReplyRoute::kPrivateReply);
      q.target_created_at = kNow - c.age;
      q.private_reply_sent = c.already_sent;
      const ReplyCapability got = CheckReplyCapability(q);
      EXPECT_EQ(got.reason.code, c.code) << PlatformName(platform) << " age " << c.age;
      const bool allowed = std::string_view(c.code) == "allowed";
      EXPECT_EQ(got.open_until, allowed ? q.target_created_at + 7 * kDay : 0);
      EXPECT_TRUE(got.tag.empty());
    }
  }
}

TEST(ReplyCapabilityTest, MetaDirectMessageWindows) {
  struct Case {
    UnixMillis since_last;  // how long ago the customer last wrote privately
    ReplyVerdict verdict;
    const char* code;
    UnixMillis open_for;  // open_until - last message; 0 when denied
  };
  const Case cases[] = {
      {0, ReplyVerdict::kAllowed, "allowed", kDay},
      {-5 * kMinute, ReplyVerdict::kAllowed, "allowed", kDay},
      {kDay - 1, ReplyVerdict::kAllowed, "allowed", kDay},
      {kDay, ReplyVerdict::kNeedsTag, "human_agent_tag", 7 * kDay},
      {3 * kDay, ReplyVerdict::kNeedsTag, "human_agent_tag", 7 * kDay},
      {7 * kDay - 1, ReplyVerdict::kNeedsTag, "human_agent_tag", 7 * kDay},
      {7 * kDay, ReplyVerdict::kDenied, "window_closed", 0},
      {60 * kDay, ReplyVerdict::kDenied, "window_closed", 0},
  };
  for (Platform platform : {Platform::kMessenger, Platform::kInstagram}) {
    for (const Case& c : cases) {
      ReplyCapabilityQuery q = Open(platform, ReplyRoute::kDirectMessage);
      q.last_inbound_dm_at = kNow - c.since_last;
      const ReplyCapability got = CheckReplyCapability(q);
      EXPECT_EQ(got.verdict, c.verdict) << PlatformName(platform) << " " << c.since_last;
      EXPECT_EQ(got.reason.code, c.code) << PlatformName(platform) << " " << c.since_last;
      EXPECT_EQ(got.open_until, c.open_for == 0 ? 0 : q.last_inbound_dm_at + c.open_for);
      EXPECT_EQ(got.tag, c.verdict == ReplyVerdict::kNeedsTag ? kHumanAgentTag : "");
    }
  }
}

TEST(ReplyCapabilityTest, NoDirectMessageBeforeTheCustomerWrites) {
  ReplyCapabilityQuery q = Open(Platform::kInstagram, ReplyRoute::kDirectMessage);
  q.last_inbound_dm_at = 0;
  // A private reply to their comment does not open the window either: only their message does.
  q.private_reply_sent = true;
  const ReplyCapability got = CheckReplyCapability(q);
  EXPECT_EQ(got.reason.code, "window_closed");
  EXPECT_EQ(got.reason.message,
            "The customer has not written to the brand on Instagram, and a business may write "
            "only after they do; answer their comment publicly or with a private reply.");
}

TEST(ReplyCapabilityTest, TagMessageExplainsTheTerms) {
  ReplyCapabilityQuery q = Open(Platform::kMessenger, ReplyRoute::kDirectMessage);
  q.last_inbound_dm_at = kNow - 2 * kDay;
  EXPECT_EQ(CheckReplyCapability(q),
            (ReplyCapability{ReplyVerdict::kNeedsTag,
                             {"human_agent_tag",
                              "The customer's last message is over 24 hours old: Messenger "
                              "accepts this only as a person's answer, sent with the "
                              "HUMAN_AGENT tag, until 7 days after it, and without promotion."},
                             "HUMAN_AGENT",
                             kNow + 5 * kDay}));
}

}  // namespace
}  // namespace fr::domain
